import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FundingSource, PlanStatus } from "@/lib/generated/prisma/enums";
import { PLAN_STAGES, SUPPORT_SPENT_STATUSES, yearBounds, type PlanStage } from "@/lib/domain/dashboard";
import { dateOf } from "@/lib/domain/dates";
import { wardInRegion } from "./admin-units";
import { prisma, type Tx } from "./client";
import { producerRecordScope } from "./scope";

export function planScope(actor: Actor): Prisma.BusinessPlanWhereInput {
  return producerRecordScope(actor);
}

const planView = {
  id: true,
  ideaId: true,
  producerId: true,
  status: true,
  market: true,
  production: true,
  capacity: true,
  rawMaterialArea: true,
  packaging: true,
  standards: true,
  capital: true,
  fundingSources: true,
  financials: true,
  labour: true,
  version: true,
  submittedAt: true,
  decidedAt: true,
  updatedAt: true,
  idea: { select: { id: true, productName: true, cycleYear: true, status: true } },
  producer: { select: { id: true, name: true, wardId: true, verificationStatus: true, ward: { select: { name: true } } } },
  milestones: { orderBy: [{ sortOrder: "asc" }, { dueOn: "asc" }], select: { id: true, title: true, dueOn: true, doneOn: true, report: true, reportedAt: true } },
} satisfies Prisma.BusinessPlanSelect;

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export const planResource = (p: { id: string; producerId: string; status: string; producer: { wardId: string } }) =>
  ({ type: "plan", id: p.id, producerId: p.producerId, wardId: p.producer.wardId, status: p.status }) as const;

export async function findPlan(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const plan = await db.businessPlan.findFirst({ where: { AND: [{ id }, planScope(actor)] }, select: planView });
  if (!plan || !can(actor, "plan.read", planResource(plan))) return null;
  return plan;
}

export const PLAN_PAGE_SIZE = 20;

/**
 * Support spent in a year (lib/domain/dashboard.ts SUPPORT_SPENT_STATUSES), from one funding
 * source or any: the dashboard sums these and its figures open the plans that carry them.
 */
export function supportSpentWhere(year: number, source?: FundingSource): Prisma.SupportActivityWhereInput {
  const { from, to } = yearBounds(year);
  return { status: { in: [...SUPPORT_SPENT_STATUSES] }, date: { gte: dateOf(from), lte: dateOf(to) }, ...(source ? { fundingSource: source } : {}) };
}

export type PlanFilters = {
  status?: PlanStatus;
  /** The cycle year of the plan's idea. */
  year?: number;
  /** A funnel stage of the dashboard (lib/domain/dashboard.ts PLAN_STAGES): a set of statuses. */
  stage?: PlanStage;
  wardId?: string;
  /** Code of the producer's province (lib/db/admin-units.ts wardInRegion). */
  provinceCode?: string;
  /** Plans with support spent in this year (from `supportSource` if given). */
  supportYear?: number;
  supportSource?: FundingSource;
  q?: string;
  page?: number;
};

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function planListWhere(actor: Actor, f: PlanFilters): Prisma.BusinessPlanWhereInput {
  return {
    AND: [
      planScope(actor),
      f.status ? { status: f.status } : {},
      f.year !== undefined ? { idea: { cycleYear: f.year } } : {},
      f.stage ? { status: { in: [...PLAN_STAGES[f.stage]] } } : {},
      f.wardId ? { producer: { wardId: f.wardId } } : {},
      f.provinceCode ? { producer: { ward: wardInRegion(f.provinceCode) } } : {},
      f.supportYear !== undefined ? { supports: { some: supportSpentWhere(f.supportYear, f.supportSource) } } : {},
      f.q ? { OR: [{ idea: { productName: { contains: f.q, mode: "insensitive" } } }, { producer: { name: { contains: f.q, mode: "insensitive" } } }] } : {},
    ],
  };
}

// What waits longest first; the id keeps pages (and the export's batches) from overlapping.
export const PLAN_LIST_ORDER: Prisma.BusinessPlanOrderByWithRelationInput[] = [{ submittedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }];

export async function listPlans(actor: Actor, f: PlanFilters) {
  const where = planListWhere(actor, f);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.businessPlan.findMany({
      where,
      orderBy: PLAN_LIST_ORDER,
      skip: (page - 1) * PLAN_PAGE_SIZE,
      take: PLAN_PAGE_SIZE,
      select: { id: true, status: true, updatedAt: true, idea: { select: { productName: true } }, producer: { select: { name: true, ward: { select: { name: true } } } } },
    }),
    prisma.businessPlan.count({ where }),
  ]);
  return { rows, total };
}

/** Support activities of a plan the caller has loaded in scope, with their total in SQL. */
export async function listSupport(plan: { id: string }) {
  const [rows, sum] = await Promise.all([
    prisma.supportActivity.findMany({ where: { planId: plan.id }, orderBy: [{ date: "desc" }, { createdAt: "desc" }] }),
    prisma.supportActivity.aggregate({ where: { planId: plan.id, status: { not: "CANCELLED" } }, _sum: { amount: true } }),
  ]);
  return { rows, total: sum._sum.amount ?? BigInt(0) };
}
