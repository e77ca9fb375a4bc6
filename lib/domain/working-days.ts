/**
 * Working-day arithmetic for deadlines such as the commune's 15 working days (QĐ26 Art. 7.2 [H]).
 * Saturdays and Sundays are days off for state offices (Decision 188/1999/QĐ-TTg, 40-hour
 * week for civil servants [M]); public holidays come from the caller so that the announced calendar of
 * each year (holidays-vn.ts plus what the office adds) is data, not code.
 */
import { addDays, isWeekend, toDayNumber, type IsoDate } from "./dates";

export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The n-th working day after `start`. The start day itself is never counted (Civil Code 2015
 * Art. 147(2) [H]: a period in days starts the day after the event), whether or not it is a
 * working day, so a dossier received on a Friday or on a holiday gets the same n working days.
 * n = 0 returns `start` unchanged.
 */
export function addWorkingDays(start: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) counted++;
  }
  return date;
}

/**
 * Working days in the interval (from, to]: the count such that addWorkingDays(from, count) is
 * the last working day on or before `to`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  let date = from;
  for (let i = a; i < b; i++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) count++;
  }
  return count;
}
