import type { StateMachine } from "./machine";

/**
 * Evaluation dossier (ocop-domain.md §5.5; steps and deadlines [H] QĐ26 Art. 7, state names
 * are portal design).
 * - SUBMITTED covers the commune's check and Form 03 (15 working days, Art. 7.2); a separate
 *   "under ward review" state would add nothing the producer or the deadline needs.
 * - The commune may decline to propose (reject): implicit in the decree, named here.
 * - FORWARDED → start-scoring skips the advisory review for re-evaluations, where the province
 *   site-checks only when scale changed or evidence is unclear (Art. 7.6); which dossiers may
 *   take that row is a guard of the action, not of this table.
 * - COUNCIL_DONE: the council's result decides the next row: knock-out → reject, 1–2★ →
 *   not-recognise, 3–4★ → recognise by the PPC chair, ≥90 → send-to-central (Art. 7.3.e).
 * - SENT_TO_CENTRAL: the centre recognises 5★, or below 90 the PPC chair may recognise 3–4★
 *   on the central result (recognise), or nothing is recognised.
 * QĐ148 dossiers (district level) are legacy imports; they map onto the same states with the
 * district as the first council.
 */
export const DOSSIER_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "FORWARDED",
  "SUPPLEMENT_REQUESTED",
  "ADVISORY_REVIEW",
  "COUNCIL_SCORING",
  "COUNCIL_DONE",
  "SENT_TO_CENTRAL",
  "RECOGNISED",
  "NOT_RECOGNISED",
  "REJECTED",
  "WITHDRAWN",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];
export type DossierAction =
  | "submit"
  | "resubmit"
  | "return"
  | "forward"
  | "request-supplement"
  | "supplement"
  | "start-review"
  | "start-scoring"
  | "close-scoring"
  | "recognise"
  | "not-recognise"
  | "send-to-central"
  | "reject"
  | "withdraw";

export const DOSSIER_MACHINE: StateMachine<DossierState, DossierAction> = {
  name: "dossier",
  states: DOSSIER_STATES,
  initial: "DRAFT",
  terminal: ["RECOGNISED", "NOT_RECOGNISED", "REJECTED", "WITHDRAWN"],
  editableByOwner: ["DRAFT", "RETURNED", "SUPPLEMENT_REQUESTED"],
  transitions: [
    { from: "DRAFT", action: "submit", to: "SUBMITTED" },
    { from: "DRAFT", action: "withdraw", to: "WITHDRAWN" },
    { from: "SUBMITTED", action: "return", to: "RETURNED" },
    { from: "SUBMITTED", action: "forward", to: "FORWARDED" },
    { from: "SUBMITTED", action: "reject", to: "REJECTED" },
    { from: "SUBMITTED", action: "withdraw", to: "WITHDRAWN" },
    { from: "RETURNED", action: "resubmit", to: "SUBMITTED" },
    { from: "RETURNED", action: "withdraw", to: "WITHDRAWN" },
    { from: "FORWARDED", action: "request-supplement", to: "SUPPLEMENT_REQUESTED" },
    { from: "FORWARDED", action: "start-review", to: "ADVISORY_REVIEW" },
    { from: "FORWARDED", action: "start-scoring", to: "COUNCIL_SCORING" },
    { from: "FORWARDED", action: "reject", to: "REJECTED" },
    { from: "FORWARDED", action: "withdraw", to: "WITHDRAWN" },
    { from: "SUPPLEMENT_REQUESTED", action: "supplement", to: "FORWARDED" },
    { from: "SUPPLEMENT_REQUESTED", action: "withdraw", to: "WITHDRAWN" },
    { from: "ADVISORY_REVIEW", action: "request-supplement", to: "SUPPLEMENT_REQUESTED" },
    { from: "ADVISORY_REVIEW", action: "start-scoring", to: "COUNCIL_SCORING" },
    { from: "ADVISORY_REVIEW", action: "reject", to: "REJECTED" },
    { from: "ADVISORY_REVIEW", action: "withdraw", to: "WITHDRAWN" },
    { from: "COUNCIL_SCORING", action: "close-scoring", to: "COUNCIL_DONE" },
    { from: "COUNCIL_DONE", action: "recognise", to: "RECOGNISED" },
    { from: "COUNCIL_DONE", action: "not-recognise", to: "NOT_RECOGNISED" },
    { from: "COUNCIL_DONE", action: "send-to-central", to: "SENT_TO_CENTRAL" },
    { from: "COUNCIL_DONE", action: "reject", to: "REJECTED" },
    { from: "SENT_TO_CENTRAL", action: "recognise", to: "RECOGNISED" },
    { from: "SENT_TO_CENTRAL", action: "not-recognise", to: "NOT_RECOGNISED" },
    { from: "SENT_TO_CENTRAL", action: "reject", to: "REJECTED" },
  ],
};
