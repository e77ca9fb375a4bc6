import "server-only";
import { eventResource, listParticipants, type EventRecord } from "@/lib/db/events";
import type { ExportSource } from "../run";
import { h } from "./common";

export type ParticipantExportRow = Awaited<ReturnType<typeof listParticipants>>[number];

/**
 * The participants of one event as its page lists them (lib/db/events.ts listParticipants, waiting
 * ones first): every registration for the office that runs the event, the confirmed ones for
 * everyone else who may open the event, as the page shows them. An event's registrations are a
 * few hundred at most, so they are read whole, once, within the export's bound.
 */
export function participantExport(event: EventRecord, manages: boolean): ExportSource<Record<string, never>, ParticipantExportRow> {
  let loaded: Promise<ParticipantExportRow[]> | null = null;
  const visible = () => (loaded ??= listParticipants(event).then((rows) => (manages ? rows : rows.filter((p) => p.status === "CONFIRMED"))));
  return {
    action: "event.list",
    resource: eventResource(event),
    count: async () => (await visible()).length,
    rows: async (_db, _actor, _f, skip, take) => (await visible()).slice(skip, skip + take),
    describe: (t) => ({
      sheetName: t("reports.export.participants.sheet"),
      title: t("reports.export.participants.title", { event: event.name }),
      fileName: t("reports.export.participants.file", { event: event.name }),
      filters: manages ? [] : [t("reports.export.filter.confirmedOnly")],
      columns: manages
        ? [
            { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
            { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
            { header: h(t, "phone"), key: "phone", type: "text", value: (r) => r.producer.phone },
            { header: h(t, "status"), key: "status", type: "text", value: (r) => t(`participantStatus.${r.status}`) },
            { header: h(t, "booths"), key: "booths", type: "integer" },
            { header: h(t, "products"), key: "products", type: "text", value: (r) => r.products.map((p) => p.name).join("; ") },
            { header: h(t, "registeredAt"), key: "createdAt", type: "datetime" },
            { header: h(t, "decidedAt"), key: "decidedAt", type: "datetime" },
            { header: h(t, "sales"), key: "salesVnd", type: "vnd" },
            { header: h(t, "contracts"), key: "contractsSigned", type: "integer" },
            { header: h(t, "note"), key: "note", type: "text" },
            { header: h(t, "decisionNote"), key: "decisionNote", type: "text" },
          ]
        : [
            { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
            { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
          ],
    }),
  };
}
