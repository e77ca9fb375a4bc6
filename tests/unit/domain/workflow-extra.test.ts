import { describe, expect, it } from "vitest";
import {
  BUSINESS_PLAN_STATES,
  PRODUCER_VERIFICATION_MACHINE,
  checkMachine,
  isReportingPhase,
  isSupportPhase,
  transition,
} from "@/lib/domain/workflow";

describe("producer verification", () => {
  it("is a well-formed machine", () => {
    expect(checkMachine(PRODUCER_VERIFICATION_MACHINE)).toEqual([]);
  });
  it.each([
    ["PENDING", "verify", "VERIFIED"],
    ["PENDING", "reject", "REJECTED"],
    ["REJECTED", "verify", "VERIFIED"],
    ["REJECTED", "reject", null],
    ["VERIFIED", "reject", null],
    ["VERIFIED", "verify", null],
  ] as const)("%s --%s--> %s", (from, action, to) => {
    expect(transition(PRODUCER_VERIFICATION_MACHINE, from, action)).toBe(to);
  });
});

describe("business plan phases", () => {
  it("milestones are reported while approved or implementing, support logged until evaluation", () => {
    expect(BUSINESS_PLAN_STATES.filter(isReportingPhase)).toEqual(["APPROVED", "IMPLEMENTING"]);
    expect(BUSINESS_PLAN_STATES.filter(isSupportPhase)).toEqual(["APPROVED", "IMPLEMENTING", "READY_FOR_EVALUATION"]);
  });
});
