import type { StateMachine } from "./machine";

/**
 * Stored certificate state (ocop-domain.md §6; portal design). Date-driven states (renewal window
 * open/closed, grace) are not stored: certificates.ts computes them from the dates. `expire` is
 * recorded when validity (and any QĐ26 Art. 12.3 grace) ends without renewal; `renew` when a
 * re-evaluation issues the next certificate, `supersede` when an upgrade does. Revocation is
 * proposed after inspection and decided by the PPC chair or MAE (QĐ26 Art. 8 [H]).
 */
export const CERTIFICATE_STATES = ["ACTIVE", "REVOCATION_PROPOSED", "REVOKED", "EXPIRED", "SUPERSEDED", "RENEWED"] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export type CertificateAction = "propose-revocation" | "revoke" | "dismiss-revocation" | "expire" | "supersede" | "renew";

export const CERTIFICATE_MACHINE: StateMachine<CertificateState, CertificateAction> = {
  name: "certificate",
  states: CERTIFICATE_STATES,
  initial: "ACTIVE",
  terminal: ["REVOKED", "EXPIRED", "SUPERSEDED", "RENEWED"],
  editableByOwner: [],
  transitions: [
    { from: "ACTIVE", action: "propose-revocation", to: "REVOCATION_PROPOSED" },
    { from: "ACTIVE", action: "expire", to: "EXPIRED" },
    { from: "ACTIVE", action: "supersede", to: "SUPERSEDED" },
    { from: "ACTIVE", action: "renew", to: "RENEWED" },
    { from: "REVOCATION_PROPOSED", action: "revoke", to: "REVOKED" },
    { from: "REVOCATION_PROPOSED", action: "dismiss-revocation", to: "ACTIVE" },
    { from: "REVOCATION_PROPOSED", action: "expire", to: "EXPIRED" },
  ],
};
