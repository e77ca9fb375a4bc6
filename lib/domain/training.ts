/**
 * Training courses (tập huấn) of step 1 of the OCOP cycle: for producers (business planning,
 * product stories, standards: the "CEO" courses), for officials (council and advisory members,
 * ward and city OCOP staff), or for both. The national training framework is Decision
 * 3360/QĐ-BNN-VPĐP of 06/9/2022 (ocop-domain.md §8; its content was not retrieved), so the rules
 * below are the office's practice, kept pure and tested at their boundaries:
 *
 * - registration is open while the course is published, up to and including its closing date,
 *   or, without one, up to and including the day before it starts (the window shared with
 *   fairs, lib/domain/registration-window.ts);
 * - seats are the course's capacity minus the live registrations;
 * - a registrant may cancel until the day before the course starts;
 * - attendance is recorded from the first day of the course, and each attendee receives a
 *   certificate of attendance numbered "{seq}/{year}/TH-OCOP", a running number per year (the
 *   year the attendance is recorded, like the certificates of recognition).
 */
import { compareIsoDate, type IsoDate } from "./dates";
import type { Schedule } from "./registration-window";
import type { StateMachine } from "./workflow/machine";

export const TRAINING_AUDIENCES = ["PRODUCERS", "OFFICIALS", "ALL"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const TRAINING_STATES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export type TrainingAction = "publish" | "cancel";

export const TRAINING_MACHINE: StateMachine<TrainingState, TrainingAction> = {
  name: "trainingCourse",
  states: TRAINING_STATES,
  initial: "DRAFT",
  terminal: ["CANCELLED"],
  editableByOwner: [],
  transitions: [
    { from: "DRAFT", action: "publish", to: "PUBLISHED" },
    { from: "DRAFT", action: "cancel", to: "CANCELLED" },
    { from: "PUBLISHED", action: "cancel", to: "CANCELLED" },
  ],
};

export const TRAINING_EDITABLE: readonly TrainingState[] = ["DRAFT", "PUBLISHED"];

/** A typing guard on the capacity (the largest hall of the city seats a few hundred). */
export const MAX_COURSE_CAPACITY = 2000;

export type CourseSchedule = Schedule;
export {
  isRegistrationOpen as isCourseRegistrationOpen,
  lastRegistrationDay as lastCourseRegistrationDay,
  scheduleProblems as courseScheduleProblems,
  type ScheduleProblem as CourseScheduleProblem,
} from "./registration-window";

/** Seats left: never negative (a capacity lowered below the registrations shows as full). */
export function seatsLeft(capacity: number, registered: number): number {
  return Math.max(0, capacity - registered);
}

export function hasSeat(capacity: number, registered: number): boolean {
  return registered < capacity;
}

/** A registrant cancels before the course starts. */
export function canCancelRegistrationOn(c: Pick<CourseSchedule, "startsOn">, today: IsoDate): boolean {
  return compareIsoDate(today, c.startsOn) < 0;
}

/** Attendance is taken from the first day of a published course. */
export function canRecordAttendanceOn(c: Pick<CourseSchedule, "startsOn"> & { status: string }, today: IsoDate): boolean {
  return c.status === "PUBLISHED" && compareIsoDate(today, c.startsOn) >= 0;
}

/** Which courses a kind of account may join: a producer's courses and officials' courses. */
export function audienceAdmits(audience: TrainingAudience, who: "producer" | "official"): boolean {
  return audience === "ALL" || (who === "producer" ? audience === "PRODUCERS" : audience === "OFFICIALS");
}

export const ATTENDANCE_NUMBER_SUFFIX = "TH-OCOP";
const ATTENDANCE_NUMBER = /^(\d+)\/(\d{4})\/TH-OCOP$/;

/** "12/2026/TH-OCOP": no zero padding, as the office writes them by hand. */
export function formatAttendanceNumber(seq: number, year: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Sequence must be a positive integer, got ${seq}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Year must have four digits, got ${year}`);
  return `${seq}/${year}/${ATTENDANCE_NUMBER_SUFFIX}`;
}

export function parseAttendanceNumber(value: string): { seq: number; year: number } | null {
  const m = ATTENDANCE_NUMBER.exec(value.trim());
  return m ? { seq: Number(m[1]), year: Number(m[2]) } : null;
}

/** The next running number of `year` after the numbers already given (any year, any shape). */
export function nextAttendanceSeq(existing: readonly string[], year: number): number {
  let max = 0;
  for (const n of existing) {
    const p = parseAttendanceNumber(n);
    if (p && p.year === year && p.seq > max) max = p.seq;
  }
  return max + 1;
}
