/**
 * Calendar dates as ISO strings ('YYYY-MM-DD').
 *
 * Every OCOP deadline is a calendar date in Vietnam (certificate validity, renewal window,
 * working-day deadlines). Keeping them as plain date strings and doing the arithmetic on UTC
 * midnights means the server's time zone can never shift a date by one day.
 */

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian, no time, no zone). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as Date#getUTCDay

function parts(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(date)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not an existing calendar date: ${date}`);
  }
  return { y, m, d };
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** Throws RangeError unless `value` is an existing calendar date 'YYYY-MM-DD'. */
export function assertIsoDate(value: string): IsoDate {
  parts(value);
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  if (!Number.isInteger(day)) throw new RangeError(`Not a whole day number: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return assertIsoDate(s);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Same day-of-month `months` later; when that month is shorter, its last day. This is the
 * "corresponding day" rule of the Civil Code 2015 Art. 148(3) [H: thuvienphapluat.vn Q&A,
 * anslawfirm.com], used for periods counted in months (certificate validity).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** b − a in calendar days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function dayOfWeek(date: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), for callers that hold an instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant Prisma stores a calendar date (@db.Date) as: that day's UTC midnight. */
export function dateOf(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date of a @db.Date value read back from Prisma (a UTC midnight). */
export function isoOf(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}
