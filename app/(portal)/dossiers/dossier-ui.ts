import type { DossierState } from "@/lib/domain/workflow";

// StatusPill has tones for the ideas and plans states; dossier states borrow the one that reads
// the same way (waiting, returned, moving on, done, refused).
export const DOSSIER_TONE: Record<DossierState, string> = {
  DRAFT: "DRAFT",
  SUBMITTED: "SUBMITTED",
  RETURNED: "RETURNED",
  FORWARDED: "WARD_ACCEPTED",
  SUPPLEMENT_REQUESTED: "RETURNED",
  ADVISORY_REVIEW: "IMPLEMENTING",
  COUNCIL_SCORING: "IMPLEMENTING",
  COUNCIL_DONE: "WARD_ACCEPTED",
  SENT_TO_CENTRAL: "WARD_ACCEPTED",
  RECOGNISED: "ACCEPTED",
  NOT_RECOGNISED: "REJECTED",
  REJECTED: "REJECTED",
  WITHDRAWN: "WITHDRAWN",
};

/**
 * The catalogue key (and values) naming a field path of a dossier's field errors, so a refusal can
 * say what is missing in words: "form02.productDescription" → dossierForms.form02.productDescription,
 * "evidence.FOOD_SAFETY_CERTIFICATE" → evidenceKind.FOOD_SAFETY_CERTIFICATE, "selfScore.items.1.2"
 * → criterion 1.2 of the self-score.
 */
export function fieldLabelKey(path: string): { key: string; values?: Record<string, string> } {
  if (path.startsWith("evidence.")) return { key: `evidenceKind.${path.slice("evidence.".length)}` };
  const item = /^selfScore\.(?:items|notes|itemKnockOuts|stopEvaluations)\.(.+)$/.exec(path);
  if (item) return { key: "dossierForms.selfScoreItem", values: { code: item[1]! } };
  if (path.startsWith("selfScore")) return { key: "dossierForms.selfScore" };
  if (/^form0[123]\.[A-Za-z]+$/.test(path) || /^[A-Za-z]+$/.test(path)) return { key: `dossierForms.${path}` };
  return { key: "dossierForms.other" };
}
