/**
 * The leaders' dashboard (issue 6 part 2): what each figure counts, in one place. Pure; the SQL of
 * lib/db/dashboard.ts and the list filters the figures link to are built from these constants, so
 * a number on the dashboard and the length of the list it opens follow the same definition.
 */
import { isoDate, type IsoDate } from "./dates";

/** Years of the trend chart (recognitions per year by star): the selected year and the four before. */
export const TREND_YEARS = 5;

/** "Expiring soon" on the dashboard: live certificates whose last valid day is within 90 days. */
export const EXPIRING_WITHIN_DAYS = 90;

/** Stars a recognition can carry (QĐ26 Art. 3: 3★ and 4★ by the province, 5★ by the centre). */
export const DASHBOARD_STARS = [3, 4, 5] as const;

/**
 * Support counts as spent once the activity is done; planned and ongoing ones are commitments and
 * cancelled ones were never spent (SupportStatus of the plan's support log, steps 3–4).
 */
export const SUPPORT_SPENT_STATUSES = ["DONE"] as const;

/** The calendar year as a date range (a Vietnam calendar date compares as text). */
export function yearBounds(year: number): { from: IsoDate; to: IsoDate } {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/** The last `count` years up to and including `year`, oldest first (the trend chart's axis). */
export function trendYears(year: number, count = TREND_YEARS): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => year - count + 1 + i);
}

/**
 * Years the filter offers: every cycle the office opened and the trend window of this year,
 * newest first, without duplicates.
 */
export function yearOptions(currentYear: number, cycleYears: readonly number[]): number[] {
  return [...new Set([...cycleYears, ...trendYears(currentYear)])].sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// The funnel of the six steps for one cycle year (ocop-domain.md §4). Every stage counts records
// of that cycle (ProductIdea.cycleYear, the plan's idea's cycleYear, Dossier.cycleYear) that the
// viewer may see: officials see only what a producer has submitted at least once (version > 0,
// lib/db/scope.ts producerRecordScope), so "submitted" needs no status of its own.

/** Plans that were approved and are not withdrawn or rejected since: approved, implementing, ready. */
export const PLAN_APPROVED_STATES = ["APPROVED", "IMPLEMENTING", "READY_FOR_EVALUATION"] as const;
/** Plans the office marked ready for evaluation (step 4 done). */
export const PLAN_READY_STATES = ["READY_FOR_EVALUATION"] as const;

/** Funnel stages a list page can filter on by `stage=` (plans and dossiers). */
export const PLAN_STAGES = { approved: PLAN_APPROVED_STATES, ready: PLAN_READY_STATES } as const;
export type PlanStage = keyof typeof PLAN_STAGES;
export const PLAN_STAGE_KEYS = Object.keys(PLAN_STAGES) as PlanStage[];
export const DOSSIER_STAGE_KEYS = ["promoted"] as const;
export type DossierStage = (typeof DOSSIER_STAGE_KEYS)[number];

export type FunnelStageKey = "ideasSubmitted" | "ideasAccepted" | "plansApproved" | "plansReady" | "dossiersSubmitted" | "recognised" | "promoted";

export type FunnelStage = {
  key: FunnelStageKey;
  /** The record the stage counts, and the portal list that shows them. */
  record: "idea" | "plan" | "dossier";
  /** Statuses the record must be in now; null: any (submitted at least once). */
  statuses: readonly string[] | null;
  /** Dossiers only: the recognised product was promoted (see PROMOTED below). */
  promoted?: boolean;
};

/**
 * The seven bars of the funnel:
 * 1. ideas submitted — ideas of the cycle submitted at least once, whatever became of them;
 * 2. ideas accepted — the Economic Office accepted them (IdeaStatus ACCEPTED);
 * 3. plans approved — business plans of the cycle's ideas in APPROVED, IMPLEMENTING or READY;
 * 4. ready for evaluation — plans in READY_FOR_EVALUATION;
 * 5. dossiers submitted — evaluation dossiers of the cycle submitted at least once (first
 *    recognitions, upgrades and re-evaluations alike; QĐ26 also allows a dossier without a plan);
 * 6. recognised — those dossiers in RECOGNISED;
 * 7. promoted — recognised dossiers whose product is PROMOTED: entered at a published fair with a
 *    confirmed participation, carried by an approved point of sale, or in a published gift set.
 */
export const FUNNEL_STAGES: readonly FunnelStage[] = [
  { key: "ideasSubmitted", record: "idea", statuses: null },
  { key: "ideasAccepted", record: "idea", statuses: ["ACCEPTED"] },
  { key: "plansApproved", record: "plan", statuses: PLAN_APPROVED_STATES },
  { key: "plansReady", record: "plan", statuses: PLAN_READY_STATES },
  { key: "dossiersSubmitted", record: "dossier", statuses: null },
  { key: "recognised", record: "dossier", statuses: ["RECOGNISED"] },
  { key: "promoted", record: "dossier", statuses: ["RECOGNISED"], promoted: true },
];

/** The query string of a list link, keys in the given order, empty values left out. */
export function listHref(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A city role's chosen place in list URLs: a ward id, or a province code. */
export type PlaceParams = { ward?: string; province?: string };

/** The list behind a funnel stage, for a cycle year and (city roles) a chosen place. */
export function funnelHref(stage: FunnelStage, year: number, place: PlaceParams = {}): string {
  switch (stage.record) {
    case "idea":
      return listHref("/ideas", { year, ...place, status: stage.statuses?.[0] });
    case "plan":
      return listHref("/plans", { year, ...place, stage: stage.key === "plansReady" ? "ready" : "approved" });
    case "dossier":
      // The dossier desks open on their own work; ALL shows every status.
      return listHref("/dossiers", { year, ...place, status: stage.statuses?.[0] ?? "ALL", stage: stage.promoted ? "promoted" : undefined });
  }
}

/**
 * The place table lists wards while it stays readable; the whole country (3,500 wards) is shown
 * by province instead, each province opening its own dashboard with its wards.
 */
export const WARD_ROWS_MAX = 60;

type StarTally = { 3: number; 4: number; 5: number; total: number };
export type PlaceTally = { kind: "ward" | "province"; id: string; code: string; name: string; inForce: StarTally; recognisedInYear: number };

/**
 * Ward rows as they are, or summed by province when there are more than WARD_ROWS_MAX of them in
 * more than one province. A ward without a province keeps its own row. Sorted by listed products,
 * then by name.
 */
export function placeRows(wards: readonly (PlaceTally & { regionCode: string | null; regionName: string | null })[]): PlaceTally[] {
  const regions = new Set(wards.map((w) => w.regionCode).filter((c) => c !== null));
  const strip = (w: (typeof wards)[number]): PlaceTally => ({ kind: w.kind, id: w.id, code: w.code, name: w.name, inForce: w.inForce, recognisedInYear: w.recognisedInYear });
  let rows: PlaceTally[];
  if (wards.length <= WARD_ROWS_MAX || regions.size <= 1) rows = wards.map(strip);
  else {
    const byRegion = new Map<string, PlaceTally>();
    rows = [];
    for (const w of wards) {
      if (!w.regionCode) {
        rows.push(strip(w));
        continue;
      }
      const r = byRegion.get(w.regionCode) ?? { kind: "province", id: w.regionCode, code: w.regionCode, name: w.regionName ?? w.regionCode, inForce: { 3: 0, 4: 0, 5: 0, total: 0 }, recognisedInYear: 0 };
      for (const k of [3, 4, 5, "total"] as const) r.inForce[k] += w.inForce[k];
      r.recognisedInYear += w.recognisedInYear;
      byRegion.set(w.regionCode, r);
    }
    rows.push(...byRegion.values());
  }
  return rows.sort((a, b) => b.inForce.total - a.inForce.total || a.name.localeCompare(b.name, "vi"));
}

/** Each stage's share of the first one, in whole per cent (null when nothing was submitted). */
export function funnelShares(counts: readonly number[]): (number | null)[] {
  const first = counts[0] ?? 0;
  return counts.map((n) => (first > 0 ? Math.round((n / first) * 100) : null));
}
