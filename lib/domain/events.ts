/**
 * Fairs, exhibitions and promotion events (hội chợ, triển lãm, sự kiện xúc tiến thương mại):
 * step 6 of the OCOP cycle, "xúc tiến thương mại" (ocop-domain.md §8). No regulation sets how a
 * city runs the registration for a fair; the rules below are the office's usual practice and are
 * kept pure so the boundaries are tested:
 *
 * - registration is open while the event is published, up to and including its closing date,
 *   or, without one, up to the day before it opens (booths are laid out the day before): the
 *   window shared with training courses, lib/domain/registration-window.ts;
 * - a producer may withdraw until the day before the event opens;
 * - the booths the office confirms never exceed the booths the organiser has for the city;
 * - results are recorded from the event's last day (totals are announced at the closing).
 *
 * Criteria 4.3 of every QĐ26 sheet (Annex II) scores taking part in fairs inside and outside the
 * province, which is why producers keep the record of what they showed and sold.
 */
import { compareIsoDate, type IsoDate } from "./dates";
import type { Schedule } from "./registration-window";
import type { StateMachine } from "./workflow/machine";

export const EVENT_KINDS = ["FAIR", "EXHIBITION", "FESTIVAL", "TRADE_CONFERENCE", "CONTEST", "OTHER"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Local (city/ward), provincial, national (e.g. Festival OCOP Việt Nam), international. */
export const EVENT_LEVELS = ["LOCAL", "PROVINCIAL", "NATIONAL", "INTERNATIONAL"] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];

export const EVENT_STATES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;
export type EventState = (typeof EVENT_STATES)[number];
export type EventAction = "publish" | "cancel";

export const EVENT_MACHINE: StateMachine<EventState, EventAction> = {
  name: "tradeEvent",
  states: EVENT_STATES,
  initial: "DRAFT",
  terminal: ["CANCELLED"],
  editableByOwner: [],
  transitions: [
    { from: "DRAFT", action: "publish", to: "PUBLISHED" },
    { from: "DRAFT", action: "cancel", to: "CANCELLED" },
    { from: "PUBLISHED", action: "cancel", to: "CANCELLED" },
  ],
};

/** The office edits an event until it is cancelled (a published one keeps its address). */
export const EVENT_EDITABLE: readonly EventState[] = ["DRAFT", "PUBLISHED"];

export const PARTICIPANT_STATES = ["REGISTERED", "CONFIRMED", "DECLINED", "WITHDRAWN"] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];
export type ParticipantAction = "confirm" | "decline" | "withdraw" | "register";

/**
 * A registration: the office confirms or declines it (a confirmed booth may still be released
 * by declining, e.g. when the producer's certificate is revoked); the producer withdraws and may
 * register again while registration is open. A decline is the office's last word.
 */
export const PARTICIPANT_MACHINE: StateMachine<ParticipantState, ParticipantAction> = {
  name: "eventParticipant",
  states: PARTICIPANT_STATES,
  initial: "REGISTERED",
  terminal: ["DECLINED"],
  editableByOwner: ["REGISTERED"],
  transitions: [
    { from: "REGISTERED", action: "confirm", to: "CONFIRMED" },
    { from: "REGISTERED", action: "decline", to: "DECLINED" },
    { from: "REGISTERED", action: "withdraw", to: "WITHDRAWN" },
    { from: "CONFIRMED", action: "decline", to: "DECLINED" },
    { from: "CONFIRMED", action: "withdraw", to: "WITHDRAWN" },
    { from: "WITHDRAWN", action: "register", to: "REGISTERED" },
  ],
};

/** Largest booth capacity and booths one producer may ask for: a typing guard, not a rule. */
export const MAX_BOOTH_CAPACITY = 5000;
export const MAX_BOOTHS_PER_PRODUCER = 50;

export type EventSchedule = Schedule;
export { isRegistrationOpen, lastRegistrationDay, scheduleProblems, type RegistrationWindow, type ScheduleProblem } from "./registration-window";

/** A producer withdraws before the event opens; on the opening day its booth is already built. */
export function canWithdrawOn(e: Pick<EventSchedule, "startsOn">, today: IsoDate): boolean {
  return compareIsoDate(today, e.startsOn) < 0;
}

/** The office confirms or declines until the event ends. */
export function canDecideOn(e: Pick<EventSchedule, "endsOn"> & { status: string }, today: IsoDate): boolean {
  return e.status === "PUBLISHED" && compareIsoDate(today, e.endsOn) <= 0;
}

/** Results are recorded from the last day of a published event. */
export function canRecordResultsOn(e: Pick<EventSchedule, "endsOn"> & { status: string }, today: IsoDate): boolean {
  return e.status === "PUBLISHED" && compareIsoDate(today, e.endsOn) >= 0;
}

export type EventPhase = "UPCOMING" | "ONGOING" | "PAST";

export function eventPhase(e: Pick<EventSchedule, "startsOn" | "endsOn">, today: IsoDate): EventPhase {
  if (compareIsoDate(today, e.startsOn) < 0) return "UPCOMING";
  return compareIsoDate(today, e.endsOn) <= 0 ? "ONGOING" : "PAST";
}

/** Booths still free: never negative, even if the capacity was lowered by hand in the database. */
export function boothsLeft(capacity: number, confirmedBooths: number): number {
  return Math.max(0, capacity - confirmedBooths);
}

/** Whether confirming `wanted` more booths keeps the confirmed total within the capacity. */
export function fitsCapacity(capacity: number, confirmedBooths: number, wanted: number): boolean {
  return wanted >= 1 && confirmedBooths + wanted <= capacity;
}
