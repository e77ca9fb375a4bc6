/**
 * The annual OCOP plan (kế hoạch OCOP hằng năm, issue 6 part 1): what each target counts, how far
 * along it is on a given day of the cycle, the budget planned against the support spent, and the
 * state of the activities of the six steps. Pure; lib/db/annual-plans.ts counts the records in SQL
 * with these definitions, and the figures are never typed by anyone.
 *
 * The city plan asks for this: "Tham mưu cho UBND thành phố ban hành Kế hoạch triển khai Chương
 * trình OCOP hằng năm" and "Triển khai Đề án OCOP … theo đúng chu trình hằng năm; trong đó, xác
 * định rõ mục tiêu, nội dung, nhiệm vụ trọng tâm" (Bắc Kạn city plan implementing Directive
 * 32-CT/TU, 2024, §II.1 and §III.1; shared/docs/seed-plan-bac-kan-2024.md). The city's own 2024
 * target was "+4 products" (ocop-domain.md §10.2).
 */
import { compareIsoDate, daysBetween, isoDate, type IsoDate } from "./dates";
import { funnelHref, FUNNEL_STAGES, listHref, yearBounds } from "./dashboard";
import { ruleSetInForce } from "./rule-sets";

export const ANNUAL_TARGET_KINDS = ["NEW_PRODUCTS", "UPGRADES", "RE_EVALUATIONS", "IDEAS", "BUSINESS_PLANS", "POINTS_OF_SALE"] as const;
export type AnnualTargetKind = (typeof ANNUAL_TARGET_KINDS)[number];

/** The six steps of the annual cycle (ocop-domain.md §4; Công văn 8050/BNN-VPĐP, quoted by the city plan §II.4). */
export const CYCLE_STEP_NOS = [1, 2, 3, 4, 5, 6] as const;
export type CycleStepNo = (typeof CYCLE_STEP_NOS)[number];

/** Funding sources of the support log (steps 3–4) and of the plan's budget lines. */
export const FUNDING_SOURCES = ["NATIONAL_TARGET_PROGRAMME", "PROVINCE", "CITY", "PRODUCER", "OTHER"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Stars a product target may name: only 3★ and up earn a decision and a certificate (QĐ26 Art. 4.1.a). */
export const TARGET_STARS = [3, 4, 5] as const;

/** A target's quantity: at least one record; the upper bound only stops typing slips. */
export const TARGET_QUANTITY_MAX = 10_000;

/**
 * Points of sale approved in a year stay counted when closed later, as a certificate issued in a
 * year stays a recognition of that year whatever became of it (Bắc Kạn QĐ736/2021: the office
 * recognises a point by decision; the decision's date is the approval date).
 */
export const POINT_OF_SALE_APPROVED_STATES = ["APPROVED", "CLOSED"] as const;

export type TargetDefinition = {
  /** The cycle step whose work the target measures (its pace follows that step). */
  step: CycleStepNo;
  /** The record counted. */
  record: "certificate" | "idea" | "plan" | "pointOfSale";
  /** Certificates: the evaluation type of the dossier that earned it (QĐ26 Art. 7: first, upgrade; Art. 7.6: re-evaluation). */
  evaluationType?: "FIRST" | "UPGRADE" | "RE_EVALUATION";
  /** Whether a target may name the star it counts. */
  byStar: boolean;
};

/**
 * What each kind counts, in the cycle year Y, for the city or one ward (the producer's ward; a
 * point of sale's own ward). The first five are the dashboard's own definitions
 * (lib/domain/dashboard.ts), so a target's "achieved" equals the dashboard figure beside it:
 * - NEW_PRODUCTS: certificates issued in Y whose dossier was a first evaluation (optionally of one star);
 * - UPGRADES: certificates issued in Y for an upgrade (nâng hạng sao);
 * - RE_EVALUATIONS: certificates issued in Y for a re-evaluation at the end of the 36 months;
 * - IDEAS: ideas of cycle Y submitted at least once, whatever became of them (funnel "ideas submitted");
 * - BUSINESS_PLANS: plans of cycle Y's ideas approved and not withdrawn or rejected since (PLAN_APPROVED_STATES);
 * - POINTS_OF_SALE: points of sale whose approval is dated in Y (POINT_OF_SALE_APPROVED_STATES).
 */
export const TARGET_DEFINITIONS: Readonly<Record<AnnualTargetKind, TargetDefinition>> = {
  NEW_PRODUCTS: { step: 5, record: "certificate", evaluationType: "FIRST", byStar: true },
  UPGRADES: { step: 5, record: "certificate", evaluationType: "UPGRADE", byStar: true },
  RE_EVALUATIONS: { step: 5, record: "certificate", evaluationType: "RE_EVALUATION", byStar: true },
  IDEAS: { step: 2, record: "idea", byStar: false },
  BUSINESS_PLANS: { step: 3, record: "plan", byStar: false },
  POINTS_OF_SALE: { step: 6, record: "pointOfSale", byStar: false },
};

/** The kind counted by certificates of an evaluation type. */
export function kindOfEvaluationType(type: string): AnnualTargetKind | null {
  for (const kind of ANNUAL_TARGET_KINDS) if (TARGET_DEFINITIONS[kind].evaluationType === type) return kind;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Targets: identity and what they achieved

export type TargetKey = { kind: AnnualTargetKind; star: number | null; wardId: string | null };

/** One target per kind, star and ward in a plan: a second would count the same records twice. */
export function targetKey(t: TargetKey): string {
  return `${t.kind}|${t.star ?? "*"}|${t.wardId ?? "city"}`;
}

/** Whether `candidate` repeats a target of the plan other than the one being edited. */
export function isDuplicateTarget(existing: readonly (TargetKey & { id: string })[], candidate: TargetKey, editingId?: string): boolean {
  const key = targetKey(candidate);
  return existing.some((t) => t.id !== editingId && targetKey(t) === key);
}

/** A star on a kind that does not count stars, or a star no certificate carries. */
export function targetStarProblem(kind: AnnualTargetKind, star: number | null): "starNotApplicable" | "starInvalid" | null {
  if (star === null) return null;
  if (!TARGET_DEFINITIONS[kind].byStar) return "starNotApplicable";
  return (TARGET_STARS as readonly number[]).includes(star) ? null : "starInvalid";
}

/** Counts from the records, one row per year, kind, ward and (certificates) star. */
export type ActualRow = { year: number; kind: AnnualTargetKind; wardId: string; star: number | null; n: number };

/** What a target achieved: the rows of its year and kind, in its ward (any for a city target), of its star (any when none). */
export function achievedFor(target: TargetKey, year: number, rows: readonly ActualRow[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.year !== year || r.kind !== target.kind) continue;
    if (target.wardId !== null && r.wardId !== target.wardId) continue;
    if (target.star !== null && r.star !== target.star) continue;
    n += r.n;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Pace: how much of a target should be done by a day of the cycle

/** A step's window in the cycle (CycleStep), as the office laid it out. */
export type StepWindow = { stepNo: number; startsOn: IsoDate; endsOn: IsoDate };

/**
 * How many of `quantity` should be achieved at the start of `today` (what is done by the end of
 * yesterday; a day still running owes nothing yet).
 *
 * - Recognitions (step 5) come in evaluation rounds: under QĐ26 Art. 5 the provincial council
 *   finishes round 1 by 30/6 (dossiers proposed by 30/4) and round 2 by 30/12 (proposed by 30/10).
 *   After each round of the rule set in force for the year, that round's share is due (rounded
 *   down: a target of 3 owes 1 after the first round). A rule set without a calendar (QĐ148)
 *   falls back to the step's window.
 * - The other kinds accrue evenly over their step's window (steps 2, 3 and 6 of the cycle, as the
 *   office set them), rounded down; before it opens nothing is due, after it closes everything is.
 *   Without a window the calendar year is the window.
 */
export function expectedByDate(kind: AnnualTargetKind, quantity: number, year: number, today: IsoDate, windows: readonly StepWindow[] = []): number {
  if (quantity <= 0) return 0;
  const def = TARGET_DEFINITIONS[kind];
  if (def.record === "certificate") {
    const rounds = ruleSetInForce(isoDate(year, 12, 31))?.provincialRounds ?? null;
    if (rounds && rounds.length > 0) {
      const done = rounds.filter((r) => compareIsoDate(today, `${year}-${r.completeBy}`) > 0).length;
      return Math.floor((quantity * done) / rounds.length);
    }
  }
  const calendar = yearBounds(year);
  const { startsOn, endsOn } = windows.find((w) => w.stepNo === def.step) ?? { startsOn: calendar.from, endsOn: calendar.to };
  if (compareIsoDate(endsOn, startsOn) < 0) return compareIsoDate(today, startsOn) > 0 ? quantity : 0;
  const length = daysBetween(startsOn, endsOn) + 1;
  const passed = Math.min(length, Math.max(0, daysBetween(startsOn, today)));
  return Math.floor((quantity * passed) / length);
}

/**
 * - NOT_STARTED: the cycle year has not begun;
 * - ACHIEVED: the quantity is reached (at any date);
 * - MISSED: the year is over and it was not;
 * - ON_TRACK: at least what is due by today (expectedByDate);
 * - BEHIND: less than that.
 */
export const TARGET_STATUSES = ["NOT_STARTED", "ON_TRACK", "BEHIND", "ACHIEVED", "MISSED"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export type TargetProgress = {
  quantity: number;
  achieved: number;
  /** Due by today (expectedByDate). */
  expected: number;
  /** achieved / quantity in whole per cent, rounded down (99.6 % is not 100 %); may pass 100. */
  percent: number | null;
  status: TargetStatus;
};

export function targetProgress(input: { kind: AnnualTargetKind; quantity: number; achieved: number; year: number; today: IsoDate; windows?: readonly StepWindow[] }): TargetProgress {
  const { quantity, achieved, year, today } = input;
  const expected = expectedByDate(input.kind, quantity, year, today, input.windows);
  const percent = quantity > 0 ? Math.floor((achieved * 100) / quantity) : null;
  const { from, to } = yearBounds(year);
  const status: TargetStatus =
    achieved >= quantity ? "ACHIEVED" : compareIsoDate(today, to) > 0 ? "MISSED" : compareIsoDate(today, from) < 0 ? "NOT_STARTED" : achieved >= expected ? "ON_TRACK" : "BEHIND";
  return { quantity, achieved, expected, percent, status };
}

export type OverallProgress = {
  targets: number;
  achieved: number;
  onTrack: number;
  /** Behind now, or missed once the year is over. */
  behind: number;
  /**
   * The mean of the targets' percentages, each capped at 100 so that one target overshot does
   * not hide another left short; null without targets.
   */
  percent: number | null;
};

export function overallProgress(list: readonly Pick<TargetProgress, "percent" | "status">[]): OverallProgress {
  const counted = list.filter((p) => p.percent !== null);
  const sum = counted.reduce((s, p) => s + Math.min(100, p.percent!), 0);
  return {
    targets: list.length,
    achieved: list.filter((p) => p.status === "ACHIEVED").length,
    onTrack: list.filter((p) => p.status === "ON_TRACK" || p.status === "NOT_STARTED").length,
    behind: list.filter((p) => p.status === "BEHIND" || p.status === "MISSED").length,
    percent: counted.length > 0 ? Math.floor(sum / counted.length) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Budget: planned by the plan's lines, spent by the support log

export type BudgetBySource = {
  source: FundingSource;
  planned: bigint;
  spent: bigint;
  /** planned − spent; negative when overspent. */
  remaining: bigint;
  /** spent / planned in whole per cent, rounded down; null when nothing was planned from the source. */
  percent: number | null;
  over: boolean;
};

/**
 * Planned against spent per funding source, in the order of FUNDING_SOURCES, for every source
 * with a line or with spending. Spent is the support done in the year (SUPPORT_SPENT_STATUSES,
 * as on the dashboard); money the plan did not foresee still shows, with nothing planned.
 */
export function budgetBySource(lines: readonly { source: FundingSource; amount: bigint }[], spent: readonly { source: FundingSource; amount: bigint }[]): BudgetBySource[] {
  const zero = BigInt(0);
  const sum = (rows: readonly { source: FundingSource; amount: bigint }[], source: FundingSource) => rows.reduce((s, r) => (r.source === source ? s + r.amount : s), zero);
  return FUNDING_SOURCES.filter((s) => lines.some((l) => l.source === s) || spent.some((r) => r.source === s)).map((source) => {
    const planned = sum(lines, source);
    const used = sum(spent, source);
    return {
      source,
      planned,
      spent: used,
      remaining: planned - used,
      percent: planned > zero ? Number((used * BigInt(100)) / planned) : null,
      over: used > planned,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Activities of the six steps

export const ACTIVITY_STATES = ["DONE", "OVERDUE", "IN_PROGRESS", "UPCOMING"] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

/** Done once marked; overdue the day after its end without being done; in progress between its dates. */
export function activityState(a: { startsOn: IsoDate; endsOn: IsoDate; doneOn: IsoDate | null }, today: IsoDate): ActivityState {
  if (a.doneOn !== null) return "DONE";
  if (compareIsoDate(today, a.endsOn) > 0) return "OVERDUE";
  if (compareIsoDate(today, a.startsOn) >= 0) return "IN_PROGRESS";
  return "UPCOMING";
}

/** The timeline: the six steps in order (each even when empty), their activities by start, end, title. */
export function activitiesByStep<T extends { stepNo: number; startsOn: IsoDate; endsOn: IsoDate; title: string }>(list: readonly T[]): { stepNo: CycleStepNo; activities: T[] }[] {
  return CYCLE_STEP_NOS.map((stepNo) => ({
    stepNo,
    activities: list
      .filter((a) => a.stepNo === stepNo)
      .sort((a, b) => compareIsoDate(a.startsOn, b.startsOn) || compareIsoDate(a.endsOn, b.endsOn) || a.title.localeCompare(b.title, "vi")),
  }));
}

export type DateProblem = { field: "startsOn" | "endsOn"; code: "outsideYear" | "endsBeforeStarts" };

/** An activity belongs to its cycle: both dates inside the cycle year, and it ends on or after it starts. */
export function activityDateProblems(a: { startsOn: IsoDate; endsOn: IsoDate }, year: number): DateProblem[] {
  const { from, to } = yearBounds(year);
  const out: DateProblem[] = [];
  const outside = (d: IsoDate) => compareIsoDate(d, from) < 0 || compareIsoDate(d, to) > 0;
  if (outside(a.startsOn)) out.push({ field: "startsOn", code: "outsideYear" });
  if (outside(a.endsOn)) out.push({ field: "endsOn", code: "outsideYear" });
  if (compareIsoDate(a.endsOn, a.startsOn) < 0) out.push({ field: "endsOn", code: "endsBeforeStarts" });
  return out;
}

/** An activity is marked done on a day that has come, and not before its cycle year began. */
export function doneOnProblem(doneOn: IsoDate, year: number, today: IsoDate): "doneInFuture" | "doneBeforeYear" | null {
  if (compareIsoDate(doneOn, today) > 0) return "doneInFuture";
  if (compareIsoDate(doneOn, yearBounds(year).from) < 0) return "doneBeforeYear";
  return null;
}

// ---------------------------------------------------------------------------------------------
// The lists behind the figures

/**
 * The portal list that shows what a target counts. `exact` is false when the list has no filter
 * for the year, so its length is not the figure (points of sale: the desk filters by status and
 * ward only); the page then offers the list beside the number rather than behind it.
 * `wardParam` is a city role's ward id (the portal lists take ids); `wardCode` the ward's code for
 * the points-of-sale desk, which takes codes. Ward officers get neither: their lists are their ward.
 */
export function targetListHref(t: { kind: AnnualTargetKind; star: number | null }, year: number, ward: { wardParam?: string; wardCode?: string } = {}): { href: string; exact: boolean } {
  const def = TARGET_DEFINITIONS[t.kind];
  const stage = (key: string) => FUNNEL_STAGES.find((s) => s.key === key)!;
  switch (def.record) {
    case "certificate":
      return { href: listHref("/certificates", { year, type: def.evaluationType, star: t.star ?? undefined, ward: ward.wardParam }), exact: true };
    case "idea":
      return { href: funnelHref(stage("ideasSubmitted"), year, { ward: ward.wardParam }), exact: true };
    case "plan":
      return { href: funnelHref(stage("plansApproved"), year, { ward: ward.wardParam }), exact: true };
    case "pointOfSale":
      return { href: listHref("/manage/points-of-sale", { status: "APPROVED", ward: ward.wardCode }), exact: false };
  }
}
