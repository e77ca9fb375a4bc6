import "server-only";
import { dossierFilterWhere, dossierOrder, type DossierFilters } from "@/lib/db/dossiers";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, searchFilter, wardFilter } from "./common";

const select = {
  id: true,
  productName: true,
  productCode: true,
  status: true,
  evaluationType: true,
  criteriaSetNo: true,
  cycleYear: true,
  submittedAt: true,
  wardDueOn: true,
  forwardedAt: true,
  decidedAt: true,
  updatedAt: true,
  producer: { select: { name: true, type: true, ward: { select: { name: true } } } },
  criteriaSet: { select: { name: true } },
  round: { select: { no: true, cycleYear: true } },
} satisfies Prisma.DossierSelect;

export type DossierExportRow = Prisma.DossierGetPayload<{ select: typeof select }>;

/** /dossiers: the desk's where (lib/db/dossiers.ts dossierFilterWhere) and its order for this role. */
export const dossierExport: ExportSource<DossierFilters, DossierExportRow> = {
  action: "dossier.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.dossier.count({ where: dossierFilterWhere(actor, f) }),
  rows: (db, actor, f, skip, take) => db.dossier.findMany({ where: dossierFilterWhere(actor, f), orderBy: dossierOrder(actor), skip, take, select }),
  describe: async (t, _actor, f, db) => ({
    sheetName: t("reports.export.dossiers.sheet"),
    title: t("reports.export.dossiers.title"),
    fileName: t("reports.export.dossiers.file"),
    filters: described([
      f.status && t("reports.export.filter.status", { value: t(`dossierStatus.${f.status}`) }),
      f.year && t("reports.export.filter.cycleYear", { year: f.year }),
      f.stage && t("reports.export.filter.stage", { stage: t(`dashboardFilters.stage.${f.stage}`) }),
      await wardFilter(t, db, f.wardId),
      f.criteriaSetNo && t("reports.export.filter.criteriaSet", { no: f.criteriaSetNo }),
      searchFilter(t, f.q),
    ]),
    columns: [
      { header: h(t, "productName"), key: "productName", type: "text" },
      { header: h(t, "productCode"), key: "productCode", type: "text" },
      { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
      { header: h(t, "producerType"), key: "producerType", type: "text", value: (r) => t(`producerTypes.${r.producer.type}`) },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
      { header: h(t, "status"), key: "status", type: "text", value: (r) => t(`dossierStatus.${r.status}`) },
      { header: h(t, "evaluationType"), key: "evaluationType", type: "text", value: (r) => t(`evaluationType.${r.evaluationType}`) },
      { header: h(t, "criteriaSetNo"), key: "criteriaSetNo", type: "integer" },
      { header: h(t, "criteriaSet"), key: "criteriaSet", type: "text", value: (r) => r.criteriaSet.name },
      { header: h(t, "cycleYear"), key: "cycleYear", type: "integer" },
      { header: h(t, "round"), key: "round", type: "text", value: (r) => (r.round ? t("reports.export.roundName", { no: r.round.no, year: r.round.cycleYear }) : null) },
      { header: h(t, "submittedAt"), key: "submittedAt", type: "datetime" },
      { header: h(t, "wardDueOn"), key: "wardDueOn", type: "date", value: (r) => (r.status === "SUBMITTED" ? r.wardDueOn : null) },
      { header: h(t, "forwardedAt"), key: "forwardedAt", type: "datetime" },
      { header: h(t, "decidedAt"), key: "decidedAt", type: "datetime" },
      { header: h(t, "updatedAt"), key: "updatedAt", type: "datetime" },
    ],
  }),
};
