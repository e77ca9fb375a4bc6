import { listScoredItems } from "../criteria/sheet";
import type { CriteriaSheetData } from "../criteria/types";
import type { CouncilRules, KnockOutRule, RuleSetDefinition } from "../rule-sets";
import { roundForDisplay } from "./bands";
import { knockOutKey, scoreSheet, type KnockOut, type SheetAnswers, type SheetScore } from "./sheet-score";
import { resultingStar, type StarResult } from "./star-rank";

export interface KnockOutTally {
  readonly knockOut: KnockOut;
  /** How many members flagged it. */
  readonly flaggedBy: number;
  /** Whether it counts under the council's knock-out rule. */
  readonly stands: boolean;
}

export interface CouncilResult {
  readonly memberCount: number;
  readonly memberScores: readonly SheetScore[];
  readonly memberTotals: readonly number[];
  /** Exact mean of the members' totals; every rule uses this value. */
  readonly averageTotal: number;
  /** averageTotal rounded to 2 decimals, for display only. */
  readonly averageTotalDisplay: number;
  /** Item code → mean points over all members (an unanswered item counts 0 for that member). */
  readonly itemAverages: Readonly<Record<string, number>>;
  /** max − min of the members' totals. */
  readonly spread: number;
  /** True when spread > councilRules.maxSpread: the council must discuss and re-score. */
  readonly spreadExceeded: boolean;
  /** Indexes of members whose sheet is incomplete. */
  readonly incompleteMembers: readonly number[];
  readonly knockOutTally: readonly KnockOutTally[];
  readonly result: StarResult;
}

function knockOutStands(rule: KnockOutRule, flaggedBy: number, members: number): boolean {
  switch (rule) {
    case "ANY":
      return flaggedBy >= 1;
    case "MAJORITY":
      return flaggedBy * 2 > members; // strictly more than half; a tie does not knock out
    case "UNANIMOUS":
      return flaggedBy === members;
  }
}

/**
 * Council result from the members' individual sheets. Practice [M, ocop-domain.md §3]: each
 * member scores independently, the product's score is the mean of the totals, totals more than
 * `maxSpread` apart are discussed and re-scored. Star minimums are checked on the per-item mean
 * points. A knock-out is a council finding: by default it stands when a strict majority of the
 * members flag it (councilRules.knockOutRule; a portal choice [L], the decree is silent).
 *
 * Means are one division of an integer sum, so a mean that is exactly 90 or exactly a marked
 * option's points compares exactly, without an epsilon.
 */
export function councilResult(
  memberSheets: readonly SheetAnswers[],
  sheet: CriteriaSheetData,
  ruleSet: RuleSetDefinition,
  councilRules: CouncilRules = ruleSet.councilDefaults,
): CouncilResult {
  const memberCount = memberSheets.length;
  if (memberCount === 0) throw new RangeError("A council result needs at least one member's sheet");

  const memberScores = memberSheets.map((answers) => scoreSheet(sheet, answers));
  const memberTotals = memberScores.map((s) => s.total);
  const averageTotal = memberTotals.reduce((a, b) => a + b, 0) / memberCount;
  const spread = Math.max(...memberTotals) - Math.min(...memberTotals);

  const itemAverages: Record<string, number> = {};
  for (const { item } of listScoredItems(sheet)) {
    const sum = memberScores.reduce((acc, s) => acc + (s.itemPoints[item.code] ?? 0), 0);
    itemAverages[item.code] = sum / memberCount;
  }

  const tally = new Map<string, { knockOut: KnockOut; flaggedBy: number }>();
  for (const score of memberScores) {
    for (const k of score.knockOuts) {
      const key = knockOutKey(k);
      const entry = tally.get(key);
      if (entry) entry.flaggedBy += 1;
      else tally.set(key, { knockOut: k, flaggedBy: 1 });
    }
  }
  const knockOutTally: KnockOutTally[] = [...tally.values()].map((t) => ({
    ...t,
    stands: knockOutStands(councilRules.knockOutRule, t.flaggedBy, memberCount),
  }));

  const result = resultingStar({
    averageTotal,
    itemPoints: itemAverages,
    sheet,
    ruleSet,
    knockOuts: knockOutTally.filter((t) => t.stands).map((t) => t.knockOut),
  });

  return {
    memberCount,
    memberScores,
    memberTotals,
    averageTotal,
    averageTotalDisplay: roundForDisplay(averageTotal),
    itemAverages,
    spread,
    spreadExceeded: spread > councilRules.maxSpread,
    incompleteMembers: memberScores.flatMap((s, i) => (s.complete ? [] : [i])),
    knockOutTally,
    result,
  };
}

export interface Attendance {
  readonly councilSize: number;
  readonly present: number;
  readonly chairPresent: boolean;
}

/** Quorum check (default ≥ 3/4 of members, chair present [M]: provincial council rules). */
export function hasQuorum(attendance: Attendance, rules: CouncilRules): boolean {
  const { councilSize, present, chairPresent } = attendance;
  if (!Number.isInteger(councilSize) || councilSize < 1 || !Number.isInteger(present) || present < 0 || present > councilSize) {
    throw new RangeError(`Bad attendance: ${present} of ${councilSize}`);
  }
  if (rules.quorum.chairRequired && !chairPresent) return false;
  return present * rules.quorum.denominator >= rules.quorum.numerator * councilSize;
}
