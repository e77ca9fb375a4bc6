import { describe, expect, it } from "vitest";
import {
  allowedActions,
  BUSINESS_PLAN_MACHINE,
  CERTIFICATE_MACHINE,
  checkMachine,
  DOSSIER_MACHINE,
  IDEA_MACHINE,
  isEditableByOwner,
  isState,
  isTerminal,
  transition,
  type StateMachine,
} from "@/lib/domain/workflow";

/**
 * Expected outgoing actions per state, written out independently of the tables: a change to a
 * table that is not mirrored here fails.
 */
interface Expectation {
  readonly machine: StateMachine<string, string>;
  readonly exits: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly terminal: readonly string[];
  readonly editable: readonly string[];
}

const EXPECTATIONS: Record<string, Expectation> = {
  idea: {
    machine: IDEA_MACHINE,
    exits: {
      DRAFT: { submit: "SUBMITTED", withdraw: "WITHDRAWN" },
      SUBMITTED: { return: "RETURNED", forward: "WARD_ACCEPTED", reject: "REJECTED" },
      RETURNED: { resubmit: "SUBMITTED", withdraw: "WITHDRAWN" },
      WARD_ACCEPTED: { accept: "ACCEPTED", return: "RETURNED", reject: "REJECTED" },
      ACCEPTED: {},
      REJECTED: {},
      WITHDRAWN: {},
    },
    terminal: ["ACCEPTED", "REJECTED", "WITHDRAWN"],
    editable: ["DRAFT", "RETURNED"],
  },
  "business-plan": {
    machine: BUSINESS_PLAN_MACHINE,
    exits: {
      DRAFT: { submit: "SUBMITTED", withdraw: "WITHDRAWN" },
      SUBMITTED: { approve: "APPROVED", return: "RETURNED", reject: "REJECTED" },
      RETURNED: { resubmit: "SUBMITTED", withdraw: "WITHDRAWN" },
      APPROVED: { "start-implementation": "IMPLEMENTING" },
      IMPLEMENTING: { "mark-ready": "READY_FOR_EVALUATION", withdraw: "WITHDRAWN" },
      REJECTED: {},
      READY_FOR_EVALUATION: {},
      WITHDRAWN: {},
    },
    terminal: ["REJECTED", "READY_FOR_EVALUATION", "WITHDRAWN"],
    editable: ["DRAFT", "RETURNED"],
  },
  dossier: {
    machine: DOSSIER_MACHINE,
    exits: {
      DRAFT: { submit: "SUBMITTED", withdraw: "WITHDRAWN" },
      SUBMITTED: { return: "RETURNED", forward: "FORWARDED", reject: "REJECTED", withdraw: "WITHDRAWN" },
      RETURNED: { resubmit: "SUBMITTED", withdraw: "WITHDRAWN" },
      FORWARDED: {
        "request-supplement": "SUPPLEMENT_REQUESTED",
        "start-review": "ADVISORY_REVIEW",
        "start-scoring": "COUNCIL_SCORING",
        reject: "REJECTED",
        withdraw: "WITHDRAWN",
      },
      SUPPLEMENT_REQUESTED: { supplement: "FORWARDED", withdraw: "WITHDRAWN" },
      ADVISORY_REVIEW: { "request-supplement": "SUPPLEMENT_REQUESTED", "start-scoring": "COUNCIL_SCORING", reject: "REJECTED", withdraw: "WITHDRAWN" },
      COUNCIL_SCORING: { "close-scoring": "COUNCIL_DONE" },
      COUNCIL_DONE: { recognise: "RECOGNISED", "not-recognise": "NOT_RECOGNISED", "send-to-central": "SENT_TO_CENTRAL", reject: "REJECTED" },
      SENT_TO_CENTRAL: { recognise: "RECOGNISED", "not-recognise": "NOT_RECOGNISED", reject: "REJECTED" },
      RECOGNISED: {},
      NOT_RECOGNISED: {},
      REJECTED: {},
      WITHDRAWN: {},
    },
    terminal: ["RECOGNISED", "NOT_RECOGNISED", "REJECTED", "WITHDRAWN"],
    editable: ["DRAFT", "RETURNED", "SUPPLEMENT_REQUESTED"],
  },
  certificate: {
    machine: CERTIFICATE_MACHINE,
    exits: {
      ACTIVE: { "propose-revocation": "REVOCATION_PROPOSED", expire: "EXPIRED", supersede: "SUPERSEDED", renew: "RENEWED" },
      REVOCATION_PROPOSED: { revoke: "REVOKED", "dismiss-revocation": "ACTIVE", expire: "EXPIRED" },
      REVOKED: {},
      EXPIRED: {},
      SUPERSEDED: {},
      RENEWED: {},
    },
    terminal: ["REVOKED", "EXPIRED", "SUPERSEDED", "RENEWED"],
    editable: [],
  },
};

describe.each(Object.entries(EXPECTATIONS))("%s state machine", (_name, { machine, exits, terminal, editable }) => {
  it("is structurally sound (known states, one row per action, no dead ends, all reachable)", () => {
    expect(checkMachine(machine)).toEqual([]);
  });

  it("has exactly the expected states", () => {
    expect([...machine.states].sort()).toEqual(Object.keys(exits).sort());
  });

  const allActions = [...new Set(machine.transitions.map((t) => t.action))];
  const rows = Object.entries(exits).flatMap(([from, byAction]) =>
    allActions.map((action) => [from, action, byAction[action] ?? null] as const),
  );
  it.each(rows)("%s --%s--> %s", (from, action, to) => {
    expect(transition(machine, from, action)).toBe(to);
  });

  it.each(Object.entries(exits))("allowed actions from %s", (from, byAction) => {
    expect(allowedActions(machine, from).sort()).toEqual(Object.keys(byAction).sort());
  });

  it("marks the terminal states, and only they have no exit", () => {
    for (const state of machine.states) {
      expect(isTerminal(machine, state)).toBe(terminal.includes(state));
      expect(allowedActions(machine, state).length === 0).toBe(terminal.includes(state));
    }
  });

  it("lets the owner edit only in the expected states", () => {
    for (const state of machine.states) expect(isEditableByOwner(machine, state)).toBe(editable.includes(state));
  });

  it("refuses an action it does not know and a state it does not have", () => {
    expect(transition(machine, machine.initial, "teleport")).toBeNull();
    expect(transition(machine, "NO_SUCH_STATE", allActions[0]!)).toBeNull();
    expect(isState(machine, machine.initial)).toBe(true);
    expect(isState(machine, "NO_SUCH_STATE")).toBe(false);
  });
});

describe("specific rules", () => {
  it("a producer cannot edit an idea or a dossier while it is with the ward or the province", () => {
    expect(isEditableByOwner(IDEA_MACHINE, "SUBMITTED")).toBe(false);
    expect(isEditableByOwner(IDEA_MACHINE, "WARD_ACCEPTED")).toBe(false);
    expect(isEditableByOwner(DOSSIER_MACHINE, "ADVISORY_REVIEW")).toBe(false);
    expect(isEditableByOwner(DOSSIER_MACHINE, "COUNCIL_SCORING")).toBe(false);
  });

  it("a returned idea goes back to the ward by resubmission, not by a second submit", () => {
    expect(transition(IDEA_MACHINE, "RETURNED", "submit")).toBeNull();
    expect(transition(IDEA_MACHINE, "RETURNED", "resubmit")).toBe("SUBMITTED");
  });

  it("a dossier cannot be withdrawn once the council is scoring", () => {
    expect(transition(DOSSIER_MACHINE, "COUNCIL_SCORING", "withdraw")).toBeNull();
    expect(transition(DOSSIER_MACHINE, "COUNCIL_DONE", "withdraw")).toBeNull();
  });

  it("a revoked certificate cannot be reinstated", () => {
    expect(allowedActions(CERTIFICATE_MACHINE, "REVOKED")).toEqual([]);
  });
});

describe("checkMachine", () => {
  it("reports duplicate rows, dead ends, terminal exits, unknown and unreachable states", () => {
    const broken: StateMachine<string, string> = {
      name: "broken",
      states: ["A", "B", "C", "D"],
      initial: "A",
      terminal: ["B"],
      editableByOwner: [],
      transitions: [
        { from: "A", action: "go", to: "B" },
        { from: "A", action: "go", to: "C" },
        { from: "B", action: "back", to: "A" },
        { from: "D", action: "x", to: "Z" },
      ],
    };
    const codes = checkMachine(broken).map((p) => p.code).sort();
    expect(codes).toEqual(["DEAD_END", "DUPLICATE_ROW", "TERMINAL_HAS_EXIT", "UNKNOWN_STATE", "UNREACHABLE"]);
  });
});
