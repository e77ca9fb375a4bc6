import type { BusinessPlanAction, DossierAction, DossierState, IdeaAction } from "@/lib/domain/workflow";
import type { Action } from "./policy";

// Which permission each workflow step needs. The transition table says whether a step exists
// from a state; the policy says who may take it (and, for returns, at which level).
export const IDEA_ACTION_PERMISSION: Record<IdeaAction, Action> = {
  submit: "idea.submit",
  resubmit: "idea.submit",
  withdraw: "idea.withdraw",
  return: "idea.review",
  reject: "idea.review",
  forward: "idea.forward",
  accept: "idea.accept",
};

export const PLAN_ACTION_PERMISSION: Record<BusinessPlanAction, Action> = {
  submit: "plan.submit",
  resubmit: "plan.submit",
  withdraw: "plan.withdraw",
  return: "plan.appraise",
  reject: "plan.appraise",
  approve: "plan.appraise",
  "start-implementation": "plan.appraise",
  "mark-ready": "plan.markReady",
};

/**
 * Dossiers (QĐ26 Art. 7). The producer files, supplements and withdraws; the ward pre-assesses
 * what it received (Form 03, forward, return); the Economic Office runs provincial intake and
 * rounds; council results, decisions and referrals are "result.manage".
 * `reject` exists at several desks: this table holds the office-intake one; use
 * `dossierActionPermission` when the state is known (the ward declines at SUBMITTED, results
 * reject a knocked-out dossier at COUNCIL_DONE / SENT_TO_CENTRAL).
 */
export const DOSSIER_ACTION_PERMISSION: Record<DossierAction, Action> = {
  submit: "dossier.submit",
  resubmit: "dossier.submit",
  supplement: "dossier.submit",
  withdraw: "dossier.withdraw",
  return: "dossier.preAssess",
  forward: "dossier.preAssess",
  "request-supplement": "dossier.intake",
  "start-review": "dossier.intake",
  "start-scoring": "dossier.intake",
  "close-scoring": "result.manage",
  recognise: "result.manage",
  "not-recognise": "result.manage",
  "send-to-central": "result.manage",
  reject: "dossier.intake",
};

/** The permission a dossier step needs from a given state (see DOSSIER_ACTION_PERMISSION). */
export function dossierActionPermission(action: DossierAction, from: DossierState): Action {
  if (action === "reject") {
    if (from === "SUBMITTED") return "dossier.preAssess";
    if (from === "COUNCIL_DONE" || from === "SENT_TO_CENTRAL") return "result.manage";
  }
  return DOSSIER_ACTION_PERMISSION[action];
}
