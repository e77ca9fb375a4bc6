import { describe, expect, it } from "vitest";
import { dayOfWeek } from "@/lib/domain/dates";
import {
  defaultVietnamHolidays,
  mergeHolidays,
  VN_HOLIDAY_YEARS,
  vietnamPublicHolidays,
} from "@/lib/domain/holidays-vn";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "@/lib/domain/working-days";

const holidays = defaultVietnamHolidays();
const none = new Set<string>();

describe("Vietnamese public holidays (default calendar)", () => {
  it("lists 2026: 1/1, Tết 16–20/2, Giỗ Tổ Sun 26/4 with Monday 27/4 in lieu, 30/4, 1/5, 1–2/9", () => {
    expect(vietnamPublicHolidays(2026).map((h) => `${h.date} ${h.kind}`)).toEqual([
      "2026-01-01 NEW_YEAR",
      "2026-02-16 TET",
      "2026-02-17 TET",
      "2026-02-18 TET",
      "2026-02-19 TET",
      "2026-02-20 TET",
      "2026-04-26 HUNG_KINGS",
      "2026-04-27 COMPENSATORY",
      "2026-04-30 REUNIFICATION_DAY",
      "2026-05-01 LABOUR_DAY",
      "2026-09-01 NATIONAL_DAY",
      "2026-09-02 NATIONAL_DAY",
    ]);
  });

  it("moves weekend holidays to the next free working day (2023: 29/4–3/5 and 1–4/9 as announced)", () => {
    const days = vietnamPublicHolidays(2023).map((h) => h.date);
    for (const d of ["2023-01-02", "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-02", "2023-09-04"]) {
      expect(days).toContain(d);
    }
    expect(days).not.toContain("2023-09-03"); // a Sunday is not "taken" as a day in lieu
  });

  it.each(VN_HOLIDAY_YEARS.map((y) => [y.year, y] as const))("%i: 11 statutory days, Tết on the computed date, companion next to 2/9", (year, data) => {
    const list = vietnamPublicHolidays(year);
    expect(list.filter((h) => h.kind !== "COMPENSATORY")).toHaveLength(11);
    expect(list.filter((h) => h.kind === "TET").map((h) => h.date)).toContain(data.lunarNewYear);
    expect([`${year}-09-01`, `${year}-09-03`]).toContain(data.nationalDayCompanion);
    for (const h of list.filter((x) => x.kind === "COMPENSATORY")) expect([0, 6]).not.toContain(dayOfWeek(h.date));
    expect(new Set(list.map((h) => h.date)).size).toBe(list.length);
  });

  it("uses the Vietnamese (UTC+7) lunar calendar: Tết 2030 is 2 February, a day before China's", () => {
    expect(VN_HOLIDAY_YEARS.find((y) => y.year === 2030)?.lunarNewYear).toBe("2030-02-02");
  });

  it("refuses years outside the default calendar", () => {
    expect(() => vietnamPublicHolidays(2022)).toThrow(RangeError);
    expect(() => vietnamPublicHolidays(2031)).toThrow(RangeError);
  });

  it("merges days off announced by the office and validates them", () => {
    const merged = mergeHolidays(holidays, ["2026-02-13", "2026-02-23"]);
    expect(merged.has("2026-02-13")).toBe(true);
    expect(holidays.has("2026-02-13")).toBe(false); // the default set is not mutated
    expect(() => mergeHolidays(holidays, ["2026-02-30"])).toThrow(RangeError);
  });
});

describe("working days", () => {
  it.each([
    ["2026-02-13", false], // a Friday the office added as a Tết day off
    ["2026-02-14", false],
    ["2026-02-16", false],
    ["2026-02-23", true],
    ["2026-04-27", false],
  ])("isWorkingDay(%s) with merged 13/2 → %s", (d, expected) => {
    expect(isWorkingDay(d, mergeHolidays(holidays, ["2026-02-13"]))).toBe(expected);
  });

  it.each<[string, string, number, string, string]>([
    ["15 working days across Tết 2026", "2026-02-10", 15, "2026-03-10", "2026-03-03"],
    ["15 working days across Giỗ Tổ, 30/4 and 1/5 2026", "2026-04-20", 15, "2026-05-14", "2026-05-11"],
    ["15 working days from a Friday", "2026-03-13", 15, "2026-04-03", "2026-04-03"],
    ["15 working days from a holiday (mùng 1 Tết)", "2026-02-17", 15, "2026-03-13", "2026-03-10"],
    ["15 working days from a Saturday", "2026-03-14", 15, "2026-04-03", "2026-04-03"],
    ["1 working day from a Friday is the Monday", "2026-03-13", 1, "2026-03-16", "2026-03-16"],
    ["1 working day from Thursday 30/4/2026 is Monday 4/5", "2026-04-30", 1, "2026-05-04", "2026-05-01"],
    ["0 working days is the start itself", "2026-02-17", 0, "2026-02-17", "2026-02-17"],
  ])("%s", (_label, start, n, withHolidays, withoutHolidays) => {
    expect(addWorkingDays(start, n, holidays)).toBe(withHolidays);
    expect(addWorkingDays(start, n, none)).toBe(withoutHolidays);
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addWorkingDays("2026-03-13", -1, holidays)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-13", 1.5, holidays)).toThrow(RangeError);
  });

  it.each([
    ["2026-02-10", "2026-03-10", 15],
    ["2026-02-13", "2026-02-22", 0],
    ["2026-02-13", "2026-02-23", 1],
    ["2026-03-13", "2026-03-13", 0],
    ["2026-03-16", "2026-03-13", -1],
  ])("workingDaysBetween(%s, %s) = %i", (from, to, n) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(n);
  });

  it("is the inverse of addWorkingDays", () => {
    for (const start of ["2026-01-30", "2026-02-12", "2026-04-24", "2026-08-28"]) {
      for (const n of [1, 5, 15, 30]) expect(workingDaysBetween(start, addWorkingDays(start, n, holidays), holidays)).toBe(n);
    }
  });
});
