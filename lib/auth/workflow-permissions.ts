import type { BusinessPlanAction, IdeaAction } from "@/lib/domain/workflow";
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
