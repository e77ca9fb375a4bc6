import "server-only";
import { planListWhere, PLAN_LIST_ORDER, supportSpentWhere, type PlanFilters } from "@/lib/db/plans";
import type { Tx } from "@/lib/db/client";
import { SUPPORT_SPENT_STATUSES } from "@/lib/domain/dashboard";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, searchFilter, wardFilter } from "./common";

const select = {
  id: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  updatedAt: true,
  idea: { select: { productName: true, cycleYear: true } },
  producer: { select: { name: true, type: true, ward: { select: { name: true } } } },
  _count: { select: { milestones: true } },
} satisfies Prisma.BusinessPlanSelect;

type PlanRow = Prisma.BusinessPlanGetPayload<{ select: typeof select }>;
export type PlanExportRow = PlanRow & { supportSpent: bigint };

/**
 * Support spent on each plan of a batch, summed in SQL in one query: in the year (and source) the
 * list is filtered by when it is, else every activity done (lib/domain/dashboard.ts SUPPORT_SPENT_STATUSES).
 */
async function supportOf(db: Tx, ids: string[], f: PlanFilters): Promise<Map<string, bigint>> {
  if (ids.length === 0) return new Map();
  const spent: Prisma.SupportActivityWhereInput = f.supportYear !== undefined ? supportSpentWhere(f.supportYear, f.supportSource) : { status: { in: [...SUPPORT_SPENT_STATUSES] } };
  const sums = await db.supportActivity.groupBy({ by: ["planId"], where: { AND: [{ planId: { in: ids } }, spent] }, _sum: { amount: true } });
  return new Map(sums.map((s) => [s.planId, s._sum.amount ?? BigInt(0)]));
}

/** /plans: the list's where (lib/db/plans.ts planListWhere) and order, every page. */
export const planExport: ExportSource<PlanFilters, PlanExportRow> = {
  action: "plan.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.businessPlan.count({ where: planListWhere(actor, f) }),
  rows: async (db, actor, f, skip, take) => {
    const rows = await db.businessPlan.findMany({ where: planListWhere(actor, f), orderBy: PLAN_LIST_ORDER, skip, take, select });
    const support = await supportOf(db, rows.map((r) => r.id), f);
    return rows.map((r) => ({ ...r, supportSpent: support.get(r.id) ?? BigInt(0) }));
  },
  describe: async (t, _actor, f, db) => ({
    sheetName: t("reports.export.plans.sheet"),
    title: t("reports.export.plans.title"),
    fileName: t("reports.export.plans.file"),
    filters: described([
      f.status && t("reports.export.filter.status", { value: t(`planStatus.${f.status}`) }),
      f.year && t("reports.export.filter.cycleYear", { year: f.year }),
      f.stage && t("reports.export.filter.stage", { stage: t(`dashboardFilters.stage.${f.stage}`) }),
      await wardFilter(t, db, f.wardId),
      f.supportYear && t("reports.export.filter.supportYear", { year: f.supportYear }),
      f.supportYear && f.supportSource && t("reports.export.filter.source", { source: t(`fundingSource.${f.supportSource}`) }),
      searchFilter(t, f.q),
    ]),
    columns: [
      { header: h(t, "productName"), key: "productName", type: "text", value: (r) => r.idea.productName },
      { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
      { header: h(t, "producerType"), key: "producerType", type: "text", value: (r) => t(`producerTypes.${r.producer.type}`) },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
      { header: h(t, "status"), key: "status", type: "text", value: (r) => t(`planStatus.${r.status}`) },
      { header: h(t, "cycleYear"), key: "cycleYear", type: "integer", value: (r) => r.idea.cycleYear },
      { header: h(t, "milestones"), key: "milestones", type: "integer", value: (r) => r._count.milestones },
      {
        header: f.supportYear !== undefined ? t("reports.export.columns.supportSpentInYear", { year: f.supportYear }) : h(t, "supportSpent"),
        key: "supportSpent",
        type: "vnd",
      },
      { header: h(t, "submittedAt"), key: "submittedAt", type: "datetime" },
      { header: h(t, "decidedAt"), key: "decidedAt", type: "datetime" },
      { header: h(t, "updatedAt"), key: "updatedAt", type: "datetime" },
    ],
  }),
};
