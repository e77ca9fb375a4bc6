/**
 * The registration window of a dated programme: a fair (lib/domain/events.ts) and a training
 * course (lib/domain/training.ts) take registrations the same way. No regulation sets it; it is
 * the office's practice for both, kept pure so its boundaries are tested:
 *
 * - registration is open while the programme is published, up to and including its closing
 *   date, or, without one, up to and including the day before it starts (booths are laid out
 *   and course lists printed the day before), and never after it starts;
 * - the closing date the office types may not be after the start, nor the end before the start.
 */
import { addDays, compareIsoDate, type IsoDate } from "./dates";

export type Schedule = { startsOn: IsoDate; endsOn: IsoDate; registrationClosesOn: IsoDate | null };
export type ScheduleProblem = { field: "endsOn" | "registrationClosesOn"; code: "endBeforeStart" | "closesAfterStart" };

/** What is wrong with the dates the office typed: the end before the start, or registration closing after the opening. */
export function scheduleProblems(s: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (compareIsoDate(s.endsOn, s.startsOn) < 0) problems.push({ field: "endsOn", code: "endBeforeStart" });
  if (s.registrationClosesOn !== null && compareIsoDate(s.registrationClosesOn, s.startsOn) > 0) {
    problems.push({ field: "registrationClosesOn", code: "closesAfterStart" });
  }
  return problems;
}

/** The last day a registration is taken: the closing date, or the day before the start. */
export function lastRegistrationDay(s: Pick<Schedule, "startsOn" | "registrationClosesOn">): IsoDate {
  return s.registrationClosesOn ?? addDays(s.startsOn, -1);
}

export type RegistrationWindow = Pick<Schedule, "startsOn" | "registrationClosesOn"> & { status: string };

/** Whether a registration may be made (or changed) today. */
export function isRegistrationOpen(w: RegistrationWindow, today: IsoDate): boolean {
  return w.status === "PUBLISHED" && compareIsoDate(today, lastRegistrationDay(w)) <= 0 && compareIsoDate(today, w.startsOn) <= 0;
}
