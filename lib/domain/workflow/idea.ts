import type { StateMachine } from "./machine";

/**
 * Product idea registration (cycle step 2, ocop-domain.md §4; state names are portal design [L]).
 * The commune/ward screens the idea and passes it to the office that accepts ideas (the city
 * Economic Office in the 2024 plan; under QĐ26 whichever unit the province configures).
 * RETURNED reopens the form to the producer like a draft.
 */
export const IDEA_STATES = ["DRAFT", "SUBMITTED", "RETURNED", "WARD_ACCEPTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;
export type IdeaState = (typeof IDEA_STATES)[number];
export type IdeaAction = "submit" | "resubmit" | "return" | "forward" | "accept" | "reject" | "withdraw";

export const IDEA_MACHINE: StateMachine<IdeaState, IdeaAction> = {
  name: "idea",
  states: IDEA_STATES,
  initial: "DRAFT",
  terminal: ["ACCEPTED", "REJECTED", "WITHDRAWN"],
  editableByOwner: ["DRAFT", "RETURNED"],
  transitions: [
    { from: "DRAFT", action: "submit", to: "SUBMITTED" },
    { from: "DRAFT", action: "withdraw", to: "WITHDRAWN" },
    { from: "SUBMITTED", action: "return", to: "RETURNED" },
    { from: "SUBMITTED", action: "forward", to: "WARD_ACCEPTED" },
    { from: "SUBMITTED", action: "reject", to: "REJECTED" },
    { from: "RETURNED", action: "resubmit", to: "SUBMITTED" },
    { from: "RETURNED", action: "withdraw", to: "WITHDRAWN" },
    { from: "WARD_ACCEPTED", action: "accept", to: "ACCEPTED" },
    { from: "WARD_ACCEPTED", action: "return", to: "RETURNED" },
    { from: "WARD_ACCEPTED", action: "reject", to: "REJECTED" },
  ],
};
