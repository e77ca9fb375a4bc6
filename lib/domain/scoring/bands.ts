import type { RuleSetDefinition, Star, StarBand } from "../rule-sets";

/**
 * Star for an average total (ocop-domain.md §5.3 [H]: QĐ26 Art. 3.3, 4.1). The bands are
 * half-open on a decimal average, so 89.99 is 4★ and 90 is 5★. An average outside [0, 100]
 * or NaN is a bug upstream, never a score, so it throws instead of being clamped.
 */
export function starForAverage(average: number, ruleSet: RuleSetDefinition): Star {
  if (Number.isNaN(average) || average < 0 || average > 100) {
    throw new RangeError(`Average total must be within [0, 100], got ${average}`);
  }
  const band = ruleSet.starBands.find((b) => inBand(average, b));
  if (!band) throw new RangeError(`No star band of ${ruleSet.code} contains ${average}`);
  return band.star;
}

function inBand(value: number, band: StarBand): boolean {
  return value >= band.min && (band.maxInclusive ? value <= band.max : value < band.max);
}

/** The band of a star under a rule set. */
export function starBand(star: Star, ruleSet: RuleSetDefinition): StarBand {
  const band = ruleSet.starBands.find((b) => b.star === star);
  if (!band) throw new RangeError(`${ruleSet.code} has no band for ${star}★`);
  return band;
}

/** A result shown to people: 2 decimals. Only for display; every rule works on the exact value. */
export function roundForDisplay(value: number): number {
  return Math.round(value * 100 * (1 + Number.EPSILON)) / 100;
}
