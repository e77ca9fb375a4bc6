import { describe, expect, it } from "vitest";
import { formatVndInput, parseVndText, signedVndSchema, vndSchema } from "@/lib/validation/money";

const MAX = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991

function errorOf(schema: typeof vndSchema, input: unknown): string | undefined {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  expect(r.error?.issues).toHaveLength(1);
  return r.error?.issues[0]?.message;
}

describe("vndSchema: accepted text", () => {
  it.each([
    ["1500000", 1_500_000],
    ["1.500.000", 1_500_000],
    ["1 500 000", 1_500_000],
    ["1\u00A0500\u00A0000", 1_500_000],
    ["1.500.000 đ", 1_500_000],
    ["1.500.000đ", 1_500_000],
    ["1.500.000 ₫", 1_500_000],
    ["1.500.000\u00A0₫", 1_500_000], // as Intl vi-VN prints it
    ["1.500.000 đồng", 1_500_000],
    ["1.500.000 VND", 1_500_000],
    ["1.500.000 VNĐ", 1_500_000],
    ["1.500.000 dong", 1_500_000],
    ["  25.000  ", 25_000],
    ["0", 0],
    ["000", 0],
    ["999", 999],
    ["1.000", 1_000],
    ["1.500.000,00", 1_500_000], // accounting exports
    ["1,5 triệu", 1_500_000],
    ["1,5triệu", 1_500_000],
    ["1,5 TRIỆU", 1_500_000],
    ["1,5 trieu", 1_500_000],
    ["1,5 triệu đồng", 1_500_000],
    ["2 tỷ", 2_000_000_000],
    ["2 tỉ", 2_000_000_000],
    ["2 ty", 2_000_000_000],
    ["1,0000001 tỷ", 1_000_000_100],
    ["1,000000001 tỷ", 1_000_000_001],
    ["1,0000000010 tỷ", 1_000_000_001], // trailing zero beyond the unit is harmless
    ["1.200 tỷ", 1_200_000_000_000],
    ["500 nghìn", 500_000],
    ["500 ngàn", 500_000],
    ["12,5 nghìn", 12_500],
    ["0,5 triệu", 500_000],
    ["9.007.199.254.740.991", MAX],
    ["9.007.199.254,740991 triệu", MAX],
    ["9.007.199,254740991 tỷ", MAX],
  ])("%j → %d", (raw, value) => {
    expect(vndSchema.parse(raw)).toBe(value);
  });

  it("reads decomposed Vietnamese (macOS, some IMEs) like composed", () => {
    expect(vndSchema.parse("1,5 trie\u0302\u0323u".normalize("NFD"))).toBe(1_500_000);
  });
});

describe("vndSchema: refused text", () => {
  it.each([
    ["abc", "validation.money"],
    ["1.5.00", "validation.money"],
    ["1.50", "validation.money"],
    ["1.5000", "validation.money"],
    [".500", "validation.money"],
    ["1.500.", "validation.money"],
    ["1..500", "validation.money"],
    ["1.500 000", "validation.money"], // mixed separators
    ["1,500,000", "validation.money"], // English grouping is ambiguous
    ["1.500.000,", "validation.money"],
    [",5 triệu", "validation.money"],
    ["1.5 triệu", "validation.money"], // "." always groups thousands
    ["500k", "validation.money"],
    ["1tr5", "validation.money"],
    ["1 tỷ 200 triệu", "validation.money"],
    ["triệu", "validation.money"],
    ["đ", "validation.money"],
    ["-", "validation.money"],
    ["+1.000", "validation.money"],
    ["1e6", "validation.money"],
    ["0x10", "validation.money"],
    ["１２３", "validation.money"], // full-width digits
    ["1.500.000 USD", "validation.money"],
    ["1.500,50", "validation.moneyFraction"],
    ["1500000,5", "validation.moneyFraction"],
    ["1,5", "validation.moneyFraction"],
    ["1,0000000001 tỷ", "validation.moneyFraction"],
    ["12,5005 nghìn", "validation.moneyFraction"],
    ["9.007.199.254.740.992", "validation.moneyTooLarge"],
    ["9007199254740992", "validation.moneyTooLarge"],
    ["9.008 nghìn tỷ", "validation.money"], // one scale word only
    ["9008 triệu tỷ", "validation.money"],
    ["9.007.200 tỷ", "validation.moneyTooLarge"],
    ["99999999999999999999999999", "validation.moneyTooLarge"],
    ["", "validation.required"],
    ["   ", "validation.required"],
    ["-1", "validation.moneyNegative"],
    ["-1.500.000 đ", "validation.moneyNegative"],
    ["-0,5 triệu", "validation.moneyNegative"],
  ])("%j → %s", (raw, key) => {
    expect(errorOf(vndSchema, raw)).toBe(key);
  });
});

describe("vndSchema: JSON numbers", () => {
  it.each([0, 1, 1_500_000, MAX])("accepts %d", (n) => {
    expect(vndSchema.parse(n)).toBe(n);
  });
  it("turns -0 into 0", () => {
    expect(Object.is(vndSchema.parse(-0), 0)).toBe(true);
    expect(Object.is(signedVndSchema.parse("-0"), 0)).toBe(true);
  });
  it.each([
    [-1, "validation.moneyNegative"],
    [1.5, "validation.moneyFraction"],
    [0.1, "validation.moneyFraction"],
    [MAX + 1, "validation.moneyTooLarge"],
    [Infinity, "validation.moneyTooLarge"],
    [NaN, "validation.money"],
    [undefined, "validation.required"],
    [null, "validation.required"],
    [true, "validation.money"],
    [{}, "validation.money"],
    [1500000n, "validation.money"],
  ])("refuses %s with %s", (input, key) => {
    expect(errorOf(vndSchema, input)).toBe(key);
  });
});

describe("signedVndSchema", () => {
  it.each([
    ["-1.500.000", -1_500_000],
    ["\u22121.500.000 đ", -1_500_000], // typographic minus from a word processor
    ["- 2 tỷ", -2_000_000_000],
    ["-0,5 triệu", -500_000],
    ["1.500.000", 1_500_000],
    [-42, -42],
    ["-9.007.199.254.740.991", -MAX],
    [-MAX, -MAX],
  ])("%j → %d", (raw, value) => {
    expect(signedVndSchema.parse(raw)).toBe(value);
  });
  it.each([
    ["-9.007.199.254.740.992", "validation.moneyTooLarge"],
    [-MAX - 1, "validation.moneyTooLarge"],
    [-Infinity, "validation.moneyTooLarge"],
    ["--1", "validation.money"],
    ["-abc", "validation.money"],
    ["-1,5", "validation.moneyFraction"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(signedVndSchema, input)).toBe(key);
  });
});

describe("parseVndText", () => {
  it("returns a result instead of throwing, for live input hints", () => {
    expect(parseVndText("1.500.000")).toEqual({ ok: true, value: 1_500_000 });
    expect(parseVndText("-1")).toEqual({ ok: true, value: -1 });
    expect(parseVndText("abc")).toEqual({ ok: false, error: "validation.money" });
  });
});

describe("formatVndInput", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1_000, "1.000"],
    [25_000, "25.000"],
    [999_999, "999.999"],
    [1_000_000, "1.000.000"],
    [1_500_000, "1.500.000"],
    [-1_500_000, "-1.500.000"],
    [-0, "0"],
    [MAX, "9.007.199.254.740.991"],
    [-MAX, "-9.007.199.254.740.991"],
  ])("%d → %s", (n, text) => {
    expect(formatVndInput(n)).toBe(text);
    expect(signedVndSchema.parse(text)).toBe(n === 0 ? 0 : n);
  });
  it.each([1.5, NaN, Infinity, MAX + 1])("refuses %d", (n) => {
    expect(() => formatVndInput(n)).toThrow(RangeError);
  });
});
