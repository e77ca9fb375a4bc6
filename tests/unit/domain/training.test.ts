import { describe, expect, it } from "vitest";
import {
  audienceAdmits,
  canCancelRegistrationOn,
  canRecordAttendanceOn,
  courseScheduleProblems,
  formatAttendanceNumber,
  hasSeat,
  isCourseRegistrationOpen,
  nextAttendanceSeq,
  parseAttendanceNumber,
  seatsLeft,
  TRAINING_MACHINE,
} from "@/lib/domain/training";
import { checkMachine } from "@/lib/domain/workflow/machine";

const course = { startsOn: "2026-12-15", endsOn: "2026-12-16", registrationClosesOn: "2026-12-10", status: "PUBLISHED" };

describe("course registration window", () => {
  it.each([
    ["2026-12-09", true],
    ["2026-12-10", true],
    ["2026-12-11", false],
  ])("with a closing date, on %s open is %s", (today, open) => {
    expect(isCourseRegistrationOpen(course, today)).toBe(open);
  });
  it.each([
    ["2026-12-14", true],
    ["2026-12-15", false],
  ])("without a closing date, on %s open is %s", (today, open) => {
    expect(isCourseRegistrationOpen({ ...course, registrationClosesOn: null }, today)).toBe(open);
  });
  it("is closed for drafts and cancelled courses", () => {
    expect(isCourseRegistrationOpen({ ...course, status: "DRAFT" }, "2026-12-01")).toBe(false);
    expect(isCourseRegistrationOpen({ ...course, status: "CANCELLED" }, "2026-12-01")).toBe(false);
  });
  it("checks the dates the office types", () => {
    expect(courseScheduleProblems(course)).toEqual([]);
    expect(courseScheduleProblems({ startsOn: "2026-12-15", endsOn: "2026-12-14", registrationClosesOn: "2026-12-16" }).map((p) => p.code)).toEqual(["endBeforeStart", "closesAfterStart"]);
  });
});

describe("seats", () => {
  it.each([
    [30, 0, true, 30],
    [30, 29, true, 1],
    [30, 30, false, 0],
    [30, 31, false, 0],
    [1, 0, true, 1],
  ])("capacity %i with %i registered: a seat %s, %i left", (capacity, registered, seat, left) => {
    expect(hasSeat(capacity, registered)).toBe(seat);
    expect(seatsLeft(capacity, registered)).toBe(left);
  });
});

describe("cancelling and attendance", () => {
  it("cancels until the day before the course, takes attendance from its first day", () => {
    expect(canCancelRegistrationOn(course, "2026-12-14")).toBe(true);
    expect(canCancelRegistrationOn(course, "2026-12-15")).toBe(false);
    expect(canRecordAttendanceOn(course, "2026-12-14")).toBe(false);
    expect(canRecordAttendanceOn(course, "2026-12-15")).toBe(true);
    expect(canRecordAttendanceOn({ ...course, status: "DRAFT" }, "2026-12-20")).toBe(false);
  });
});

describe("audiences", () => {
  it("admits producers to producer and open courses, officials to official and open courses", () => {
    expect(audienceAdmits("PRODUCERS", "producer")).toBe(true);
    expect(audienceAdmits("OFFICIALS", "producer")).toBe(false);
    expect(audienceAdmits("ALL", "producer")).toBe(true);
    expect(audienceAdmits("PRODUCERS", "official")).toBe(false);
    expect(audienceAdmits("OFFICIALS", "official")).toBe(true);
    expect(audienceAdmits("ALL", "official")).toBe(true);
  });
  it("has a well-formed transition table", () => {
    expect(checkMachine(TRAINING_MACHINE)).toEqual([]);
  });
});

describe("certificate of attendance numbers", () => {
  it("formats and reads them back", () => {
    expect(formatAttendanceNumber(7, 2026)).toBe("7/2026/TH-OCOP");
    expect(parseAttendanceNumber(" 12/2026/TH-OCOP ")).toEqual({ seq: 12, year: 2026 });
    expect(parseAttendanceNumber("12/2026/OCOP-06")).toBeNull();
    expect(() => formatAttendanceNumber(0, 2026)).toThrow(RangeError);
    expect(() => formatAttendanceNumber(1, 26)).toThrow(RangeError);
  });
  it("continues the year's sequence by number, not by text order, and restarts each year", () => {
    const given = ["9/2026/TH-OCOP", "10/2026/TH-OCOP", "2/2026/TH-OCOP", "40/2025/TH-OCOP", "something else"];
    expect(nextAttendanceSeq(given, 2026)).toBe(11);
    expect(nextAttendanceSeq(given, 2025)).toBe(41);
    expect(nextAttendanceSeq(given, 2027)).toBe(1);
    expect(nextAttendanceSeq([], 2026)).toBe(1);
  });
});
