import { listScoredItems } from "../criteria/sheet";
import type { CriteriaItem, CriteriaSheetData, MarkedStar } from "../criteria/types";
import type { EvaluationLevel, RuleSetDefinition, Star } from "../rule-sets";
import { starBand, starForAverage } from "./bands";
import type { KnockOut } from "./sheet-score";

/**
 * Star minimums. Annex II legend, every QĐ26 sheet: "Dấu sao là yêu cầu tối thiểu phải đạt theo
 * các cấp độ sao (*** 3 sao; **** 4 sao; ***** 5 sao)" [H]. Reading [M, ocop-domain.md §5.2 and
 * open question 7]: an option marked s is the least an s-star product may reach on that item,
 * and a marker binds every higher star too (a 3★ marker with no 4★ marker on the item means a
 * 4★ or 5★ product needs at least that option as well).
 *
 * Minimums are compared on points, not on the ticked option, so the same rule serves one
 * member's sheet and the council's per-item average. Caveat: where two options carry the same
 * points the comparison cannot tell them apart (set 7 item 3.1 is printed 1, 1, 3 — README
 * "suspicious" list); that item carries no marker, so no minimum is affected today.
 */
export interface StarMinimum {
  /** The star being checked. */
  readonly star: MarkedStar;
  readonly itemCode: string;
  readonly itemName: string;
  /** Points of the binding marked option. */
  readonly requiredPoints: number;
  /** Index in item.options of the binding marked option, and its own marker (≤ star). */
  readonly optionIndex: number;
  readonly markedStar: MarkedStar;
  readonly optionText: string;
}

export interface MinimumBlocker extends StarMinimum {
  readonly actualPoints: number;
}

const MARKED_STARS: readonly MarkedStar[] = [3, 4, 5];

function isMarkedStar(star: number): star is MarkedStar {
  return (MARKED_STARS as readonly number[]).includes(star);
}

/**
 * The binding marked option of an item for `star`: the highest-point option marked for that
 * star or any lower one. Item cases (set 26) are pooled; no QĐ26 case item carries a marker,
 * which a test asserts, so pooling never mixes cases.
 */
function bindingMinimum(item: CriteriaItem, star: MarkedStar): StarMinimum | null {
  let found: StarMinimum | null = null;
  for (const [optionIndex, option] of item.options.entries()) {
    const marker = option.minStarFor;
    if (marker === null || marker > star) continue;
    if (found === null || option.points > found.requiredPoints || (option.points === found.requiredPoints && marker > found.markedStar)) {
      found = {
        star,
        itemCode: item.code,
        itemName: item.name,
        requiredPoints: option.points,
        optionIndex,
        markedStar: marker,
        optionText: option.text,
      };
    }
  }
  return found;
}

/** Every minimum a product of `star` stars must meet on this sheet ([] for 1★ and 2★). */
export function starMinimums(sheet: CriteriaSheetData, star: Star): StarMinimum[] {
  if (!isMarkedStar(star)) return [];
  const out: StarMinimum[] = [];
  for (const { item } of listScoredItems(sheet)) {
    const minimum = bindingMinimum(item, star);
    if (minimum) out.push(minimum);
  }
  return out;
}

/**
 * Minimums for `star` that the given item points do not reach. An item without points counts
 * as 0: an unanswered minimum is not met.
 */
export function unmetMinimums(sheet: CriteriaSheetData, itemPoints: Readonly<Record<string, number>>, star: Star): MinimumBlocker[] {
  return starMinimums(sheet, star)
    .map((m) => ({ ...m, actualPoints: itemPoints[m.itemCode] ?? 0 }))
    .filter((m) => !(m.actualPoints >= m.requiredPoints));
}

export interface StarResult {
  /** Star of the average alone. */
  readonly bandStar: Star;
  /** Highest star whose band is reached and whose minimums are all met; null when knocked out. */
  readonly star: Star | null;
  /** Minimums of bandStar not met (empty when star = bandStar). */
  readonly blockedBy: readonly MinimumBlocker[];
  /** The star above the ranked one (null at 5★), what it needs on average and which minimums it misses. */
  readonly nextStar: Star | null;
  readonly nextStarMinAverage: number | null;
  readonly nextStarBlockers: readonly MinimumBlocker[];
  readonly knockedOut: boolean;
  readonly knockOuts: readonly KnockOut[];
  /** Whether the result earns a certificate, and who recognises it (null for 1–2★ or knock-out). */
  readonly certificateEligible: boolean;
  readonly recognitionLevel: EvaluationLevel | null;
}

export interface ResultingStarInput {
  readonly averageTotal: number;
  /** Item code → points (one member's points, or the council's per-item average). */
  readonly itemPoints: Readonly<Record<string, number>>;
  readonly sheet: CriteriaSheetData;
  readonly ruleSet: RuleSetDefinition;
  /** Knock-outs that stand (sheet conditions, item knock-outs, stop-evaluation notes). */
  readonly knockOuts?: readonly KnockOut[];
}

/**
 * Rank rule (ocop-domain.md §5.2 [M]): star = max s such that the average reaches the band of s
 * and every s-star minimum is met. Because a marker binds all higher stars the minimums only
 * grow with s, so the first satisfied star walking down from the band star is the maximum.
 * A knock-out rejects the dossier whatever the score (Annex II "Hồ sơ bị loại khi" [H]).
 */
export function resultingStar(input: ResultingStarInput): StarResult {
  const { averageTotal, itemPoints, sheet, ruleSet } = input;
  const knockOuts = input.knockOuts ?? [];
  const bandStar = starForAverage(averageTotal, ruleSet);

  let ranked: Star = 1;
  for (let s = bandStar; s >= 1; s--) {
    const candidate = s as Star;
    if (unmetMinimums(sheet, itemPoints, candidate).length === 0) {
      ranked = candidate;
      break;
    }
  }
  const blockedBy = ranked === bandStar ? [] : unmetMinimums(sheet, itemPoints, bandStar);
  const nextStar = ranked < 5 ? ((ranked + 1) as Star) : null;
  const nextStarBlockers = nextStar === null ? [] : unmetMinimums(sheet, itemPoints, nextStar);
  const knockedOut = knockOuts.length > 0;
  const star = knockedOut ? null : ranked;
  const certificateEligible = star !== null && star >= ruleSet.minCertificateStar;

  return {
    bandStar,
    star,
    blockedBy,
    nextStar,
    nextStarMinAverage: nextStar === null ? null : starBand(nextStar, ruleSet).min,
    nextStarBlockers,
    knockedOut,
    knockOuts,
    certificateEligible,
    recognitionLevel: certificateEligible && star !== null ? ruleSet.recognitionLevel[star] : null,
  };
}
