/**
 * Raw-material areas (vùng nguyên liệu). Item 1.2 "Vùng nguyên liệu được cấp chứng nhận chất
 * lượng" of the QĐ26/2026 scoring sheets (Annex II; the sheets of sets 1, 3, 4, 6–8, 10–13 and
 * 18) gives 1 point for an area certified to a national standard (VietGAP, organic TCVN) and 2
 * points for an international one (GlobalGAP, organic abroad); item 1.1 scores the share of
 * in-province raw material the area supplies. A lapsed certificate scores like none, so the desk
 * sorts areas by certificate expiry and marks those expired or about to expire, in time for the
 * producer to renew before a dossier relies on it. */
import { compareIsoDate, daysBetween, type IsoDate } from "./dates";

/** Standards a certificate can be recorded for (Prisma enum RawMaterialStandard). */
export const RAW_MATERIAL_STANDARDS = ["NONE", "VIETGAP", "GLOBALGAP", "ORGANIC_VN", "ORGANIC_INTL", "OTHER"] as const;
export type RawMaterialStandard = (typeof RAW_MATERIAL_STANDARDS)[number];

export const RAW_MATERIAL_KINDS = ["CROP", "LIVESTOCK", "AQUACULTURE", "FORESTRY", "MEDICINAL", "OTHER"] as const;
export type RawMaterialKind = (typeof RAW_MATERIAL_KINDS)[number];

/**
 * How long before expiry a certificate is flagged. Not a regulation: re-certification (an audit by
 * the certifying body) takes weeks, and a provincial round under QĐ26 Art. 7 runs about two
 * months from proposals to decision, so 90 days leaves time to renew before a round.
 */
export const EXPIRY_WARNING_DAYS = 90;

export type CertificateState = "NONE" | "NO_EXPIRY" | "VALID" | "EXPIRING" | "EXPIRED";

/**
 * The state of an area's standard certificate on `today` (both Vietnamese calendar dates). A
 * certificate is valid through its expiry date; it is "expiring" when that date is at most
 * EXPIRY_WARNING_DAYS away. A standard recorded without an expiry date is shown as such (the
 * desk should complete it), never as valid.
 */
export function certificateState(standard: RawMaterialStandard, expiresOn: IsoDate | null, today: IsoDate): CertificateState {
  if (standard === "NONE") return "NONE";
  if (expiresOn === null) return "NO_EXPIRY";
  if (compareIsoDate(expiresOn, today) < 0) return "EXPIRED";
  return daysBetween(today, expiresOn) <= EXPIRY_WARNING_DAYS ? "EXPIRING" : "VALID";
}

/** Points the standard earns under item 1.2 of the QĐ26 sheets while its certificate is valid (Annex II). */
export function standardPoints(standard: RawMaterialStandard): 0 | 1 | 2 {
  if (standard === "VIETGAP" || standard === "ORGANIC_VN") return 1;
  if (standard === "GLOBALGAP" || standard === "ORGANIC_INTL") return 2;
  return 0;
}

export type HectaresError = "required" | "format" | "decimals" | "range";
export type ParsedHectares = { ok: true; value: number } | { ok: false; error: HectaresError };

/** Column RawMaterialArea.areaHa is Decimal(10, 2); no area of a city comes near this. */
export const MAX_HECTARES = 100_000;

// Vietnamese writing, as for money (lib/validation/money.ts): "," is the decimal comma; "." or a
// space groups thousands and must be followed by exactly three digits. "12.5" is refused rather
// than guessed: read the Vietnamese way it is not a number, read the English way it is 12,5.
const HECTARES = /^(\d+|\d{1,3}(?:([. ])\d{3})(?:\2\d{3})*)(?:,(\d+))?$/;

/** Reads an area in hectares as typed: "12,5", "1.250", "1 250,75", "8". At most two decimals. */
export function parseHectares(input: string): ParsedHectares {
  const s = input.normalize("NFC").replace(/[\u00A0\u202F]/g, " ").trim().replace(/\s*ha$/i, "");
  if (s === "") return { ok: false, error: "required" };
  const match = HECTARES.exec(s);
  if (!match) return { ok: false, error: "format" };
  const whole = match[1]!.replace(/[. ]/g, "");
  const fraction = match[3] ?? "";
  if (fraction.length > 2) return { ok: false, error: "decimals" };
  const value = Number(`${whole}.${fraction || "0"}`);
  if (!(value > 0) || value > MAX_HECTARES) return { ok: false, error: "range" };
  return { ok: true, value };
}

/** The Vietnamese way of writing an area back into the form: 12.5 → "12,5", 1250 → "1.250". */
export function formatHectares(value: number): string {
  const [whole, fraction] = value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "").split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction ? `${grouped},${fraction}` : grouped;
}
