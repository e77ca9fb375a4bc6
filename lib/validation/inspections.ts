import { z } from "zod";
import { CHECKLIST_KEYS, INSPECTION_CONCLUSIONS, INSPECTION_FOLLOW_UPS, INSPECTION_KINDS, REVOCATION_GROUND_CODES, type Checklist, type ChecklistKey } from "@/lib/domain/inspections";
import { idSchema } from "./common";

// Only the shape of what the forms send. The rules that tie the checklist, the conclusion and
// the follow-up together depend on the inspection's kind as stored, so the action applies them
// (lib/domain/inspections.ts conclusionProblems) to the loaded record; the form runs the same
// function for early feedback. Producer and ward are never part of an input: they are copied
// from the certificate on the server.

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const isoDate = z.iso.date({ message: "validation.date" });
/** The version the officer read: a change on a record changed since is a conflict. */
const version = z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid");

const kind = z.enum(INSPECTION_KINDS, { message: "validation.choose" });
/** One line per member: name, position, agency. */
const team = text(2000);

export const planInspectionSchema = z.object({
  certificateId: idSchema,
  kind,
  plannedOn: isoDate,
  team: team.default(""),
});
export type PlanInspectionInput = z.input<typeof planInspectionSchema>;

export const editInspectionPlanSchema = z.object({
  inspectionId: idSchema,
  version,
  kind,
  plannedOn: isoDate,
  team: team.default(""),
});
export type EditInspectionPlanInput = z.input<typeof editInspectionPlanSchema>;

/** Calling off a planned inspection says why: the producer was told it would come. */
export const cancelInspectionSchema = z.object({
  inspectionId: idSchema,
  version,
  reason: z.string().trim().min(1, "validation.required").min(5, "validation.tooShort").max(1000, "validation.tooLong"),
});

export const CHECK_RESULTS = ["MET", "NOT_MET", "NOT_CHECKED"] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

const checklistAnswer = z.object({
  result: z.enum(CHECK_RESULTS, { message: "validation.choose" }),
  note: text(1000).default(""),
});

/** The form's three-way answer as stored: met, not met, not checked (null). */
export function toChecklist(answers: Record<ChecklistKey, { result: CheckResult; note: string }>): Checklist {
  return Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, { met: answers[k].result === "MET" ? true : answers[k].result === "NOT_MET" ? false : null, note: answers[k].note }])) as Checklist;
}

export function toCheckResult(met: boolean | null): CheckResult {
  return met === true ? "MET" : met === false ? "NOT_MET" : "NOT_CHECKED";
}

export const concludeInspectionSchema = z.object({
  inspectionId: idSchema,
  version,
  inspectedOn: isoDate,
  team: z.string().trim().min(1, "validation.required").min(2, "validation.tooShort").max(2000, "validation.tooLong"),
  checklist: z.object(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, checklistAnswer])) as Record<ChecklistKey, typeof checklistAnswer>),
  findings: text(5000).default(""),
  conclusion: z.enum(INSPECTION_CONCLUSIONS, { message: "validation.choose" }),
  followUp: z.enum(INSPECTION_FOLLOW_UPS, { message: "validation.choose" }),
  followUpNote: text(2000).default(""),
  // The select sends "" for "none".
  revocationGround: z
    .enum(["", ...REVOCATION_GROUND_CODES], { message: "validation.choose" })
    .nullable()
    .default(null)
    .transform((g) => (g ? g : null)),
});
export type ConcludeInspectionInput = z.input<typeof concludeInspectionSchema>;
export type ConcludeInspection = z.output<typeof concludeInspectionSchema>;

export const inspectionPhotoSchema = z.object({
  inspectionId: idSchema,
  file: z.instanceof(File, { message: "validation.required" }),
});

export const removeInspectionPhotoSchema = z.object({ attachmentId: idSchema });
