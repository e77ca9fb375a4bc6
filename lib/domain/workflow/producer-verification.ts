import type { StateMachine } from "./machine";

/**
 * Verification of a self-registered producer by its ward or the Economic Office (portal design [L]).
 * A verified producer stays verified here: withdrawing recognition of an entity is a revocation
 * matter (QĐ26 Art. 8), not a change of mind about its registration.
 */
export const PRODUCER_VERIFICATION_STATES = ["PENDING", "VERIFIED", "REJECTED"] as const;
export type ProducerVerificationState = (typeof PRODUCER_VERIFICATION_STATES)[number];
export type ProducerVerificationAction = "verify" | "reject";

export const PRODUCER_VERIFICATION_MACHINE: StateMachine<ProducerVerificationState, ProducerVerificationAction> = {
  name: "producer-verification",
  states: PRODUCER_VERIFICATION_STATES,
  initial: "PENDING",
  terminal: ["VERIFIED"],
  editableByOwner: ["PENDING", "REJECTED"],
  transitions: [
    { from: "PENDING", action: "verify", to: "VERIFIED" },
    { from: "PENDING", action: "reject", to: "REJECTED" },
    // A rejected registration corrected by the producer can still be verified.
    { from: "REJECTED", action: "verify", to: "VERIFIED" },
  ],
};
