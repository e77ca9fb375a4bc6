// The one authorization function (architecture.md §3.3). Pure and table-driven: a role either
// has no entry for an action (refused), `true` (allowed for any record it can load), or a scope
// predicate over the loaded record. Anything unknown is refused.
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

/** What a rule may look at: the fields that decide scope, taken from the loaded record. */
export type Resource =
  | { type: "producer"; id: string; wardId: string }
  | { type: "idea"; id: string; producerId: string; wardId: string; status: string }
  | { type: "plan"; id: string; producerId: string; wardId: string; status: string }
  | { type: "dossier"; id: string; producerId: string; wardId: string; status: string; council: CouncilSeat | null }
  | { type: "round"; id: string; council: CouncilSeat | null }
  | { type: "certificate"; id: string; producerId: string; wardId: string; status: string }
  // Step 6 and step 1 (issue 5): catalogue products, raw-material areas, points of sale, fairs,
  // training. News, documents and gift sets are "publication": public once published.
  | { type: "product"; id: string; producerId: string; wardId: string }
  | { type: "rawMaterialArea"; id: string; wardId: string }
  | { type: "pointOfSale"; id: string; wardId: string; status: string }
  | { type: "tradeEvent"; id: string; status: string }
  | { type: "eventParticipant"; id: string; producerId: string; status: string }
  | { type: "training"; id: string; audience: "PRODUCERS" | "OFFICIALS" | "ALL"; status: string }
  | { type: "publication" }
  | { type: "user"; id: string; role: Role }
  | { type: "notification"; userId: string }
  | { type: "auditLog" }
  | { type: "referenceData" }
  | { type: "cycle" }
  | { type: "dashboard" }
  // Issue 6: the annual plan of a cycle, and inspections of recognised products (hậu kiểm).
  | { type: "annualPlan" }
  | { type: "inspection"; id: string; producerId: string; wardId: string; status: string };

/**
 * The actor's seat on the council that evaluates a dossier (or of a round), as loaded for this
 * actor. A member with a conflict of interest never gets a seat for that dossier: the loader
 * returns the dossier without one (and the council-member scope does not return it at all).
 */
export type CouncilSeat = {
  role: "CHAIR" | "SECRETARY" | "MEMBER";
  /** Whether the member's sheet counts (a minute-taking secretary may not score). */
  scores: boolean;
  /** Whether the actor's own sheet for this dossier is submitted (dossier resources only). */
  ownSheetSubmitted: boolean;
};

type Rule = true | ((actor: Actor, resource: Resource) => boolean);

const inOwnWard: Rule = (a, r) => r.type === "producer" && a.wardId !== null && r.wardId === a.wardId;
const isOwnProducer: Rule = (a, r) => r.type === "producer" && a.producerId !== null && r.id === a.producerId;
// Ideas and plans belong to a producer and, through it, to a ward.
const ownsRecord: Rule = (a, r) => (r.type === "idea" || r.type === "plan") && a.producerId !== null && r.producerId === a.producerId;
const recordInOwnWard: Rule = (a, r) => (r.type === "idea" || r.type === "plan") && a.wardId !== null && r.wardId === a.wardId;
// Who may return or reject an idea depends on where it is: the ward screens what producers
// submit, the Economic Office decides what the ward forwarded.
const ideaAtWard: Rule = (a, r) => r.type === "idea" && r.status === "SUBMITTED" && recordInOwnWard(a, r) === true;
const ideaAtOffice: Rule = (_a, r) => r.type === "idea" && r.status === "WARD_ACCEPTED";
// Dossiers: the producer owns, the ward pre-assesses what reached it, the office runs intake
// and rounds, the council sees only what its round holds.
const ownsDossier: Rule = (a, r) => (r.type === "dossier" || r.type === "certificate") && a.producerId !== null && r.producerId === a.producerId;
const dossierInOwnWard: Rule = (a, r) => (r.type === "dossier" || r.type === "certificate") && a.wardId !== null && r.wardId === a.wardId;
const dossierAtWard: Rule = (a, r) => r.type === "dossier" && r.status === "SUBMITTED" && dossierInOwnWard(a, r) === true;
// Inspections: the office plans and concludes; the producer and its ward read their own.
const ownsInspection: Rule = (a, r) => r.type === "inspection" && a.producerId !== null && r.producerId === a.producerId;
const inspectionInOwnWard: Rule = (a, r) => r.type === "inspection" && a.wardId !== null && r.wardId === a.wardId;
const hasSeat: Rule = (_a, r) => (r.type === "dossier" || r.type === "round") && r.council !== null;
const scoringSeat: Rule = (_a, r) => r.type === "dossier" && r.council !== null && r.council.scores;
// A scoring member sees the others' sheets only once their own is in; a non-scoring secretary
// keeps the minutes and sees them all.
const mayReadOtherSheets: Rule = (_a, r) => r.type === "dossier" && r.council !== null && (!r.council.scores || r.council.ownSheetSubmitted);
const isChair: Rule = (_a, r) => r.type === "dossier" && r.council?.role === "CHAIR";
const runsProgress: Rule = (_a, r) => (r.type === "dossier" || r.type === "round") && (r.council?.role === "CHAIR" || r.council?.role === "SECRETARY");
// Catalogue products belong to a producer; areas and points of sale to a ward.
const ownsProduct: Rule = (a, r) => (r.type === "product" || r.type === "eventParticipant") && a.producerId !== null && r.producerId === a.producerId;
const productInOwnWard: Rule = (a, r) => r.type === "product" && a.wardId !== null && r.wardId === a.wardId;
const placeInOwnWard: Rule = (a, r) => (r.type === "rawMaterialArea" || r.type === "pointOfSale") && a.wardId !== null && r.wardId === a.wardId;
// A course is for producers, for officials, or for everyone; a producer account registers its
// own entity, an official registers themself.
const producerCourse: Rule = (a, r) => r.type === "training" && r.status === "PUBLISHED" && a.producerId !== null && r.audience !== "OFFICIALS";
const officialCourse: Rule = (_a, r) => r.type === "training" && r.status === "PUBLISHED" && r.audience !== "PRODUCERS";
const hasWard: Rule = (a) => a.role === "WARD_OFFICER" && a.wardId !== null;
const ownNotification: Rule = (a, r) => r.type === "notification" && r.userId === a.userId;
const isSelf: Rule = (a, r) => r.type === "user" && r.id === a.userId;
// An administrator may not lock themselves out (ending their own sessions is sign-out).
const isOtherUser: Rule = (a, r) => r.type === "user" && r.id !== a.userId;

const POLICY = {
  "producer.read": {
    ECONOMIC_OFFICE: true,
    LEADER: true,
    ADMIN: true,
    WARD_OFFICER: inOwnWard,
    PRODUCER: isOwnProducer,
  },
  "producer.list": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: true },
  "producer.updateContact": { PRODUCER: isOwnProducer, WARD_OFFICER: inOwnWard, ECONOMIC_OFFICE: true },
  "producer.verify": { WARD_OFFICER: inOwnWard, ECONOMIC_OFFICE: true },
  "idea.read": { PRODUCER: ownsRecord, WARD_OFFICER: recordInOwnWard, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "idea.list": { PRODUCER: true, WARD_OFFICER: true, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "idea.create": { PRODUCER: isOwnProducer },
  "idea.edit": { PRODUCER: ownsRecord },
  "idea.submit": { PRODUCER: ownsRecord },
  "idea.withdraw": { PRODUCER: ownsRecord },
  "idea.review": { WARD_OFFICER: ideaAtWard, ECONOMIC_OFFICE: ideaAtOffice },
  "idea.forward": { WARD_OFFICER: ideaAtWard },
  "idea.accept": { ECONOMIC_OFFICE: ideaAtOffice },
  "plan.read": { PRODUCER: ownsRecord, WARD_OFFICER: recordInOwnWard, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "plan.list": { PRODUCER: true, WARD_OFFICER: true, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "plan.create": { PRODUCER: ownsRecord },
  "plan.edit": { PRODUCER: ownsRecord },
  "plan.submit": { PRODUCER: ownsRecord },
  "plan.withdraw": { PRODUCER: ownsRecord },
  "plan.appraise": { ECONOMIC_OFFICE: true },
  "plan.comment": { WARD_OFFICER: recordInOwnWard, ECONOMIC_OFFICE: true },
  "plan.manageSupport": { ECONOMIC_OFFICE: true, WARD_OFFICER: recordInOwnWard },
  "plan.reportMilestone": { PRODUCER: ownsRecord },
  "plan.markReady": { ECONOMIC_OFFICE: true },
  "dossier.read": { PRODUCER: ownsDossier, WARD_OFFICER: dossierInOwnWard, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, COUNCIL_MEMBER: hasSeat },
  "dossier.list": { PRODUCER: true, WARD_OFFICER: true, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, COUNCIL_MEMBER: true },
  "dossier.create": { PRODUCER: isOwnProducer },
  "dossier.edit": { PRODUCER: ownsDossier },
  "dossier.submit": { PRODUCER: ownsDossier },
  "dossier.withdraw": { PRODUCER: ownsDossier },
  // Form 03, forward, return for completion, decline to propose (QĐ26 Art. 7.2).
  "dossier.preAssess": { WARD_OFFICER: dossierAtWard },
  // Provincial intake: completeness, supplements, advisory review, round assignment, start scoring.
  "dossier.intake": { ECONOMIC_OFFICE: true },
  "round.read": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, COUNCIL_MEMBER: hasSeat },
  "round.list": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, COUNCIL_MEMBER: true },
  "round.manage": { ECONOMIC_OFFICE: true },
  "round.declareConflict": { COUNCIL_MEMBER: hasSeat, ECONOMIC_OFFICE: hasSeat },
  // Office staff sit only as non-scoring secretaries (lib/actions/rounds.ts), so they never score.
  "score.edit": { COUNCIL_MEMBER: scoringSeat },
  "score.readOthers": { COUNCIL_MEMBER: mayReadOtherSheets, ECONOMIC_OFFICE: true, LEADER: true },
  "score.progress": { COUNCIL_MEMBER: runsProgress, ECONOMIC_OFFICE: true },
  "score.remind": { COUNCIL_MEMBER: runsProgress, ECONOMIC_OFFICE: true },
  "score.reopen": { COUNCIL_MEMBER: isChair, ECONOMIC_OFFICE: isChair },
  // Results are staged, checked and released by the office; decisions and referrals likewise.
  "result.manage": { ECONOMIC_OFFICE: true },
  "certificate.read": { PRODUCER: ownsDossier, WARD_OFFICER: dossierInOwnWard, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "certificate.list": { PRODUCER: true, WARD_OFFICER: true, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "certificate.revoke": { ECONOMIC_OFFICE: true },
  "certificate.renew": { PRODUCER: ownsDossier },
  // The catalogue: what the producer tells the public about a recognised product.
  "product.list": { PRODUCER: true, WARD_OFFICER: true, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "product.read": { PRODUCER: ownsProduct, WARD_OFFICER: productInOwnWard, ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true },
  "product.editProfile": { PRODUCER: ownsProduct, ECONOMIC_OFFICE: true },
  // Raw-material areas: the office for the city, a ward for its own.
  "rawMaterialArea.list": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, LEADER: true, ADMIN: true },
  "rawMaterialArea.manage": { ECONOMIC_OFFICE: true, WARD_OFFICER: placeInOwnWard },
  // Points of sale: anyone may apply (a public form); the office decides.
  "pointOfSale.list": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, LEADER: true, ADMIN: true },
  "pointOfSale.read": { ECONOMIC_OFFICE: true, WARD_OFFICER: placeInOwnWard, LEADER: true, ADMIN: true },
  "pointOfSale.review": { ECONOMIC_OFFICE: true },
  // Fairs and events: the office runs them, producers register their own products.
  "event.list": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, PRODUCER: true, LEADER: true, ADMIN: true },
  "event.manage": { ECONOMIC_OFFICE: true },
  "event.register": { PRODUCER: isOwnProducer },
  "event.withdraw": { PRODUCER: ownsProduct },
  "giftSet.manage": { ECONOMIC_OFFICE: true },
  // Step 1: the communications centre publishes news and documents beside the office.
  "news.manage": { ECONOMIC_OFFICE: true, COMMUNICATIONS: true },
  "document.manage": { ECONOMIC_OFFICE: true, COMMUNICATIONS: true },
  "training.list": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, PRODUCER: true, COUNCIL_MEMBER: true, LEADER: true, ADMIN: true, COMMUNICATIONS: true },
  "training.manage": { ECONOMIC_OFFICE: true },
  "training.register": { PRODUCER: producerCourse, WARD_OFFICER: officialCourse, COUNCIL_MEMBER: officialCourse, ECONOMIC_OFFICE: officialCourse, LEADER: officialCourse, COMMUNICATIONS: officialCourse },
  // The desk of step 6 and step 1 (what waits for the office, read-only for leaders).
  "promotion.read": { ECONOMIC_OFFICE: true, LEADER: true, COMMUNICATIONS: true },
  "notification.markRead": { ECONOMIC_OFFICE: ownNotification, WARD_OFFICER: ownNotification, PRODUCER: ownNotification, COUNCIL_MEMBER: ownNotification, LEADER: ownNotification, ADMIN: ownNotification, COMMUNICATIONS: ownNotification },
  "user.read": { ADMIN: true, ECONOMIC_OFFICE: isSelf, WARD_OFFICER: isSelf, PRODUCER: isSelf, COUNCIL_MEMBER: isSelf, LEADER: isSelf, COMMUNICATIONS: isSelf },
  "user.list": { ADMIN: true },
  "user.updateOwnPreferences": { ECONOMIC_OFFICE: isSelf, WARD_OFFICER: isSelf, PRODUCER: isSelf, COUNCIL_MEMBER: isSelf, LEADER: isSelf, ADMIN: isSelf, COMMUNICATIONS: isSelf },
  "user.endSessions": { ADMIN: isOtherUser },
  "user.setActive": { ADMIN: isOtherUser },
  "auditLog.read": { ADMIN: true, ECONOMIC_OFFICE: true },
  "referenceData.read": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, PRODUCER: true, COUNCIL_MEMBER: true, LEADER: true, ADMIN: true, COMMUNICATIONS: true },
  "cycle.read": { ECONOMIC_OFFICE: true, WARD_OFFICER: true, PRODUCER: true, COUNCIL_MEMBER: true, LEADER: true, ADMIN: true, COMMUNICATIONS: true },
  "cycle.manage": { ECONOMIC_OFFICE: true },
  // A ward officer reads the dashboard of its own ward: the data layer takes the ward from the
  // session (lib/db/dashboard.ts), so the rule only asks that the officer has one.
  "dashboard.read": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: hasWard },
  // The annual plan: the office writes it; leaders and wards read it (wards for their targets).
  "annualPlan.read": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: true },
  "annualPlan.manage": { ECONOMIC_OFFICE: true },
  // Monitoring (QĐ26 Art. 9.4: the provincial OCOP agency leads inspections).
  "inspection.list": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: true, PRODUCER: true },
  "inspection.read": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: inspectionInOwnWard, PRODUCER: ownsInspection },
  "inspection.manage": { ECONOMIC_OFFICE: true },
  // Exports follow reading: each list's export asks the list's own ".list" action; the annual
  // report asks for the dashboard.
  "report.annual": { ECONOMIC_OFFICE: true, LEADER: true, ADMIN: true, WARD_OFFICER: hasWard },
} as const satisfies Record<string, Partial<Record<Role, Rule>>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  const byRole = (POLICY as Record<string, Partial<Record<Role, Rule>>>)[action];
  if (!byRole || !Object.hasOwn(byRole, actor.role)) return false;
  const rule = byRole[actor.role];
  if (rule === true) return true;
  if (typeof rule === "function") return rule(actor, resource) === true;
  return false;
}
