import "server-only";
import { filterWhere, queueOrder, type IdeaFilters } from "@/lib/db/ideas";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, searchFilter, wardFilter } from "./common";

const select = {
  id: true,
  productName: true,
  status: true,
  cycleYear: true,
  novelty: true,
  criteriaSetNo: true,
  localWorkerCount: true,
  submittedAt: true,
  wardDueOn: true,
  decidedAt: true,
  updatedAt: true,
  producer: { select: { name: true, type: true, ward: { select: { name: true } } } },
  criteriaSet: { select: { no: true, name: true } },
} satisfies Prisma.ProductIdeaSelect;

export type IdeaExportRow = Prisma.ProductIdeaGetPayload<{ select: typeof select }>;

/** /ideas: the list's where (lib/db/ideas.ts filterWhere) and queue order, every page. */
export const ideaExport: ExportSource<IdeaFilters, IdeaExportRow> = {
  action: "idea.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.productIdea.count({ where: filterWhere(actor, f) }),
  rows: (db, actor, f, skip, take) => db.productIdea.findMany({ where: filterWhere(actor, f), orderBy: queueOrder, skip, take, select }),
  describe: async (t, _actor, f, db) => ({
    sheetName: t("reports.export.ideas.sheet"),
    title: t("reports.export.ideas.title"),
    fileName: t("reports.export.ideas.file"),
    filters: described([
      f.status && t("reports.export.filter.status", { value: t(`ideaStatus.${f.status}`) }),
      f.year && t("reports.export.filter.cycleYear", { year: f.year }),
      await wardFilter(t, db, f.wardId),
      f.criteriaSetNo && t("reports.export.filter.criteriaSet", { no: f.criteriaSetNo }),
      searchFilter(t, f.q),
    ]),
    columns: [
      { header: h(t, "productName"), key: "productName", type: "text" },
      { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
      { header: h(t, "producerType"), key: "producerType", type: "text", value: (r) => t(`producerTypes.${r.producer.type}`) },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
      { header: h(t, "status"), key: "status", type: "text", value: (r) => t(`ideaStatus.${r.status}`) },
      { header: h(t, "cycleYear"), key: "cycleYear", type: "integer" },
      { header: h(t, "novelty"), key: "novelty", type: "text", value: (r) => t(`novelty.${r.novelty}`) },
      { header: h(t, "criteriaSetNo"), key: "criteriaSetNo", type: "integer" },
      { header: h(t, "criteriaSet"), key: "criteriaSet", type: "text", value: (r) => r.criteriaSet?.name },
      { header: h(t, "localWorkerCount"), key: "localWorkerCount", type: "integer" },
      { header: h(t, "submittedAt"), key: "submittedAt", type: "datetime" },
      { header: h(t, "wardDueOn"), key: "wardDueOn", type: "date", value: (r) => (r.status === "SUBMITTED" ? r.wardDueOn : null) },
      { header: h(t, "decidedAt"), key: "decidedAt", type: "datetime" },
      { header: h(t, "updatedAt"), key: "updatedAt", type: "datetime" },
    ],
  }),
};
