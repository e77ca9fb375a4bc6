import { describe, expect, it } from "vitest";
import { addDays, addMonths, assertIsoDate, dayOfWeek, daysBetween, isIsoDate, vietnamDateOf } from "@/lib/domain/dates";

describe("calendar dates", () => {
  it.each(["2024-02-29", "2026-12-31", "2000-02-29"])("accepts %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
    expect(assertIsoDate(d)).toBe(d);
  });

  it.each(["2023-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-4-1", "2026-04-01T00:00:00Z", "", 20260401])("refuses %s", (d) => {
    expect(isIsoDate(d)).toBe(false);
  });

  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-29", 1, "2026-03-30"], // European DST change day: no effect on UTC arithmetic
  ])("%s + %i day = %s", (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ["2023-03-15", 36, "2026-03-15"],
    ["2024-02-29", 36, "2027-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
  ])("%s + %i months = %s", (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it("counts days and weekdays", () => {
    expect(daysBetween("2026-05-22", "2026-07-21")).toBe(60);
    expect(daysBetween("2026-07-21", "2026-05-22")).toBe(-60);
    expect(dayOfWeek("2026-05-22")).toBe(5); // Friday
    expect(dayOfWeek("2026-02-17")).toBe(2); // Tuesday, Tết
  });

  it("takes the Vietnamese calendar date of an instant (UTC+7)", () => {
    expect(vietnamDateOf(new Date("2026-05-21T16:59:59Z"))).toBe("2026-05-21");
    expect(vietnamDateOf(new Date("2026-05-21T17:00:00Z"))).toBe("2026-05-22");
  });
});
