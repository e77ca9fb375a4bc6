import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  achievedFor,
  activitiesByStep,
  ANNUAL_TARGET_KINDS,
  activityState,
  budgetBySource,
  kindOfEvaluationType,
  overallProgress,
  POINT_OF_SALE_APPROVED_STATES,
  targetProgress,
  type ActivityState,
  type ActualRow,
  type AnnualTargetKind,
  type BudgetBySource,
  type CycleStepNo,
  type FundingSource,
  type OverallProgress,
  type StepWindow,
  type TargetProgress,
} from "@/lib/domain/annual-plan";
import { PLAN_APPROVED_STATES, SUPPORT_SPENT_STATUSES, yearBounds } from "@/lib/domain/dashboard";
import { isoOf, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { prisma, type Tx } from "./client";

// The annual OCOP plan of a cycle (issue 6 part 1): the plan as the office wrote it, and what the
// records achieved against it. Every "achieved" is counted in SQL with the dashboard's definitions
// (lib/domain/dashboard.ts, lib/db/dashboard.ts: officials see ideas and plans from their first
// submission, support is spent once done, recognitions by the certificate's issue date), so a
// target's figure equals the dashboard's and the length of the list it opens
// (tests/integration/annual-plans.test.ts compares them). Definitions: lib/domain/annual-plan.ts.

/**
 * Whose targets and figures the viewer reads: the city (null) or one ward. A ward officer's ward
 * comes from the session; one without a ward reads nothing. Null when the policy refuses.
 */
export function annualPlanScope(actor: Actor): { wardId: string | null } | null {
  if (!can(actor, "annualPlan.read", { type: "annualPlan" })) return null;
  if (actor.role === "WARD_OFFICER") return actor.wardId ? { wardId: actor.wardId } : null;
  return { wardId: null };
}

const db = (tx?: Tx) => tx ?? prisma;

// ---------------------------------------------------------------------------------------------
// Actuals

export type SpentRow = { year: number; source: FundingSource; wardId: string; amount: bigint; activities: number };

/** Enum literals for an IN list (a text parameter is not compared with an enum column). */
const enumIn = (values: readonly string[], type: string) => Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(`"${type}"`)}`));

/**
 * What the records achieved in the years `years` (one query per kind of record, whatever the
 * number of years, targets or wards), by year, ward and (recognitions) star; and the support spent
 * by year, funding source and ward. `wardId` narrows to one ward (a ward officer's scope).
 */
export async function annualActuals(wardId: string | null, years: readonly number[]): Promise<{ rows: ActualRow[]; spent: SpentRow[] }> {
  if (years.length === 0) return { rows: [], spent: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const from = yearBounds(first).from;
  const to = yearBounds(last).to;
  const ward = (column: Prisma.Sql) => (wardId ? Prisma.sql`AND ${column} = ${wardId}` : Prisma.empty);
  const byProducerWard = ward(Prisma.sql`pr."wardId"`);
  const [certificates, ideas, plans, points, support] = await Promise.all([
    // Recognitions by the issue date, whatever became of the certificate since (dashboard "new this year").
    prisma.$queryRaw<{ year: number; type: string; wardId: string; star: number; n: number }[]>`
      SELECT extract(year FROM c."issuedOn")::int AS year, d."evaluationType"::text AS type, pr."wardId", c.star, count(*)::int AS n
        FROM "Certificate" c
        JOIN "Dossier" d ON d.id = c."dossierId"
        JOIN "Producer" pr ON pr.id = c."producerId"
       WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date ${byProducerWard}
       GROUP BY 1, 2, 3, 4`,
    // Ideas of the cycle submitted at least once (funnel "ideas submitted"; officials' scope is version > 0).
    prisma.$queryRaw<{ year: number; wardId: string; n: number }[]>`
      SELECT i."cycleYear" AS year, pr."wardId", count(*)::int AS n
        FROM "ProductIdea" i JOIN "Producer" pr ON pr.id = i."producerId"
       WHERE i."cycleYear" BETWEEN ${first}::int AND ${last}::int AND i.version > 0 ${byProducerWard}
       GROUP BY 1, 2`,
    // Plans of the cycle's ideas approved and still on their way (funnel "plans approved").
    prisma.$queryRaw<{ year: number; wardId: string; n: number }[]>`
      SELECT i."cycleYear" AS year, pr."wardId", count(*)::int AS n
        FROM "BusinessPlan" b JOIN "ProductIdea" i ON i.id = b."ideaId" JOIN "Producer" pr ON pr.id = b."producerId"
       WHERE i."cycleYear" BETWEEN ${first}::int AND ${last}::int AND b.version > 0
         AND b.status IN (${enumIn(PLAN_APPROVED_STATES, "PlanStatus")}) ${byProducerWard}
       GROUP BY 1, 2`,
    // Points of sale by the date of their approval decision.
    prisma.$queryRaw<{ year: number; wardId: string; n: number }[]>`
      SELECT extract(year FROM ps."approvedOn")::int AS year, ps."wardId", count(*)::int AS n
        FROM "PointOfSale" ps
       WHERE ps."approvedOn" BETWEEN ${from}::date AND ${to}::date
         AND ps.status IN (${enumIn(POINT_OF_SALE_APPROVED_STATES, "PointOfSaleStatus")}) ${ward(Prisma.sql`ps."wardId"`)}
       GROUP BY 1, 2`,
    // Support done in the year (dashboard "support spent"), on plans officials can see.
    prisma.$queryRaw<{ year: number; source: FundingSource; wardId: string; amount: bigint; activities: number }[]>`
      SELECT extract(year FROM s.date)::int AS year, s."fundingSource"::text AS source, pr."wardId",
             COALESCE(sum(s.amount), 0)::bigint AS amount, count(*)::int AS activities
        FROM "SupportActivity" s JOIN "BusinessPlan" b ON b.id = s."planId" JOIN "Producer" pr ON pr.id = b."producerId"
       WHERE s.status IN (${enumIn(SUPPORT_SPENT_STATUSES, "SupportStatus")}) AND s.date BETWEEN ${from}::date AND ${to}::date
         AND b.version > 0 ${byProducerWard}
       GROUP BY 1, 2, 3`,
  ]);
  const rows: ActualRow[] = [];
  for (const c of certificates) {
    const kind = kindOfEvaluationType(c.type);
    if (kind) rows.push({ year: c.year, kind, wardId: c.wardId, star: c.star, n: c.n });
  }
  const plain = (kind: AnnualTargetKind, list: { year: number; wardId: string; n: number }[]) => {
    for (const r of list) rows.push({ year: r.year, kind, wardId: r.wardId, star: null, n: r.n });
  };
  plain("IDEAS", ideas);
  plain("BUSINESS_PLANS", plans);
  plain("POINTS_OF_SALE", points);
  const wanted = new Set(years);
  return {
    rows: rows.filter((r) => wanted.has(r.year)),
    spent: support.filter((s) => wanted.has(s.year)).map((s) => ({ ...s, amount: BigInt(s.amount) })),
  };
}

// ---------------------------------------------------------------------------------------------
// The plan

const planSelect = (wardId: string | null) =>
  ({
    id: true,
    title: true,
    decisionNumber: true,
    approvedOn: true,
    note: true,
    version: true,
    updatedAt: true,
    cycle: { select: { id: true, year: true, title: true, steps: { select: { stepNo: true, startsOn: true, endsOn: true }, orderBy: { stepNo: "asc" } } } },
    // A ward officer reads its own ward's targets only.
    targets: {
      where: wardId ? { wardId } : {},
      select: { id: true, kind: true, star: true, wardId: true, quantity: true, ward: { select: { id: true, code: true, name: true } } },
      orderBy: [{ kind: "asc" }, { star: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    },
    budgetLines: { select: { id: true, source: true, stepNo: true, description: true, amount: true }, orderBy: [{ source: "asc" }, { stepNo: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }] },
    activities: { select: { id: true, stepNo: true, title: true, owner: true, startsOn: true, endsOn: true, doneOn: true } },
  }) satisfies Prisma.AnnualPlanSelect;

export type AnnualPlanRecord = Prisma.AnnualPlanGetPayload<{ select: ReturnType<typeof planSelect> }>;

/**
 * The plan with this id, for the office's writes (inside their transaction): the whole plan, in
 * the actor's scope; null when the actor may not read plans (a producer: 404).
 */
export async function findAnnualPlan(actor: Actor, id: string, tx?: Tx): Promise<AnnualPlanRecord | null> {
  const scope = annualPlanScope(actor);
  if (!scope) return null;
  return db(tx).annualPlan.findUnique({ where: { id }, select: planSelect(scope.wardId) });
}

/** Serialises the writes on one plan (two officers adding the same target at once meet here). */
export async function lockAnnualPlan(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "AnnualPlan" WHERE id = ${id} FOR UPDATE`;
}

export async function findCycleByYear(year: number, tx?: Tx) {
  return db(tx).ocopCycle.findUnique({ where: { year }, select: { id: true, year: true, title: true, annualPlan: { select: { id: true } } } });
}

export type TargetRow = {
  id: string;
  kind: AnnualTargetKind;
  star: number | null;
  wardId: string | null;
  ward: { id: string; code: string; name: string } | null;
} & TargetProgress;

export type BudgetLineRow = { id: string; source: FundingSource; stepNo: number | null; description: string; amount: bigint };
export type ActivityRow = { id: string; stepNo: number; title: string; owner: string; startsOn: IsoDate; endsOn: IsoDate; doneOn: IsoDate | null; state: ActivityState };

export type AnnualPlanProgress = {
  plan: { id: string; year: number; title: string; cycleTitle: string; decisionNumber: string; approvedOn: IsoDate | null; note: string; version: number };
  /** Whose figures these are: the city (null) or the viewer's (or chosen) ward. */
  wardId: string | null;
  targets: TargetRow[];
  overall: OverallProgress;
  /** Planned vs spent by source; null for a ward officer (the budget is the city's). */
  budget: { lines: BudgetLineRow[]; bySource: BudgetBySource[]; planned: bigint; spent: bigint } | null;
  activities: ActivityRow[];
  steps: { stepNo: CycleStepNo; activities: ActivityRow[] }[];
  /** The step windows of the cycle, the pace of the targets. */
  windows: StepWindow[];
  today: IsoDate;
};

function progressOf(plan: AnnualPlanRecord, rows: ActualRow[], today: IsoDate): { targets: TargetRow[]; overall: OverallProgress; windows: StepWindow[] } {
  const year = plan.cycle.year;
  const windows = plan.cycle.steps.map((s) => ({ stepNo: s.stepNo, startsOn: isoOf(s.startsOn), endsOn: isoOf(s.endsOn) }));
  const targets = plan.targets.map((t) => {
    const achieved = achievedFor({ kind: t.kind, star: t.star, wardId: t.wardId }, year, rows);
    return { id: t.id, kind: t.kind, star: t.star, wardId: t.wardId, ward: t.ward, ...targetProgress({ kind: t.kind, quantity: t.quantity, achieved, year, today, windows }) };
  });
  // By kind in the order of the cycle's kinds, the city before its wards, wards by name, any star first.
  targets.sort(
    (a, b) =>
      ANNUAL_TARGET_KINDS.indexOf(a.kind) - ANNUAL_TARGET_KINDS.indexOf(b.kind) ||
      Number(a.ward !== null) - Number(b.ward !== null) ||
      (a.ward?.name ?? "").localeCompare(b.ward?.name ?? "", "vi") ||
      (a.star ?? 0) - (b.star ?? 0),
  );
  return { targets, overall: overallProgress(targets), windows };
}

/**
 * The annual plan of the cycle `year` with every target's achieved figure, percentage and status,
 * the budget lines planned against the support spent per funding source, and the activities of
 * the six steps: what the dashboard's "targets vs actual" and the PDF annual report show.
 * Null when the actor may not read plans or the cycle has no plan.
 *
 * A ward officer gets its own ward's targets and figures (and no budget); a city role may narrow
 * to one ward with `wardId` (the dashboard's ward filter): that ward's targets only.
 */
export async function annualPlanProgress(actor: Actor, year: number, opts: { today?: IsoDate; wardId?: string } = {}): Promise<AnnualPlanProgress | null> {
  const scope = annualPlanScope(actor);
  if (!scope) return null;
  const wardId = scope.wardId ?? opts.wardId ?? null;
  const today = opts.today ?? vietnamDateOf(new Date());
  const plan = await prisma.annualPlan.findFirst({ where: { cycle: { year } }, select: planSelect(wardId) });
  if (!plan) return null;
  // The city's figures for a city role (targets of a chosen ward read their ward's rows); a ward
  // officer's SQL carries its ward.
  const { rows, spent } = await annualActuals(scope.wardId, [year]);
  const { targets, overall, windows } = progressOf(plan, rows, today);
  const activities = plan.activities.map((a) => {
    const dates = { startsOn: isoOf(a.startsOn), endsOn: isoOf(a.endsOn), doneOn: a.doneOn ? isoOf(a.doneOn) : null };
    return { id: a.id, stepNo: a.stepNo, title: a.title, owner: a.owner, ...dates, state: activityState(dates, today) };
  });
  const zero = BigInt(0);
  const budget =
    scope.wardId === null
      ? (() => {
          const lines = plan.budgetLines.map((l) => ({ ...l, source: l.source as FundingSource }));
          const bySource = budgetBySource(lines, spent.map((s) => ({ source: s.source, amount: s.amount })));
          return { lines, bySource, planned: bySource.reduce((s, r) => s + r.planned, zero), spent: bySource.reduce((s, r) => s + r.spent, zero) };
        })()
      : null;
  return {
    plan: {
      id: plan.id,
      year: plan.cycle.year,
      title: plan.title,
      cycleTitle: plan.cycle.title,
      decisionNumber: plan.decisionNumber,
      approvedOn: plan.approvedOn ? isoOf(plan.approvedOn) : null,
      note: plan.note,
      version: plan.version,
    },
    wardId,
    targets,
    overall,
    budget,
    activities,
    steps: activitiesByStep(activities),
    windows,
    today,
  };
}

export type AnnualPlanListRow = {
  year: number;
  cycleTitle: string;
  plan: { id: string; title: string; decisionNumber: string; approvedOn: IsoDate | null; targets: number; activities: number; overdue: number; overall: OverallProgress } | null;
};

/**
 * Every cycle, newest first, with its plan (if any) and the plan's overall progress (in a ward
 * officer's case over its own ward's targets). The actuals of all the years come in one batch of
 * queries, whatever the number of cycles.
 */
export async function listAnnualPlans(actor: Actor, today: IsoDate = vietnamDateOf(new Date())): Promise<AnnualPlanListRow[] | null> {
  const scope = annualPlanScope(actor);
  if (!scope) return null;
  const cycles = await prisma.ocopCycle.findMany({
    orderBy: { year: "desc" },
    select: { year: true, title: true, annualPlan: { select: planSelect(scope.wardId) } },
  });
  const years = cycles.filter((c) => c.annualPlan).map((c) => c.year);
  const { rows } = await annualActuals(scope.wardId, years);
  return cycles.map((c) => {
    const plan = c.annualPlan;
    if (!plan) return { year: c.year, cycleTitle: c.title, plan: null };
    const { overall } = progressOf(plan, rows, today);
    const overdue = plan.activities.filter((a) => activityState({ startsOn: isoOf(a.startsOn), endsOn: isoOf(a.endsOn), doneOn: a.doneOn ? isoOf(a.doneOn) : null }, today) === "OVERDUE").length;
    return {
      year: c.year,
      cycleTitle: c.title,
      plan: { id: plan.id, title: plan.title, decisionNumber: plan.decisionNumber, approvedOn: plan.approvedOn ? isoOf(plan.approvedOn) : null, targets: plan.targets.length, activities: plan.activities.length, overdue, overall },
    };
  });
}
