import "@/lib/zod-config";
import { z } from "zod";

/**
 * VND amounts as Vietnamese users type them (architecture.md §3.8: Vietnamese grouping).
 *
 * Reading rules, chosen so that no input has two meanings:
 * - "." and spaces group thousands and must be followed by exactly three digits
 *   ("1.500.000", "1 500 000"); "1.5.00" is refused rather than guessed.
 * - "," is the decimal comma, as in Vietnamese. "1,500,000" (English grouping) is refused:
 *   "1,500" would read as 1.5 đồng in Vietnamese and as 1500 in English.
 * - The đồng has no minor unit, so a fraction is refused ("1.500,50") unless it is all zeros
 *   ("1.500.000,00", as accounting exports write it) or a scale word absorbs it ("1,5 triệu").
 * - Scale words: nghìn/ngàn, triệu, tỷ/tỉ, with or without diacritics. Abbreviations ("k", "tr")
 *   and compounds ("1 tỷ 200 triệu") are refused: "1tr5" style shorthand is too loose for
 *   figures that end up in a business plan.
 * - Currency marks at the end are ignored: đ, ₫, đồng, VND, VNĐ.
 */

export const MONEY_ERROR = {
  invalid: "validation.money",
  fraction: "validation.moneyFraction",
  negative: "validation.moneyNegative",
  tooLarge: "validation.moneyTooLarge",
  required: "validation.required",
} as const;

export type MoneyErrorKey = (typeof MONEY_ERROR)[keyof typeof MONEY_ERROR];
export type ParsedVnd = { ok: true; value: number } | { ok: false; error: MoneyErrorKey };

const SCALE_EXPONENT: Readonly<Record<string, number>> = {
  nghin: 3,
  ngan: 3,
  trieu: 6,
  ty: 9,
  ti: 9,
};

// Intl's vi-VN currency format puts a no-break space before ₫; pasted amounts keep it.
const SPACES = /[\s\u00A0\u202F]+/g;
const CURRENCY_SUFFIX = /(?:đồng|dong|vnđ|vnd|đ|₫)$/u;
const SCALE_SUFFIX = /([a-z]+)$/;
// Integer part: plain digits, or 1–3 digits then groups of three after "." or a space.
const NUMBER = /^(\d+|\d{1,3}(?:([. ])\d{3})(?:\2\d{3})*)(?:,(\d+))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

/** Reads a typed amount; the schemas below wrap this with their sign rule. */
export function parseVndText(input: string): ParsedVnd {
  let s = input.normalize("NFC").toLowerCase().replace(SPACES, " ").trim();
  if (s === "") return { ok: false, error: MONEY_ERROR.required };

  let negative = false;
  // U+2212 is what word processors turn a hyphen into; amounts get pasted from reports.
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  s = s.replace(CURRENCY_SUFFIX, "").trimEnd();

  let exponent = 0;
  const scale = SCALE_SUFFIX.exec(stripDiacritics(s));
  if (scale) {
    const e = SCALE_EXPONENT[scale[1]!];
    if (e === undefined) return { ok: false, error: MONEY_ERROR.invalid };
    exponent = e;
    // The scale word has the same number of code points with or without diacritics (NFC).
    s = s.slice(0, s.length - scale[1]!.length).trimEnd();
  }

  const m = NUMBER.exec(s);
  if (!m) return { ok: false, error: MONEY_ERROR.invalid };
  const intDigits = m[1]!.replace(/[. ]/g, "");
  let frac = m[3] ?? "";
  if (frac.length > exponent) {
    // Beyond the scale, only zeros may follow the comma: no amount smaller than one đồng.
    if (/[^0]/.test(frac.slice(exponent))) return { ok: false, error: MONEY_ERROR.fraction };
    frac = frac.slice(0, exponent);
  }
  // BigInt keeps "1,0000001 tỷ" exact where floating point would round.
  const magnitude = BigInt(intDigits + frac.padEnd(exponent, "0"));
  if (magnitude > MAX) return { ok: false, error: MONEY_ERROR.tooLarge };
  const value = Number(magnitude);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

function checkNumber(n: number): ParsedVnd {
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return { ok: false, error: MONEY_ERROR.tooLarge };
  if (!Number.isInteger(n)) return { ok: false, error: MONEY_ERROR.fraction };
  return { ok: true, value: n === 0 ? 0 : n }; // -0 would print as "-0" in some formatters
}

function moneySchema(allowNegative: boolean) {
  return z
    .union([z.string(), z.number()], {
      // z.number() refuses ±Infinity itself; the user still needs to hear "too large", not "unreadable".
      error: (iss) =>
        iss.input === undefined || iss.input === null
          ? MONEY_ERROR.required
          : iss.input === Infinity || iss.input === -Infinity
            ? MONEY_ERROR.tooLarge
            : MONEY_ERROR.invalid,
    })
    .transform((raw, ctx) => {
      const r = typeof raw === "number" ? checkNumber(raw) : parseVndText(raw);
      if (r.ok && (allowNegative || r.value >= 0)) return r.value;
      ctx.addIssue({ code: "custom", message: r.ok ? MONEY_ERROR.negative : r.error, input: raw });
      return z.NEVER;
    });
}

/** A non-negative whole number of đồng (prices, revenue, costs); accepts typed text or a JSON number. */
export const vndSchema = moneySchema(false);

/** A whole number of đồng that may be negative (profit, variance). */
export const signedVndSchema = moneySchema(true);

/** "1.500.000" for putting an amount back into an input; parseVndText reads it back unchanged. */
export function formatVndInput(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of đồng: ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return n < 0 ? `-${digits}` : digits;
}
