import "server-only";
import { INSPECTION_ORDER, inspectionListWhere, type InspectionListFilters } from "@/lib/db/inspections";
import { isoOf, type IsoDate } from "@/lib/domain/dates";
import { CHECKLIST_KEYS, isOverdue, readChecklist, type ChecklistKey } from "@/lib/domain/inspections";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Column } from "../xlsx";
import type { ExportSource } from "../run";
import { described, h, searchFilter, wardFilter } from "./common";

const select = {
  id: true,
  kind: true,
  status: true,
  plannedOn: true,
  inspectedOn: true,
  team: true,
  checklist: true,
  findings: true,
  conclusion: true,
  followUp: true,
  followUpNote: true,
  revocationGround: true,
  certificate: { select: { number: true, productName: true, star: true } },
  producer: { select: { name: true } },
  ward: { select: { name: true } },
} satisfies Prisma.InspectionSelect;

export type InspectionExportRow = Prisma.InspectionGetPayload<{ select: typeof select }>;
export type InspectionExportFilters = InspectionListFilters & { today: IsoDate };

/** /inspections: the list's where (lib/db/inspections.ts inspectionListWhere, overdue tab included) and order. */
export const inspectionExport: ExportSource<InspectionExportFilters, InspectionExportRow> = {
  action: "inspection.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.inspection.count({ where: inspectionListWhere(actor, f, f.today) }),
  rows: (db, actor, f, skip, take) => db.inspection.findMany({ where: inspectionListWhere(actor, f, f.today), orderBy: INSPECTION_ORDER, skip, take, select }),
  describe: async (t, _actor, f, db) => {
    const certificate = f.certificateId ? await db.certificate.findUnique({ where: { id: f.certificateId }, select: { number: true } }) : null;
    // One yes/no column per item of the checklist (QĐ26 Art. 9.2); an item not checked stays empty.
    const checks: Column<InspectionExportRow>[] = CHECKLIST_KEYS.map((key: ChecklistKey) => ({
      header: t(`inspections.checks.${key}`),
      key,
      type: "boolean",
      value: (r) => readChecklist(r.checklist)[key].met,
    }));
    return {
      sheetName: t("reports.export.inspections.sheet"),
      title: t("reports.export.inspections.title"),
      fileName: t("reports.export.inspections.file"),
      filters: described([
        f.status && t("reports.export.filter.status", { value: t(`inspections.status.${f.status}`) }),
        f.kind && t("reports.export.filter.kind", { value: t(`inspections.kinds.${f.kind}`) }),
        f.conclusion && t("reports.export.filter.conclusion", { value: t(`inspections.conclusions.${f.conclusion}`) }),
        f.followUp && t("reports.export.filter.followUp", { value: t(`inspections.followUps.${f.followUp}`) }),
        f.year && t("reports.export.filter.inspectionYear", { year: f.year }),
        await wardFilter(t, db, f.wardId),
        certificate && t("reports.export.filter.certificate", { number: certificate.number }),
        searchFilter(t, f.q),
      ]),
      columns: [
        { header: h(t, "certificateNumber"), key: "certificate", type: "text", value: (r) => r.certificate.number },
        { header: h(t, "productName"), key: "productName", type: "text", value: (r) => r.certificate.productName },
        { header: h(t, "star"), key: "star", type: "integer", value: (r) => r.certificate.star },
        { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
        { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.ward.name },
        { header: h(t, "inspectionKind"), key: "kind", type: "text", value: (r) => t(`inspections.kinds.${r.kind}`) },
        {
          header: h(t, "status"),
          key: "status",
          type: "text",
          // The list's "overdue" tab: planned, and its day has passed.
          value: (r) => t(`inspections.status.${isOverdue(r.status, isoOf(r.plannedOn), f.today) ? "OVERDUE" : r.status}`),
        },
        { header: h(t, "plannedOn"), key: "plannedOn", type: "date", value: (r) => isoOf(r.plannedOn) },
        { header: h(t, "inspectedOn"), key: "inspectedOn", type: "date", value: (r) => (r.inspectedOn ? isoOf(r.inspectedOn) : null) },
        { header: h(t, "team"), key: "team", type: "text", value: (r) => r.team.split(/\r?\n/).filter(Boolean).join("; ") },
        ...checks,
        { header: h(t, "findings"), key: "findings", type: "text" },
        { header: h(t, "conclusion"), key: "conclusion", type: "text", value: (r) => (r.conclusion ? t(`inspections.conclusions.${r.conclusion}`) : null) },
        { header: h(t, "followUp"), key: "followUp", type: "text", value: (r) => (r.followUp ? t(`inspections.followUps.${r.followUp}`) : null) },
        { header: h(t, "revocationGround"), key: "revocationGround", type: "text", value: (r) => (r.revocationGround ? t(`revocationGrounds.${r.revocationGround}`) : null) },
        { header: h(t, "followUpNote"), key: "followUpNote", type: "text" },
      ],
    };
  },
};
