/**
 * What releasing a council result does to the dossier (ocop-domain.md §5.5).
 *
 * The council's result already carries the rule set's answers: the star (after star minimums and
 * knock-outs), the level that recognises that star and, from the average alone, the level the
 * result is referred to. Order matters:
 *   1. a knock-out rejects whatever the score (Annex II "Hồ sơ bị loại khi" [H]);
 *   2. a referral goes up even when this council could recognise the star: under QĐ148 a city
 *      council forwards ≥70 to the province [H: QĐ148 Annex II], under QĐ26 the province forwards
 *      ≥90 to the ministry [H: Art. 7.3.e]; the higher level then decides;
 *   3. a star of at least 3 whose recognising level is this council's is recognised
 *      (QĐ148: the district 3★; QĐ26: the province 3★ and 4★ [H: Art. 4.1]);
 *   4. anything else is not recognised (1–2★ get no decision and no certificate, Art. 4.1.a).
 * The action names are those of DOSSIER_MACHINE; "send-to-central" is historical and means
 * "referred to the next level" (the province, under QĐ148).
 */
import type { EvaluationLevel, RuleSetDefinition, Star } from "./rule-sets";

export type ReleaseAction = "reject" | "send-to-central" | "recognise" | "not-recognise";

export interface ReleasableResult {
  readonly star: number | null;
  readonly knockedOut: boolean;
  readonly recognitionLevel: EvaluationLevel | null;
  readonly referralTo: EvaluationLevel | null;
}

export function releaseAction(result: ReleasableResult, councilLevel: EvaluationLevel): ReleaseAction {
  if (result.knockedOut) return "reject";
  if (result.referralTo !== null) return "send-to-central";
  if (result.star !== null && result.star >= 3 && result.recognitionLevel === councilLevel) return "recognise";
  return "not-recognise";
}

export type ReferralOutcome =
  | { readonly action: "recognise"; readonly star: Star; readonly level: EvaluationLevel }
  | { readonly action: "not-recognise" };

/**
 * What the answer of the higher level means. The star it gives is recognised by the level the
 * rule set names for that star: 5★ by the ministry; below 90 at the centre the PPC chair may
 * recognise 3★/4★ on the central result (QĐ26 Art. 7.3.e, ocop-domain.md §5.5 [H]); under QĐ148
 * a province answering 3★ leaves the recognition to the district. No star (or 1–2★) is not
 * recognised. Throws RangeError when the entered level contradicts the rule set, so a typing
 * slip cannot issue a 4★ certificate "by the ministry".
 */
export function referralOutcome(ruleSet: RuleSetDefinition, star: number | null, enteredLevel?: EvaluationLevel | null): ReferralOutcome {
  if (star === null) return { action: "not-recognise" };
  if (!Number.isInteger(star) || star < 1 || star > 5) throw new RangeError(`Not a star: ${star}`);
  const level = star >= ruleSet.minCertificateStar ? ruleSet.recognitionLevel[star as Star] : null;
  if (level === null) return { action: "not-recognise" };
  if (enteredLevel && enteredLevel !== level) throw new RangeError(`${star}★ is recognised by ${level} under ${ruleSet.code}, not ${enteredLevel}`);
  return { action: "recognise", star: star as Star, level };
}
