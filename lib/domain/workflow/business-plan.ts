import type { StateMachine } from "./machine";

/**
 * Business plan (phương án / dự án sản xuất kinh doanh, cycle steps 3–4, ocop-domain.md §4;
 * portal design [L]). Under QĐ26 a product may enter evaluation without one (Form 02 Part II
 * only reports on it), so READY_FOR_EVALUATION is an optional prerequisite, never a gate [M].
 */
export const BUSINESS_PLAN_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "APPROVED",
  "REJECTED",
  "IMPLEMENTING",
  "READY_FOR_EVALUATION",
  "WITHDRAWN",
] as const;
export type BusinessPlanState = (typeof BUSINESS_PLAN_STATES)[number];
export type BusinessPlanAction = "submit" | "resubmit" | "return" | "approve" | "reject" | "start-implementation" | "mark-ready" | "withdraw";

export const BUSINESS_PLAN_MACHINE: StateMachine<BusinessPlanState, BusinessPlanAction> = {
  name: "business-plan",
  states: BUSINESS_PLAN_STATES,
  initial: "DRAFT",
  terminal: ["REJECTED", "READY_FOR_EVALUATION", "WITHDRAWN"],
  editableByOwner: ["DRAFT", "RETURNED"],
  transitions: [
    { from: "DRAFT", action: "submit", to: "SUBMITTED" },
    { from: "DRAFT", action: "withdraw", to: "WITHDRAWN" },
    { from: "SUBMITTED", action: "approve", to: "APPROVED" },
    { from: "SUBMITTED", action: "return", to: "RETURNED" },
    { from: "SUBMITTED", action: "reject", to: "REJECTED" },
    { from: "RETURNED", action: "resubmit", to: "SUBMITTED" },
    { from: "RETURNED", action: "withdraw", to: "WITHDRAWN" },
    { from: "APPROVED", action: "start-implementation", to: "IMPLEMENTING" },
    { from: "IMPLEMENTING", action: "mark-ready", to: "READY_FOR_EVALUATION" },
    { from: "IMPLEMENTING", action: "withdraw", to: "WITHDRAWN" },
  ],
};

/** Implementation (step 4): the producer reports milestones and adds their evidence. */
export function isReportingPhase(state: BusinessPlanState): boolean {
  return state === "APPROVED" || state === "IMPLEMENTING";
}

/** Support can be logged from approval until the product goes to evaluation. */
export function isSupportPhase(state: BusinessPlanState): boolean {
  return state === "APPROVED" || state === "IMPLEMENTING" || state === "READY_FOR_EVALUATION";
}
