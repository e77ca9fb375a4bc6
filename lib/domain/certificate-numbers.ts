/**
 * Certificate numbers (số giấy chứng nhận) and decision numbers (số quyết định).
 *
 * No regulation prescribes how an OCOP certificate is numbered [L]: QĐ26 Art. 4 only says who
 * issues it. Provinces number certificates like their other papers, a running number per year
 * followed by the year and the issuer's mark. The portal's default is
 *
 *     {seq}/{year}/OCOP-{province}      e.g. 007/2026/OCOP-06  (06 = Bắc Kạn, GSO code)
 *
 * and it is configurable: every function takes the format, which must contain {seq} and {year}
 * exactly once (the sequence restarts each year, so both are needed for a unique number) and may
 * contain {province}. The running number is zero-padded to `seqWidth` digits (default 3) and keeps
 * growing past it (1000/2026/…). Decision numbers are free text ("125/QĐ-UBND"): the portal only
 * trims them and keeps them unique.
 */

export const DEFAULT_CERTIFICATE_NUMBER_FORMAT = "{seq}/{year}/OCOP-{province}";
export const DEFAULT_SEQ_WIDTH = 3;

export interface CertificateNumberParts {
  readonly seq: number;
  readonly year: number;
  /** Issuer's code (GSO province code by default); "" when the format has no {province}. */
  readonly province: string;
}

const TOKEN = /\{(seq|year|province)\}/g;

/** Throws RangeError unless the format has exactly one {seq} and one {year}, at most one {province}, and no other braces. */
export function assertCertificateNumberFormat(format: string): string {
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]);
  const count = (t: string) => tokens.filter((x) => x === t).length;
  if (count("seq") !== 1 || count("year") !== 1 || count("province") > 1) {
    throw new RangeError(`A certificate number format needs one {seq} and one {year}: ${JSON.stringify(format)}`);
  }
  if (/[{}]/.test(format.replace(TOKEN, ""))) throw new RangeError(`Unknown token in certificate number format: ${JSON.stringify(format)}`);
  return format;
}

export function formatCertificateNumber(parts: CertificateNumberParts, format = DEFAULT_CERTIFICATE_NUMBER_FORMAT, seqWidth = DEFAULT_SEQ_WIDTH): string {
  assertCertificateNumberFormat(format);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError(`Sequence must be a positive integer, got ${parts.seq}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new RangeError(`Year must have four digits, got ${parts.year}`);
  if (!/^[0-9A-Za-z]*$/.test(parts.province)) throw new RangeError(`Issuer code must be letters and digits, got ${JSON.stringify(parts.province)}`);
  return format.replace(TOKEN, (_m, token: string) =>
    token === "seq" ? String(parts.seq).padStart(seqWidth, "0") : token === "year" ? String(parts.year) : parts.province,
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The parts of a number written in `format` (case-insensitive, surrounding spaces ignored), or null. */
export function parseCertificateNumber(value: string, format = DEFAULT_CERTIFICATE_NUMBER_FORMAT): CertificateNumberParts | null {
  assertCertificateNumberFormat(format);
  const order: string[] = [];
  let pattern = "";
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    pattern += escapeRegExp(format.slice(last, m.index));
    const token = m[1]!;
    order.push(token);
    pattern += token === "seq" ? "(\\d{1,9})" : token === "year" ? "(\\d{4})" : "([0-9A-Za-z]+)";
    last = m.index + m[0].length;
  }
  pattern += escapeRegExp(format.slice(last));
  const match = new RegExp(`^${pattern}$`, "i").exec(normaliseCertificateNumber(value));
  if (!match) return null;
  const get = (token: string) => match[order.indexOf(token) + 1];
  const seq = Number(get("seq"));
  if (seq < 1) return null;
  return { seq, year: Number(get("year")), province: order.includes("province") ? get("province")!.toUpperCase() : "" };
}

/** What people type when they look a number up: extra spaces (also around "/" and "-") and lower case. */
export function normaliseCertificateNumber(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").replace(/\s*([/-])\s*/g, "$1").toUpperCase();
}

/**
 * The next running number of `year`: one more than the highest number of that year among
 * `existing` (numbers in another format or of another year are ignored). The caller serialises
 * issuers of the same year (a transaction-scoped lock), so two releases never take the same one.
 */
export function nextCertificateSeq(existing: readonly string[], year: number, format = DEFAULT_CERTIFICATE_NUMBER_FORMAT): number {
  let max = 0;
  for (const number of existing) {
    const parts = parseCertificateNumber(number, format);
    if (parts && parts.year === year && parts.seq > max) max = parts.seq;
  }
  return max + 1;
}

/** Decision numbers are free text as signed ("125/QĐ-UBND"); only spacing is normalised. */
export function normaliseDecisionNumber(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}
