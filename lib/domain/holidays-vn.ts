/**
 * Vietnamese public holidays, default calendar 2023–2030.
 *
 * Statutory days, Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) Art. 112(1) [M: the article as
 * summarised by several news sources; 11 days in total]:
 *   1/1 (1 day); Tết Âm lịch (5 days); Giỗ Tổ Hùng Vương 10/3 lunar (1 day); 30/4 (1 day);
 *   1/5 (1 day); Quốc khánh 2/9 plus one day immediately before or after it (2 days).
 * A statutory day that falls on the weekly rest day is taken on the next working day instead
 * (Labour Code 2019 Art. 111(3) [M]).
 *
 * What is data here, and why it is only a default:
 * - The solar dates of Tết (1/1 lunar) and Giỗ Tổ (10/3 lunar) below were COMPUTED from the
 *   Vietnamese lunar calendar (Hồ Ngọc Đức's astronomical algorithm at UTC+7; 2030 differs from
 *   the Chinese calendar, which has Tết on 3/2/2030) [M: computed, spot-checked against 2023–2026].
 * - Which 5 days make up Tết, which day joins 2/9, and the swaps of working days are announced
 *   every year by the Government / Ministry of Home Affairs for state offices. The default here
 *   takes Tết as lunar New Year's Eve plus the first four days of the year, and the 2/9 companion
 *   day as announced for 2023–2025 and a guess afterwards [L]. The office that runs deadlines must
 *   add the announced days with `mergeHolidays`; make-up working Saturdays are not modelled (an
 *   ignored make-up Saturday only makes a deadline one working day later, never earlier).
 */
import { addDays, assertIsoDate, isoDate, isWeekend, type IsoDate } from "./dates";

export interface VietnamHolidayYear {
  readonly year: number;
  /** 1/1 lunar (mùng 1 Tết), solar date, computed. */
  readonly lunarNewYear: IsoDate;
  /** 10/3 lunar (Giỗ Tổ Hùng Vương), solar date, computed. */
  readonly hungKingsDay: IsoDate;
  /** The day next to 2/9 (1/9 or 3/9). */
  readonly nationalDayCompanion: IsoDate;
  readonly nationalDayCompanionSource: "ANNOUNCED" | "DEFAULT";
}

export const VN_HOLIDAY_YEARS: readonly VietnamHolidayYear[] = [
  // 2/9/2023 Sat; 1/9 announced [L: as recalled, verify against the 2023 notice]
  { year: 2023, lunarNewYear: "2023-01-22", hungKingsDay: "2023-04-29", nationalDayCompanion: "2023-09-01", nationalDayCompanionSource: "ANNOUNCED" },
  // 2/9/2024 Mon; 3/9 announced [L: as recalled, verify]
  { year: 2024, lunarNewYear: "2024-02-10", hungKingsDay: "2024-04-18", nationalDayCompanion: "2024-09-03", nationalDayCompanionSource: "ANNOUNCED" },
  // 2/9/2025 Tue; 1/9 announced [L: as recalled, verify]
  { year: 2025, lunarNewYear: "2025-01-29", hungKingsDay: "2025-04-07", nationalDayCompanion: "2025-09-01", nationalDayCompanionSource: "ANNOUNCED" },
  // From 2026 the companion is a default [L]: the weekday that makes one unbroken break with a
  // weekend, as the 2023–2025 announcements did; 1/9 when neither side does (2026).
  { year: 2026, lunarNewYear: "2026-02-17", hungKingsDay: "2026-04-26", nationalDayCompanion: "2026-09-01", nationalDayCompanionSource: "DEFAULT" },
  { year: 2027, lunarNewYear: "2027-02-06", hungKingsDay: "2027-04-16", nationalDayCompanion: "2027-09-03", nationalDayCompanionSource: "DEFAULT" },
  { year: 2028, lunarNewYear: "2028-01-26", hungKingsDay: "2028-04-04", nationalDayCompanion: "2028-09-01", nationalDayCompanionSource: "DEFAULT" },
  { year: 2029, lunarNewYear: "2029-02-13", hungKingsDay: "2029-04-23", nationalDayCompanion: "2029-09-03", nationalDayCompanionSource: "DEFAULT" },
  { year: 2030, lunarNewYear: "2030-02-02", hungKingsDay: "2030-04-12", nationalDayCompanion: "2030-09-03", nationalDayCompanionSource: "DEFAULT" },
];

export const VN_HOLIDAY_FIRST_YEAR = 2023;
export const VN_HOLIDAY_LAST_YEAR = 2030;

export type HolidayKind =
  | "NEW_YEAR"
  | "TET"
  | "HUNG_KINGS"
  | "REUNIFICATION_DAY"
  | "LABOUR_DAY"
  | "NATIONAL_DAY"
  | "COMPENSATORY";

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly kind: HolidayKind;
}

/** Days off of one year (statutory days plus compensatory days), sorted by date. */
export function vietnamPublicHolidays(year: number): PublicHoliday[] {
  const data = VN_HOLIDAY_YEARS.find((y) => y.year === year);
  if (!data) throw new RangeError(`No default holiday calendar for ${year} (have ${VN_HOLIDAY_FIRST_YEAR}–${VN_HOLIDAY_LAST_YEAR})`);

  const statutory: PublicHoliday[] = [
    { date: isoDate(year, 1, 1), kind: "NEW_YEAR" },
    ...[-1, 0, 1, 2, 3].map((offset): PublicHoliday => ({ date: addDays(data.lunarNewYear, offset), kind: "TET" })),
    { date: data.hungKingsDay, kind: "HUNG_KINGS" },
    { date: isoDate(year, 4, 30), kind: "REUNIFICATION_DAY" },
    { date: isoDate(year, 5, 1), kind: "LABOUR_DAY" },
    { date: isoDate(year, 9, 2), kind: "NATIONAL_DAY" },
    { date: data.nationalDayCompanion, kind: "NATIONAL_DAY" },
  ];
  statutory.sort((a, b) => a.date.localeCompare(b.date));

  const taken = new Set(statutory.map((h) => h.date));
  const compensatory: PublicHoliday[] = [];
  for (const holiday of statutory) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    compensatory.push({ date: day, kind: "COMPENSATORY" });
  }
  return [...statutory, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}

/** The default days off of the given years (inclusive) as a set for working-day arithmetic. */
export function defaultVietnamHolidays(fromYear = VN_HOLIDAY_FIRST_YEAR, toYear = VN_HOLIDAY_LAST_YEAR): Set<IsoDate> {
  const out = new Set<IsoDate>();
  for (let y = fromYear; y <= toYear; y++) for (const h of vietnamPublicHolidays(y)) out.add(h.date);
  return out;
}

/** The default calendar plus the days off the office adds (announced Tết days, swaps, local days). */
export function mergeHolidays(base: ReadonlySet<IsoDate>, extraDaysOff: Iterable<IsoDate>): Set<IsoDate> {
  const out = new Set(base);
  for (const day of extraDaysOff) {
    out.add(assertIsoDate(day));
  }
  return out;
}
