/**
 * Intake rules of an evaluation dossier (hồ sơ sản phẩm, QĐ26 Art. 6–7): which papers a sheet
 * needs, which dated papers will have lapsed by the round, the product code printed on the
 * Annex II sheet header, and whether the ward's Form 03 report is complete.
 */
import type { CriteriaSheetData } from "./criteria/types";
import { compareIsoDate, type IsoDate } from "./dates";
import { provincialRoundFor } from "./deadlines";
import type { RuleSetDefinition } from "./rule-sets";

/**
 * Kinds of evidence document: the evidence annex of Form 02 (QĐ26 Annex III, Mẫu số 02, Part III
 * table "Tài liệu minh chứng") plus the papers the intake checks look for by name. Mirrors the
 * EvidenceKind enum of prisma/schema.prisma (a unit test keeps them equal).
 */
export const EVIDENCE_KINDS = [
  "BUSINESS_REGISTRATION",
  "FOOD_SAFETY_CERTIFICATE",
  "PRODUCTION_ELIGIBILITY",
  "RAW_MATERIAL_ORIGIN",
  "ENVIRONMENT",
  "LOCAL_LABOUR",
  "FINANCIAL_REPORTS",
  "INTELLECTUAL_PROPERTY",
  "CONTRACTS",
  "PROMOTION",
  "PRODUCT_STORY",
  "QUALITY_DECLARATION",
  "TEST_RESULTS",
  "BARCODE_TRACEABILITY",
  "QMS_CERTIFICATE",
  "AWARDS",
  "LABEL",
  "PHOTOS",
  "OTHER",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

// "Hồ sơ bị loại khi: … không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều
// kiện an toàn thực phẩm …" (QĐ26 Annex II, sets 1–17). The requirement is read from the sheet
// itself, so a corrected sheet version changes it without code.
const FOOD_SAFETY_PHRASE = "an toàn thực phẩm";

/** Whether a dossier on this sheet must carry a food-safety eligibility certificate. */
export function sheetRequiresFoodSafety(sheet: Pick<CriteriaSheetData, "knockOutConditions">): boolean {
  return sheet.knockOutConditions.some((c) => c.normalize("NFC").toLowerCase().includes(FOOD_SAFETY_PHRASE));
}

/** Kinds a dossier must hold before it can be submitted (more may be flagged, not required). */
export function requiredEvidenceKinds(sheet: Pick<CriteriaSheetData, "knockOutConditions">): EvidenceKind[] {
  return sheetRequiresFoodSafety(sheet) ? ["FOOD_SAFETY_CERTIFICATE"] : [];
}

/** The date a dossier's papers must still be valid on. */
export function intakeReferenceDate(o: { roundCompleteBy: IsoDate | null; today: IsoDate; ruleSet: RuleSetDefinition | null }): IsoDate {
  if (o.roundCompleteBy) return o.roundCompleteBy;
  // Not in a round yet: the round it would join if proposed today (QĐ26 Art. 5 calendar); with
  // no calendar in the rule set, papers must at least be valid today.
  return (o.ruleSet ? provincialRoundFor(o.today, o.ruleSet)?.completeBy : undefined) ?? o.today;
}

export type EvidenceForIntake = {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  /** Last day of validity (inclusive), or null for a paper without expiry. */
  readonly expiresOn: IsoDate | null;
};

export type IntakeFlag =
  | { readonly code: "FOOD_SAFETY_MISSING" }
  | { readonly code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND"; readonly evidenceId: string; readonly title: string; readonly expiresOn: IsoDate; readonly expired: boolean }
  | { readonly code: "EVIDENCE_EXPIRED"; readonly evidenceId: string; readonly kind: EvidenceKind; readonly title: string; readonly expiresOn: IsoDate }
  | { readonly code: "EVIDENCE_EXPIRES_BEFORE_ROUND"; readonly evidenceId: string; readonly kind: EvidenceKind; readonly title: string; readonly expiresOn: IsoDate };

export type IntakeFlagCode = IntakeFlag["code"];

/**
 * What an official should see at intake. A paper is valid through its `expiresOn` day: one that
 * expires on the reference date still covers the round; one that expired before `today` is
 * EVIDENCE_EXPIRED, one that lapses between today and the reference date is *_EXPIRES_BEFORE_ROUND.
 * When the sheet needs a food-safety certificate, one valid certificate is enough: an older,
 * superseded one is not flagged.
 */
export function intakeFlags(o: {
  evidence: readonly EvidenceForIntake[];
  requiresFoodSafety: boolean;
  today: IsoDate;
  referenceDate: IsoDate;
}): IntakeFlag[] {
  const flags: IntakeFlag[] = [];
  const coversRound = (e: EvidenceForIntake) => e.expiresOn === null || compareIsoDate(e.expiresOn, o.referenceDate) >= 0;
  const others = o.requiresFoodSafety ? o.evidence.filter((e) => e.kind !== "FOOD_SAFETY_CERTIFICATE") : o.evidence;

  if (o.requiresFoodSafety) {
    const certificates = o.evidence.filter((e) => e.kind === "FOOD_SAFETY_CERTIFICATE");
    if (certificates.length === 0) flags.push({ code: "FOOD_SAFETY_MISSING" });
    else if (!certificates.some(coversRound)) {
      // None covers the round: name the one that lasts longest (the producer's latest paper).
      const latest = [...certificates].sort((a, b) => compareIsoDate(b.expiresOn!, a.expiresOn!))[0]!;
      flags.push({
        code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND",
        evidenceId: latest.id,
        title: latest.title,
        expiresOn: latest.expiresOn!,
        expired: compareIsoDate(latest.expiresOn!, o.today) < 0,
      });
    }
  }
  for (const e of others) {
    if (coversRound(e)) continue;
    const base = { evidenceId: e.id, kind: e.kind, title: e.title, expiresOn: e.expiresOn! };
    flags.push(compareIsoDate(e.expiresOn!, o.today) < 0 ? { code: "EVIDENCE_EXPIRED", ...base } : { code: "EVIDENCE_EXPIRES_BEFORE_ROUND", ...base });
  }
  return flags;
}

// ---- Product code (mã số sản phẩm) ----

/**
 * "Mã số sản phẩm (T)-(X)-(STT)-(Năm)": T the province code, X the commune code (administrative
 * unit codes of QĐ 19/2025/QĐ-TTg: 2 and 5 digits), STT the number the commune gives the product
 * in its own register, Năm the evaluation year (QĐ26 Annex II, sheet header; forms.json
 * scoringSheetHeader.productCode). Three digits of STT keep codes sortable in a commune's year;
 * more are allowed when a commune passes 999.
 */
export const PRODUCT_CODE_STT_DIGITS = 3;
const PRODUCT_CODE = /^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$/;

export type ProductCodeParts = { readonly provinceCode: string; readonly wardCode: string; readonly sequence: number; readonly year: number };

/** Throws RangeError on parts that cannot make a code (get/format convention: never a bad code). */
export function formatProductCode(p: ProductCodeParts): string {
  if (!/^\d{2}$/.test(p.provinceCode)) throw new RangeError(`province code must be 2 digits: ${p.provinceCode}`);
  if (!/^\d{5}$/.test(p.wardCode)) throw new RangeError(`commune code must be 5 digits: ${p.wardCode}`);
  if (!Number.isInteger(p.sequence) || p.sequence < 1 || p.sequence > 999_999) throw new RangeError(`sequence out of range: ${p.sequence}`);
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2999) throw new RangeError(`year out of range: ${p.year}`);
  return `${p.provinceCode}-${p.wardCode}-${String(p.sequence).padStart(PRODUCT_CODE_STT_DIGITS, "0")}-${p.year}`;
}

export function parseProductCode(code: string): ProductCodeParts | null {
  const m = PRODUCT_CODE.exec(code.trim());
  if (!m) return null;
  const sequence = Number(m[3]);
  const year = Number(m[4]);
  if (sequence < 1 || year < 2000) return null;
  return { provinceCode: m[1]!, wardCode: m[2]!, sequence, year };
}

/** The prefix shared by every code of a commune's year, for finding its highest STT. */
export function productCodePrefix(provinceCode: string, wardCode: string): string {
  return `${provinceCode}-${wardCode}-`;
}

// ---- Form 03 (commune report) ----

/**
 * The four assessment items of Form 03 "II. Đánh giá một số nội dung của hồ sơ sản phẩm"
 * (QĐ26 Art. 7.2 and Annex III, Mẫu số 03): local raw materials, local labour, origin of the
 * idea, local identity. Keys as in forms.json.
 */
export const FORM_03_ASSESSMENT_KEYS = ["localRawMaterialUse", "localLabourUse", "productIdeaOrigin", "localIdentity"] as const;
export type Form03AssessmentKey = (typeof FORM_03_ASSESSMENT_KEYS)[number];

/** An assessment shorter than this is a placeholder, not the ward's finding (portal design). */
export const FORM_03_MIN_ASSESSMENT_LENGTH = 10;

/** The assessment items still to be written, in the form's order; [] when Form 03 is complete. */
export function missingForm03Items(form03: Readonly<Record<string, unknown>> | null | undefined): Form03AssessmentKey[] {
  return FORM_03_ASSESSMENT_KEYS.filter((key) => {
    const value = form03?.[key];
    return typeof value !== "string" || value.trim().length < FORM_03_MIN_ASSESSMENT_LENGTH;
  });
}
