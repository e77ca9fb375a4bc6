import { describe, expect, it } from "vitest";
import { certificateState, EXPIRY_WARNING_DAYS, formatHectares, MAX_HECTARES, parseHectares, standardPoints } from "@/lib/domain/raw-material-areas";

describe("certificate state of a raw-material area", () => {
  const today = "2026-11-30";
  it.each([
    ["2026-11-29", "EXPIRED"], // lapsed yesterday
    ["2026-11-30", "EXPIRING"], // valid through its last day
    ["2027-02-28", "EXPIRING"], // exactly 90 days ahead
    ["2027-03-01", "VALID"], // 91 days ahead
    ["2029-05-20", "VALID"],
  ] as const)("VietGAP expiring %s → %s", (expiresOn, state) => {
    expect(certificateState("VIETGAP", expiresOn, today)).toBe(state);
  });

  it("the warning window is 90 days", () => {
    expect(EXPIRY_WARNING_DAYS).toBe(90);
  });

  it("no standard is NONE whatever the date; a standard without expiry is never shown valid", () => {
    expect(certificateState("NONE", "2020-01-01", today)).toBe("NONE");
    expect(certificateState("NONE", null, today)).toBe("NONE");
    expect(certificateState("ORGANIC_INTL", null, today)).toBe("NO_EXPIRY");
  });

  it("QĐ26 item 1.2: national certification 1 point, international 2", () => {
    expect(standardPoints("VIETGAP")).toBe(1);
    expect(standardPoints("ORGANIC_VN")).toBe(1);
    expect(standardPoints("GLOBALGAP")).toBe(2);
    expect(standardPoints("ORGANIC_INTL")).toBe(2);
    expect(standardPoints("NONE")).toBe(0);
    expect(standardPoints("OTHER")).toBe(0);
  });
});

describe("hectares typed the Vietnamese way", () => {
  it.each([
    ["12,5", 12.5],
    ["12,50", 12.5],
    ["8", 8],
    [" 0,25 ", 0.25],
    ["1.250", 1250],
    ["1 250,75", 1250.75],
    ["12,5 ha", 12.5],
    ["100.000", MAX_HECTARES],
  ])("%j → %d", (input, value) => {
    expect(parseHectares(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["12.5", "format"], // English decimal point: ambiguous in Vietnamese, refused
    ["1,250,000", "format"],
    ["abc", "format"],
    ["-3", "format"],
    ["1.25.0", "format"],
    ["12,555", "decimals"],
    ["0", "range"],
    ["0,00", "range"],
    ["100.000,01", "range"],
  ])("%j is refused (%s)", (input, error) => {
    expect(parseHectares(input)).toEqual({ ok: false, error });
  });

  it.each([
    [12.5, "12,5"],
    [8, "8"],
    [1250, "1.250"],
    [1250.75, "1.250,75"],
    [0.05, "0,05"],
  ])("%d is written back as %j and reads the same", (value, text) => {
    expect(formatHectares(value)).toBe(text);
    expect(parseHectares(text)).toEqual({ ok: true, value });
  });
});
