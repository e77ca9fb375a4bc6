import type { IdeaAction } from "@/lib/domain/workflow";
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
