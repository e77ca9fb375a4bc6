/**
 * The three versioned OCOP rulebooks as data (ocop-domain.md §1, §5.3, §6; architecture.md §3.5:
 * an evaluation keeps the rule set it started under, so nothing here may be read as "current").
 * Confidence tags [H]/[M]/[L] are those of ocop-domain.md.
 */
import { addDays, compareIsoDate, type IsoDate } from "./dates";

export type RuleSetCode = "QD148_2023" | "QD148_1489_2025" | "QD26_2026";
export type Star = 1 | 2 | 3 | 4 | 5;
export type EvaluationLevel = "DISTRICT" | "PROVINCE" | "CENTRAL";

/** [min, max) on the decimal average total, or [min, max] when maxInclusive. */
export interface StarBand {
  readonly star: Star;
  readonly min: number;
  readonly max: number;
  readonly maxInclusive: boolean;
}

/** A council forwards a result reaching `minAverage` from one level to the next. */
export interface Referral {
  readonly from: EvaluationLevel;
  readonly to: EvaluationLevel;
  readonly minAverage: number;
}

export interface RenewalWindowRule {
  /** First day on which a re-evaluation dossier may be filed: expiry − this many days. */
  readonly opensDaysBeforeExpiry: number;
  /** Last day on which it may be filed: expiry − this many days. */
  readonly closesDaysBeforeExpiry: number;
}

export type KnockOutRule = "ANY" | "MAJORITY" | "UNANIMOUS";

/** Council working rules; provincial "Quy chế hoạt động", not national law, hence defaults. */
export interface CouncilRules {
  /** Members' totals may differ by at most this many points before the council must discuss and re-score. */
  readonly maxSpread: number;
  /** Quorum as a fraction of the council's members, with the chair present. */
  readonly quorum: { readonly numerator: number; readonly denominator: number; readonly chairRequired: boolean };
  /** How many members must flag a knock-out for the council to count it. */
  readonly knockOutRule: KnockOutRule;
}

/** QĐ26 Art. 12: how the old rules wind down. */
export interface TransitionRule {
  /** Dossiers submitted before `effectiveFrom` and not yet decided finish under the old rules within this many days. */
  readonly firstOrUpgradeDossierDays: number;
  readonly reEvaluationDossierDays: number;
  /** A late re-evaluation keeps the old certificate valid until decided, at most this many days past expiry. */
  readonly certificateGraceDaysAfterExpiry: number;
}

/** A provincial evaluation round: dossiers proposed by `proposalsBy` are decided by `completeBy` (MM-DD). */
export interface EvaluationRound {
  readonly proposalsBy: string;
  readonly completeBy: string;
}

export interface RuleSetDefinition {
  readonly code: RuleSetCode;
  /** Vietnamese official short name. */
  readonly name: string;
  readonly legalBasis: readonly string[];
  /** First day a newly submitted dossier falls under this rule set. */
  readonly effectiveFrom: IsoDate;
  /** Last day a newly submitted dossier falls under it; null for the current set. */
  readonly effectiveTo: IsoDate | null;
  /** Day the decision itself stops having legal effect, when later than effectiveTo (pending dossiers). */
  readonly lapsesOn: IsoDate | null;
  readonly starBands: readonly StarBand[];
  /** Level that recognises (and certifies) each star; null = no recognition, no certificate. */
  readonly recognitionLevel: Readonly<Record<Star, EvaluationLevel | null>>;
  readonly referrals: readonly Referral[];
  readonly minCertificateStar: Star;
  readonly certificateValidityMonths: number;
  readonly renewalWindow: RenewalWindowRule | null;
  /** Written notice to the holder this many days before expiry; null when the rule set has none. */
  readonly expiryNoticeDaysBeforeExpiry: number | null;
  /** Working days the commune has to check a dossier and issue Form 03; null when the commune had no such step. */
  readonly communePreAssessmentWorkingDays: number | null;
  /** Calendar days from a complete re-evaluation dossier to the decision; null when not set. */
  readonly reEvaluationMaxDays: number | null;
  readonly provincialRounds: readonly EvaluationRound[] | null;
  readonly councilDefaults: CouncilRules;
  readonly transition: TransitionRule | null;
}

// Same bands in all three sets [H: QĐ26 Art. 3.3, 4.1; QĐ148 per proatc.vn, ciptek.vn, thuvienphapluat].
// QĐ148-era texts print "70–89", "50–69"; half-open intervals on the decimal average make an
// average of 89.5 a 4★, which is how those integer ranges read for non-integer averages [M].
const STAR_BANDS: readonly StarBand[] = [
  { star: 5, min: 90, max: 100, maxInclusive: true },
  { star: 4, min: 70, max: 90, maxInclusive: false },
  { star: 3, min: 50, max: 70, maxInclusive: false },
  { star: 2, min: 30, max: 50, maxInclusive: false },
  { star: 1, min: 0, max: 30, maxInclusive: false },
];

// Members' totals within 10 points, quorum 3/4 incl. the chair [M: Đồng Tháp, Tây Ninh council
// rules, ocop-domain.md §3; configurable]. Knock-out by majority: a portal design choice [L]:
// the dossier rejection clause is a council finding, so one dissenting member cannot impose it.
const COUNCIL_DEFAULTS: CouncilRules = {
  maxSpread: 10,
  quorum: { numerator: 3, denominator: 4, chairRequired: true },
  knockOutRule: "MAJORITY",
};

const CERTIFICATE_VALIDITY_MONTHS = 36; // [H] QĐ26 Art. 4.3; QĐ148 same per danang.gov.vn
const MIN_CERTIFICATE_STAR: Star = 3; // [H] QĐ26 Art. 4.1.a: 1★ and 2★ get no decision and no certificate

export const QD148_2023: RuleSetDefinition = {
  code: "QD148_2023",
  name: "Quyết định 148/QĐ-TTg",
  legalBasis: ["Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ"],
  effectiveFrom: "2023-02-24", // [H] ocop-domain.md §1: in force from signature
  // Last day before QĐ1489 [H]; the district level was abolished on 01/7/2025, so dossiers
  // received 01–05/7/2025 had no district to go to: that gap is a data question, not a rule.
  effectiveTo: "2025-07-05",
  lapsesOn: null,
  starBands: STAR_BANDS,
  // District UBND recognises 3★, province 4★, MARD 5★ [H: quochoitv.vn, thongtin.vietnam.vn, langngheviet].
  recognitionLevel: { 1: null, 2: null, 3: "DISTRICT", 4: "PROVINCE", 5: "CENTRAL" },
  // District forwards ≥70 to province, province ≥90 to the centre [H: QĐ148 Annex II per thuvienphapluat Q&A].
  referrals: [
    { from: "DISTRICT", to: "PROVINCE", minAverage: 70 },
    { from: "PROVINCE", to: "CENTRAL", minAverage: 90 },
  ],
  minCertificateStar: MIN_CERTIFICATE_STAR,
  certificateValidityMonths: CERTIFICATE_VALIDITY_MONTHS,
  renewalWindow: null, // QĐ148 has no filing window [M: ocop-domain.md §6]
  expiryNoticeDaysBeforeExpiry: 30, // [M] doanhnghiepvadoisong.com.vn (2023): notice ≥30 days before the 36 months end
  communePreAssessmentWorkingDays: null, // dossiers went to the district UBND [H]
  reEvaluationMaxDays: null,
  provincialRounds: null, // not retrieved for QĐ148 [L]
  councilDefaults: COUNCIL_DEFAULTS,
  transition: null,
};

export const QD148_1489_2025: RuleSetDefinition = {
  code: "QD148_1489_2025",
  name: "Quyết định 148/QĐ-TTg (sửa đổi bởi Quyết định 1489/QĐ-TTg)",
  legalBasis: [
    "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ",
    "Quyết định số 1489/QĐ-TTg ngày 06/7/2025 của Thủ tướng Chính phủ",
  ],
  effectiveFrom: "2025-07-06", // [H] QĐ1489 of 06/7/2025, ocop-domain.md §1
  // New dossiers fall under QĐ26 from 22/5/2026 [H: QĐ26 Art. 11]; see lapsesOn for pending ones.
  effectiveTo: "2026-05-21",
  // QĐ148 and QĐ1489 lapse 60 days after 22/5/2026 [H: QĐ26 Art. 11]. Counting from the day
  // after, as the Civil Code 2015 Art. 147(2) does for periods in days [H], day 60 is 21/7/2026.
  lapsesOn: "2026-07-21",
  starBands: STAR_BANDS,
  // Two levels: province 3★ and 4★, centre 5★ [H: QĐ1489 news, ocop-domain.md §1].
  recognitionLevel: { 1: null, 2: null, 3: "PROVINCE", 4: "PROVINCE", 5: "CENTRAL" },
  referrals: [{ from: "PROVINCE", to: "CENTRAL", minAverage: 90 }], // [H] ≥90 proposed to MAE
  minCertificateStar: MIN_CERTIFICATE_STAR,
  certificateValidityMonths: CERTIFICATE_VALIDITY_MONTHS,
  renewalWindow: null, // QĐ1489 did not add a window [M]
  expiryNoticeDaysBeforeExpiry: 30, // QĐ148 rule kept by the amendment [M]
  // The commune pre-assesses under QĐ1489 [H], but no deadline was retrieved [L]; none enforced.
  communePreAssessmentWorkingDays: null,
  reEvaluationMaxDays: null,
  provincialRounds: null,
  councilDefaults: COUNCIL_DEFAULTS,
  transition: null,
};

export const QD26_2026: RuleSetDefinition = {
  code: "QD26_2026",
  name: "Quyết định 26/2026/QĐ-TTg",
  legalBasis: ["Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ"],
  effectiveFrom: "2026-05-22", // [H] QĐ26 Art. 11
  effectiveTo: null,
  lapsesOn: null,
  starBands: STAR_BANDS,
  recognitionLevel: { 1: null, 2: null, 3: "PROVINCE", 4: "PROVINCE", 5: "CENTRAL" }, // [H] QĐ26 Art. 4.1
  referrals: [{ from: "PROVINCE", to: "CENTRAL", minAverage: 90 }], // [H] QĐ26 Art. 7.3.e
  minCertificateStar: MIN_CERTIFICATE_STAR,
  certificateValidityMonths: CERTIFICATE_VALIDITY_MONTHS,
  // File no earlier than 180 and no later than 120 days before expiry [H] QĐ26 Art. 7.6.
  renewalWindow: { opensDaysBeforeExpiry: 180, closesDaysBeforeExpiry: 120 },
  expiryNoticeDaysBeforeExpiry: null, // QĐ26 replaces the notice with the filing window [M]
  communePreAssessmentWorkingDays: 15, // [H] QĐ26 Art. 7.2
  reEvaluationMaxDays: 45, // [H] QĐ26 Art. 7.6: ≤45 days from a complete dossier
  // Round 1: proposals by 30/4, done by 30/6; round 2: by 30/10, done by 30/12 [H] QĐ26 Art. 5.
  provincialRounds: [
    { proposalsBy: "04-30", completeBy: "06-30" },
    { proposalsBy: "10-30", completeBy: "12-30" },
  ],
  councilDefaults: COUNCIL_DEFAULTS,
  // [H] QĐ26 Art. 12: pending first/upgrade 60 days, re-evaluation 30 days; late re-evaluation
  // keeps the old certificate valid at most 180 days past its expiry.
  transition: { firstOrUpgradeDossierDays: 60, reEvaluationDossierDays: 30, certificateGraceDaysAfterExpiry: 180 },
};

/** Oldest first. */
export const RULE_SETS: readonly RuleSetDefinition[] = [QD148_2023, QD148_1489_2025, QD26_2026];

export const RULE_SET_CODES: readonly RuleSetCode[] = RULE_SETS.map((r) => r.code);

export function isRuleSetCode(value: unknown): value is RuleSetCode {
  return typeof value === "string" && (RULE_SET_CODES as readonly string[]).includes(value);
}

/** Throws RangeError on an unknown code (get* convention: never returns nothing). */
export function getRuleSet(code: RuleSetCode): RuleSetDefinition {
  const found = RULE_SETS.find((r) => r.code === code);
  if (!found) throw new RangeError(`Unknown rule set: ${String(code)}`);
  return found;
}

/**
 * The rule set for a dossier submitted on `date`, or null before 24/02/2023: the QĐ1048/781
 * rulebook (2019–2023) is not modelled, and callers importing legacy records must pick a set
 * explicitly rather than have one guessed.
 */
export function ruleSetInForce(date: IsoDate): RuleSetDefinition | null {
  for (let i = RULE_SETS.length - 1; i >= 0; i--) {
    const set = RULE_SETS[i];
    if (set && compareIsoDate(date, set.effectiveFrom) >= 0) {
      return set.effectiveTo === null || compareIsoDate(date, set.effectiveTo) <= 0 ? set : null;
    }
  }
  return null;
}

export type PendingDossierKind = "FIRST_OR_UPGRADE" | "RE_EVALUATION";

/**
 * Last day by which a dossier submitted under the previous rules before QĐ26 took effect must be
 * decided under those rules (QĐ26 Art. 12 [H]); null when `ruleSet` has no transition rule.
 * "Within N days from the effective date" is counted from the next day (Civil Code Art. 147(2)).
 */
export function pendingDossierDeadline(ruleSet: RuleSetDefinition, kind: PendingDossierKind): IsoDate | null {
  if (!ruleSet.transition) return null;
  const days = kind === "FIRST_OR_UPGRADE" ? ruleSet.transition.firstOrUpgradeDossierDays : ruleSet.transition.reEvaluationDossierDays;
  return addDays(ruleSet.effectiveFrom, days);
}

/** Levels that recognise some star under this rule set, lowest first. */
export function recognitionLevels(ruleSet: RuleSetDefinition): EvaluationLevel[] {
  const order: EvaluationLevel[] = ["DISTRICT", "PROVINCE", "CENTRAL"];
  const used = new Set(Object.values(ruleSet.recognitionLevel).filter((l): l is EvaluationLevel => l !== null));
  return order.filter((l) => used.has(l));
}

/** Where a result of `average` at `level` goes next, or null when it stays at that level. */
export function referralTarget(ruleSet: RuleSetDefinition, level: EvaluationLevel, average: number): EvaluationLevel | null {
  const referral = ruleSet.referrals.find((r) => r.from === level);
  return referral && average >= referral.minAverage ? referral.to : null;
}
