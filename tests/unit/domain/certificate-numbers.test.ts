import { describe, expect, it } from "vitest";
import {
  assertCertificateNumberFormat,
  DEFAULT_CERTIFICATE_NUMBER_FORMAT,
  formatCertificateNumber,
  nextCertificateSeq,
  normaliseCertificateNumber,
  normaliseDecisionNumber,
  parseCertificateNumber,
} from "@/lib/domain/certificate-numbers";

describe("certificate number format {seq}/{year}/OCOP-{province}", () => {
  it.each([
    [1, 2026, "06", "001/2026/OCOP-06"],
    [42, 2026, "06", "042/2026/OCOP-06"],
    [999, 2027, "19", "999/2027/OCOP-19"],
    [1000, 2027, "19", "1000/2027/OCOP-19"], // grows past the padding instead of wrapping
  ])("seq %i of %i in %s → %s, and back", (seq, year, province, number) => {
    expect(formatCertificateNumber({ seq, year, province })).toBe(number);
    expect(parseCertificateNumber(number)).toEqual({ seq, year, province });
  });

  it("reads what people type: spaces, lower case", () => {
    expect(parseCertificateNumber("  42 / 2026 / ocop - 06 ")).toEqual({ seq: 42, year: 2026, province: "06" });
    expect(normaliseCertificateNumber(" 42 /2026/ ocop-06")).toBe("42/2026/OCOP-06");
  });

  it.each(["", "42/2026", "42/26/OCOP-06", "0/2026/OCOP-06", "abc/2026/OCOP-06", "42/2026/OCOP-06/x", "42-2026-OCOP-06"])("refuses %j", (value) => {
    expect(parseCertificateNumber(value)).toBeNull();
  });

  it("is configurable: another order, no issuer code, wider padding", () => {
    const format = "OCOP-{year}-{seq}";
    expect(formatCertificateNumber({ seq: 7, year: 2026, province: "" }, format, 5)).toBe("OCOP-2026-00007");
    expect(parseCertificateNumber("ocop-2026-00007", format)).toEqual({ seq: 7, year: 2026, province: "" });
    // A number in the default format is not one of this format.
    expect(parseCertificateNumber("007/2026/OCOP-06", format)).toBeNull();
  });

  it.each(["{seq}/OCOP", "{year}/OCOP", "{seq}/{seq}/{year}", "{seq}/{year}/{ward}", "{seq}/{year}/{province}/{province}"])("refuses the format %j", (format) => {
    expect(() => assertCertificateNumberFormat(format)).toThrow(RangeError);
  });

  it("refuses parts that cannot make a number", () => {
    expect(() => formatCertificateNumber({ seq: 0, year: 2026, province: "06" })).toThrow(RangeError);
    expect(() => formatCertificateNumber({ seq: 1, year: 26, province: "06" })).toThrow(RangeError);
    expect(() => formatCertificateNumber({ seq: 1, year: 2026, province: "0/6" })).toThrow(RangeError);
  });
});

describe("nextCertificateSeq (per year)", () => {
  const existing = ["001/2026/OCOP-06", "012/2026/OCOP-06", "003/2026/OCOP-06", "040/2025/OCOP-06", "số cũ 99", "100/2026/OCOP-19"];

  it("continues after the highest number of the same year, whatever the issuer code", () => {
    expect(nextCertificateSeq(existing, 2026)).toBe(101);
    expect(nextCertificateSeq(existing.slice(0, 4), 2026)).toBe(13);
  });

  it("restarts each year and ignores numbers it cannot read", () => {
    expect(nextCertificateSeq(existing, 2027)).toBe(1);
    expect(nextCertificateSeq(["số cũ 99"], 2026)).toBe(1);
    expect(nextCertificateSeq([], 2026, DEFAULT_CERTIFICATE_NUMBER_FORMAT)).toBe(1);
  });
});

describe("decision numbers are free text", () => {
  it("keeps the text as signed, spacing normalised", () => {
    expect(normaliseDecisionNumber("  125/QĐ-UBND ")).toBe("125/QĐ-UBND");
    expect(normaliseDecisionNumber("Số  1520 /QĐ-BNNMT")).toBe("Số 1520 /QĐ-BNNMT");
  });
});
