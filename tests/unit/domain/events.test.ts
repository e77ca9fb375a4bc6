import { describe, expect, it } from "vitest";
import {
  boothsLeft,
  canDecideOn,
  canRecordResultsOn,
  canWithdrawOn,
  EVENT_MACHINE,
  eventPhase,
  fitsCapacity,
  isRegistrationOpen,
  lastRegistrationDay,
  PARTICIPANT_MACHINE,
  scheduleProblems,
} from "@/lib/domain/events";
import { checkMachine, transition } from "@/lib/domain/workflow/machine";

const fair = { startsOn: "2026-12-10", endsOn: "2026-12-14", registrationClosesOn: "2026-12-01", status: "PUBLISHED" };

describe("event registration window", () => {
  it.each([
    ["2026-11-30", true],
    ["2026-12-01", true], // the closing day itself
    ["2026-12-02", false],
    ["2026-12-10", false],
  ])("with a closing date, on %s open is %s", (today, open) => {
    expect(isRegistrationOpen(fair, today)).toBe(open);
  });

  it.each([
    ["2026-12-08", true],
    ["2026-12-09", true], // the day before the opening
    ["2026-12-10", false], // booths are built: no registration on the opening day
  ])("without a closing date, on %s open is %s", (today, open) => {
    expect(isRegistrationOpen({ ...fair, registrationClosesOn: null }, today)).toBe(open);
  });

  it("closing on the opening day keeps registration open that day, never after", () => {
    const sameDay = { ...fair, registrationClosesOn: "2026-12-10" };
    expect(isRegistrationOpen(sameDay, "2026-12-10")).toBe(true);
    expect(isRegistrationOpen(sameDay, "2026-12-11")).toBe(false);
  });

  it("is never open for a draft or a cancelled event", () => {
    expect(isRegistrationOpen({ ...fair, status: "DRAFT" }, "2026-11-20")).toBe(false);
    expect(isRegistrationOpen({ ...fair, status: "CANCELLED" }, "2026-11-20")).toBe(false);
  });

  it("names the last registration day", () => {
    expect(lastRegistrationDay(fair)).toBe("2026-12-01");
    expect(lastRegistrationDay({ ...fair, registrationClosesOn: null })).toBe("2026-12-09");
    expect(lastRegistrationDay({ startsOn: "2027-01-01", registrationClosesOn: null })).toBe("2026-12-31");
  });
});

describe("event dates the office types", () => {
  it("accepts a one-day event closing on its day", () => {
    expect(scheduleProblems({ startsOn: "2026-12-10", endsOn: "2026-12-10", registrationClosesOn: "2026-12-10" })).toEqual([]);
  });
  it("refuses an end before the start and a closing after the start", () => {
    expect(scheduleProblems({ startsOn: "2026-12-10", endsOn: "2026-12-09", registrationClosesOn: "2026-12-11" })).toEqual([
      { field: "endsOn", code: "endBeforeStart" },
      { field: "registrationClosesOn", code: "closesAfterStart" },
    ]);
  });
});

describe("booth capacity", () => {
  it.each([
    [10, 0, 10, true],
    [10, 9, 1, true],
    [10, 9, 2, false],
    [10, 10, 1, false],
    [10, 0, 0, false],
    [1, 0, 1, true],
  ])("capacity %i, confirmed %i, wanted %i fits: %s", (capacity, confirmed, wanted, fits) => {
    expect(fitsCapacity(capacity, confirmed, wanted)).toBe(fits);
  });

  it("never counts negative booths left", () => {
    expect(boothsLeft(10, 4)).toBe(6);
    expect(boothsLeft(10, 10)).toBe(0);
    expect(boothsLeft(5, 8)).toBe(0);
  });
});

describe("event phases and deadlines", () => {
  it.each([
    ["2026-12-09", "UPCOMING"],
    ["2026-12-10", "ONGOING"],
    ["2026-12-14", "ONGOING"],
    ["2026-12-15", "PAST"],
  ] as const)("on %s the fair is %s", (today, phase) => {
    expect(eventPhase(fair, today)).toBe(phase);
  });

  it("lets a producer withdraw until the day before the opening", () => {
    expect(canWithdrawOn(fair, "2026-12-09")).toBe(true);
    expect(canWithdrawOn(fair, "2026-12-10")).toBe(false);
  });

  it("lets the office decide until the last day, and record results from it", () => {
    expect(canDecideOn(fair, "2026-12-14")).toBe(true);
    expect(canDecideOn(fair, "2026-12-15")).toBe(false);
    expect(canRecordResultsOn(fair, "2026-12-13")).toBe(false);
    expect(canRecordResultsOn(fair, "2026-12-14")).toBe(true);
    expect(canRecordResultsOn({ ...fair, status: "CANCELLED" }, "2026-12-20")).toBe(false);
  });
});

describe("event and registration transitions", () => {
  it("are well-formed tables", () => {
    expect(checkMachine(EVENT_MACHINE)).toEqual([]);
    expect(checkMachine(PARTICIPANT_MACHINE)).toEqual([]);
  });
  it("publish a draft, cancel either, never bring a cancelled event back", () => {
    expect(transition(EVENT_MACHINE, "DRAFT", "publish")).toBe("PUBLISHED");
    expect(transition(EVENT_MACHINE, "PUBLISHED", "cancel")).toBe("CANCELLED");
    expect(transition(EVENT_MACHINE, "PUBLISHED", "publish")).toBeNull();
    expect(transition(EVENT_MACHINE, "CANCELLED", "publish")).toBeNull();
  });
  it("confirm only what waits, re-register only what was withdrawn", () => {
    expect(transition(PARTICIPANT_MACHINE, "REGISTERED", "confirm")).toBe("CONFIRMED");
    expect(transition(PARTICIPANT_MACHINE, "CONFIRMED", "confirm")).toBeNull();
    expect(transition(PARTICIPANT_MACHINE, "CONFIRMED", "withdraw")).toBe("WITHDRAWN");
    expect(transition(PARTICIPANT_MACHINE, "WITHDRAWN", "register")).toBe("REGISTERED");
    expect(transition(PARTICIPANT_MACHINE, "DECLINED", "register")).toBeNull();
  });
});
