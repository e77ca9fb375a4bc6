/**
 * Deadlines of the evaluation procedure that depend on the rule set.
 */
import { addDays, compareIsoDate, type IsoDate } from "./dates";
import type { RuleSetDefinition } from "./rule-sets";
import { addWorkingDays } from "./working-days";

/**
 * Last day for the commune to check a complete dossier and issue its Form 03 report:
 * 15 working days under QĐ26 Art. 7.2 [H]. Null when the rule set gives the commune no such
 * step or no deadline (QĐ148: the district received dossiers).
 */
export function communePreAssessmentDeadline(receivedOn: IsoDate, ruleSet: RuleSetDefinition, holidays: ReadonlySet<IsoDate>): IsoDate | null {
  const days = ruleSet.communePreAssessmentWorkingDays;
  return days === null ? null : addWorkingDays(receivedOn, days, holidays);
}

/** Re-evaluation decided within 45 days of a complete dossier (QĐ26 Art. 7.6 [H]); null if the rule set sets none. */
export function reEvaluationDeadline(completeOn: IsoDate, ruleSet: RuleSetDefinition): IsoDate | null {
  return ruleSet.reEvaluationMaxDays === null ? null : addDays(completeOn, ruleSet.reEvaluationMaxDays);
}

export interface RoundAssignment {
  readonly year: number;
  /** 1-based index into ruleSet.provincialRounds. */
  readonly round: number;
  readonly completeBy: IsoDate;
}

/**
 * The provincial round that takes a dossier proposed by the commune on `proposedOn`
 * (QĐ26 Art. 5 [H]: proposals by 30/4 decided by 30/6, by 30/10 decided by 30/12); a later
 * proposal waits for the first round of the next year. Null when the rule set has no calendar.
 */
export function provincialRoundFor(proposedOn: IsoDate, ruleSet: RuleSetDefinition): RoundAssignment | null {
  const rounds = ruleSet.provincialRounds;
  if (!rounds || rounds.length === 0) return null;
  const year = Number(proposedOn.slice(0, 4));
  for (const [i, r] of rounds.entries()) {
    if (compareIsoDate(proposedOn, `${year}-${r.proposalsBy}`) <= 0) {
      return { year, round: i + 1, completeBy: `${year}-${r.completeBy}` };
    }
  }
  const first = rounds[0];
  return first ? { year: year + 1, round: 1, completeBy: `${year + 1}-${first.completeBy}` } : null;
}
