/**
 * Monitoring after recognition (hậu kiểm, QĐ26/2026/QĐ-TTg Art. 9): the checklist an inspection
 * team fills in, the rule from its answers to the conclusions and follow-ups the law allows, and
 * the inspection's own workflow. Pure: the data layer and the actions apply these.
 */
import { compareIsoDate, type IsoDate } from "./dates";
import type { StateMachine } from "./workflow/machine";
import { transition } from "./workflow/machine";

/** Mirror of the InspectionKind enum. QĐ26 Art. 9.1: post-audit by periodic and ad hoc inspections. */
export const INSPECTION_KINDS = ["PERIODIC", "AD_HOC"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATES = ["PLANNED", "CONCLUDED", "CANCELLED"] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export type InspectionAction = "conclude" | "cancel";

/**
 * The office plans an inspection (PLANNED), then records what the team found (CONCLUDED) or calls
 * it off (CANCELLED). A concluded inspection is a record of fact and is not reopened: a new
 * finding is a new inspection.
 */
export const INSPECTION_MACHINE: StateMachine<InspectionState, InspectionAction> = {
  name: "inspection",
  states: INSPECTION_STATES,
  initial: "PLANNED",
  terminal: ["CONCLUDED", "CANCELLED"],
  editableByOwner: [],
  transitions: [
    { from: "PLANNED", action: "conclude", to: "CONCLUDED" },
    { from: "PLANNED", action: "cancel", to: "CANCELLED" },
  ],
};

export function inspectionTransition(from: InspectionState, action: InspectionAction): InspectionState | null {
  return transition(INSPECTION_MACHINE, from, action);
}

/** Only a plan can still be changed (date, team, kind). */
export function isPlanEditable(status: InspectionState): boolean {
  return status === "PLANNED";
}

/** A planned inspection whose day has passed without a conclusion: it waits on the office. */
export function isOverdue(status: InspectionState, plannedOn: IsoDate, today: IsoDate): boolean {
  return status === "PLANNED" && compareIsoDate(plannedOn, today) < 0;
}

export const INSPECTION_CONCLUSIONS = ["COMPLIANT", "NON_COMPLIANT"] as const;
export type InspectionConclusion = (typeof INSPECTION_CONCLUSIONS)[number];

export const INSPECTION_FOLLOW_UPS = ["NONE", "WARNING", "REVOCATION_PROPOSAL"] as const;
export type InspectionFollowUp = (typeof INSPECTION_FOLLOW_UPS)[number];

/** QĐ26 Art. 8.1 (a)–(f) [H]: the grounds on which a recognition is revoked (mirror of RevocationGround). */
export const REVOCATION_GROUND_CODES = ["A", "B", "C", "D", "E", "F"] as const;
export type RevocationGroundCode = (typeof REVOCATION_GROUND_CODES)[number];

/**
 * What is inspected (QĐ26 Art. 9.2): (a) that the criteria are maintained as in the dossier that
 * was evaluated; (b) the use of the OCOP mark, the product information (label) and advertising.
 * Content (b) is split in three because each is found, and remedied, on its own. `ground` is the
 * revocation ground of Art. 8.1 a failure of the item naturally leads to.
 */
export const CHECKLIST_ITEMS = [
  { key: "criteriaMaintained", citation: "QĐ26/2026/QĐ-TTg, Điều 9 khoản 2 điểm a", ground: "B" },
  { key: "markUsedCorrectly", citation: "QĐ26/2026/QĐ-TTg, Điều 9 khoản 2 điểm b", ground: "D" },
  { key: "labelCorrect", citation: "QĐ26/2026/QĐ-TTg, Điều 9 khoản 2 điểm b", ground: "C" },
  { key: "advertisingCorrect", citation: "QĐ26/2026/QĐ-TTg, Điều 9 khoản 2 điểm b", ground: "C" },
] as const satisfies readonly { key: string; citation: string; ground: RevocationGroundCode }[];

export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]["key"];
export const CHECKLIST_KEYS = CHECKLIST_ITEMS.map((i) => i.key) as ChecklistKey[];

/** One answer: met, not met, or not checked (null), with what the team noted. */
export type ChecklistAnswer = { met: boolean | null; note: string };
export type Checklist = Record<ChecklistKey, ChecklistAnswer>;

export function emptyChecklist(): Checklist {
  return Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, { met: null, note: "" }])) as Checklist;
}

/**
 * A stored checklist (a JSON column, written by this code but read back as unknown): every known
 * item, anything malformed read as "not checked". Unknown keys are dropped.
 */
export function readChecklist(raw: unknown): Checklist {
  const out = emptyChecklist();
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const key of CHECKLIST_KEYS) {
    const v = (raw as Record<string, unknown>)[key];
    if (!v || typeof v !== "object") continue;
    const { met, note } = v as { met?: unknown; note?: unknown };
    out[key] = { met: typeof met === "boolean" ? met : null, note: typeof note === "string" ? note : "" };
  }
  return out;
}

export function failedItems(checklist: Checklist): ChecklistKey[] {
  return CHECKLIST_KEYS.filter((k) => checklist[k].met === false);
}

export function uncheckedItems(checklist: Checklist): ChecklistKey[] {
  return CHECKLIST_KEYS.filter((k) => checklist[k].met === null);
}

/**
 * The conclusions the checklist allows. Any item not met ⇒ not compliant (a finding cannot be
 * concluded away). Nothing checked ⇒ no conclusion yet. A periodic inspection covers the whole
 * content of Art. 9.2, so it is compliant only with every item checked and met; an ad hoc one is
 * often about one complaint (a label, an advertisement) and may conclude on what it checked.
 */
export function allowedConclusions(kind: InspectionKind, checklist: Checklist): InspectionConclusion[] {
  if (failedItems(checklist).length > 0) return ["NON_COMPLIANT"];
  const unchecked = uncheckedItems(checklist).length;
  if (unchecked === CHECKLIST_KEYS.length) return [];
  if (kind === "PERIODIC" && unchecked > 0) return [];
  return ["COMPLIANT"];
}

/** Compliant ⇒ nothing to follow up; not compliant ⇒ at least a warning (QĐ26 Art. 8.1–8.3 for revocation). */
export function allowedFollowUps(conclusion: InspectionConclusion): InspectionFollowUp[] {
  return conclusion === "COMPLIANT" ? ["NONE"] : ["WARNING", "REVOCATION_PROPOSAL"];
}

/** The ground a revocation proposal most naturally names, from the first item not met. */
export function suggestedGround(checklist: Checklist): RevocationGroundCode | null {
  const failed = CHECKLIST_ITEMS.find((i) => checklist[i.key].met === false);
  return failed ? failed.ground : null;
}

/** Findings of a non-compliant inspection must say what was found (and are kept on the record). */
export const MIN_FINDINGS_LENGTH = 10;

export type ConclusionInput = {
  kind: InspectionKind;
  checklist: Checklist;
  findings: string;
  conclusion: InspectionConclusion;
  followUp: InspectionFollowUp;
  revocationGround: RevocationGroundCode | null;
};

export type ConclusionField = "checklist" | "conclusion" | "followUp" | "findings" | "revocationGround";

/**
 * Field errors (catalogue keys) of a conclusion, empty when the law allows it:
 * - the checklist must support a conclusion (see allowedConclusions);
 * - an item not met means NON_COMPLIANT; NON_COMPLIANT names an item not met;
 * - COMPLIANT ⇒ follow-up NONE; NON_COMPLIANT ⇒ WARNING or REVOCATION_PROPOSAL, with findings;
 * - a REVOCATION_PROPOSAL names a ground of Art. 8.1, and only a proposal does. Ground (b) "no
 *   longer meets the criteria per an inspection's conclusion" needs item (a) not met; ground (d)
 *   "misuse of the OCOP mark" needs the mark item not met. The other grounds (forged dossier,
 *   violations of other law, production stopped, other) rest on facts outside the checklist and
 *   are explained in the findings.
 */
export function conclusionProblems(c: ConclusionInput): Partial<Record<ConclusionField, string[]>> {
  const problems: Partial<Record<ConclusionField, string[]>> = {};
  const add = (field: ConclusionField, key: string) => (problems[field] ??= []).push(key);
  const failed = failedItems(c.checklist);
  const unchecked = uncheckedItems(c.checklist);
  const allowed = allowedConclusions(c.kind, c.checklist);

  if (unchecked.length === CHECKLIST_KEYS.length) add("checklist", "inspections.ruleNothingChecked");
  else if (allowed.length === 0) add("checklist", "inspections.rulePeriodicComplete");
  if (c.conclusion === "COMPLIANT" && failed.length > 0) add("conclusion", "inspections.ruleFailedMeansNonCompliant");
  if (c.conclusion === "NON_COMPLIANT" && failed.length === 0) add("conclusion", "inspections.ruleNonCompliantNeedsFailedItem");

  if (!allowedFollowUps(c.conclusion).includes(c.followUp)) {
    add("followUp", c.conclusion === "COMPLIANT" ? "inspections.ruleCompliantNoFollowUp" : "inspections.ruleNonCompliantNeedsFollowUp");
  }
  if (c.conclusion === "NON_COMPLIANT" && c.findings.trim().length < MIN_FINDINGS_LENGTH) add("findings", "inspections.ruleFindingsRequired");

  if (c.followUp === "REVOCATION_PROPOSAL") {
    if (c.revocationGround === null) add("revocationGround", "inspections.ruleGroundRequired");
    else if (c.revocationGround === "B" && c.checklist.criteriaMaintained.met !== false) add("revocationGround", "inspections.ruleGroundBNeedsCriteria");
    else if (c.revocationGround === "D" && c.checklist.markUsedCorrectly.met !== false) add("revocationGround", "inspections.ruleGroundDNeedsMark");
  } else if (c.revocationGround !== null) {
    add("revocationGround", "inspections.ruleGroundOnlyForProposal");
  }
  return problems;
}

/** Certificates that can be inspected: those still entitling the product to the OCOP mark. */
export const INSPECTABLE_CERTIFICATE_STATES = ["ACTIVE", "REVOCATION_PROPOSED"] as const;

export function isInspectableCertificate(storedStatus: string): boolean {
  return (INSPECTABLE_CERTIFICATE_STATES as readonly string[]).includes(storedStatus);
}

type CertificateDates = { issuedOn: IsoDate; expiresOn: IsoDate };

/** A plan falls within the certificate's validity (QĐ26 Art. 4.3: 36 months from issue). */
export function plannedOnProblem(plannedOn: IsoDate, cert: CertificateDates): string | null {
  if (compareIsoDate(plannedOn, cert.issuedOn) < 0) return "inspections.beforeIssue";
  if (compareIsoDate(plannedOn, cert.expiresOn) > 0) return "inspections.afterExpiry";
  return null;
}

/** The day the team inspected: not before the certificate, not after its last day, not in the future. */
export function inspectedOnProblem(inspectedOn: IsoDate, cert: CertificateDates, today: IsoDate): string | null {
  if (compareIsoDate(inspectedOn, today) > 0) return "inspections.inFuture";
  if (compareIsoDate(inspectedOn, cert.issuedOn) < 0) return "inspections.beforeIssue";
  if (compareIsoDate(inspectedOn, cert.expiresOn) > 0) return "inspections.afterExpiry";
  return null;
}

/** The year an inspection counts in: the day it took place, or the day it is planned for. */
export function inspectionYear(i: { inspectedOn: IsoDate | null; plannedOn: IsoDate }): number {
  return Number((i.inspectedOn ?? i.plannedOn).slice(0, 4));
}
