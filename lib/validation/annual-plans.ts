// zod schemas of the annual plan (issue 6 part 1), shared by the office's forms (zodResolver) and
// the server actions (safeParse). Messages are catalogue keys; those of this area live under
// "annualplanform" (lib/i18n/messages/*/annual-plans.json).
import { z } from "zod";
import { activityDateProblems, ANNUAL_TARGET_KINDS, FUNDING_SOURCES, TARGET_QUANTITY_MAX, targetStarProblem } from "@/lib/domain/annual-plan";
import { idSchema, optionalOf } from "./common";
import { vndSchema } from "./money";

const isoDate = z.iso.date({ message: "validation.date" });
const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? "validation.tooShort" : "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
const stepNo = z.coerce.number({ message: "validation.choose" }).int("validation.choose").min(1, "validation.choose").max(6, "validation.choose");
/** The version the form was filled from: a save by someone else in between is a conflict. */
const version = z.coerce.number({ message: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid");

const header = {
  title: text(5, 300),
  // "125/KH-UBND": the city's approving decision, once there is one.
  decisionNumber: optionalText(100),
  approvedOn: optionalOf(isoDate).optional(),
  note: optionalText(4000),
};

/** The office opens the plan of a cycle (one per cycle). */
export const annualPlanCreateSchema = z.object({
  year: z.coerce.number({ message: "validation.number" }).int("validation.number").min(2000, "validation.number").max(2100, "validation.number"),
  ...header,
});
export type AnnualPlanCreateInput = z.input<typeof annualPlanCreateSchema>;

/** The plan's header, edited under its version. */
export const annualPlanHeaderSchema = z.object({ planId: idSchema, version, ...header });
export type AnnualPlanHeaderInput = z.input<typeof annualPlanHeaderSchema>;

/**
 * A target: kind, star (product kinds only; empty = any star), ward (empty = the whole city) and
 * quantity. The ward is the target's subject, chosen by the office from the city's wards; the
 * action checks that it is one.
 */
export const annualTargetSchema = z
  .object({
    planId: idSchema,
    targetId: idSchema.optional(),
    kind: z.enum(ANNUAL_TARGET_KINDS, { message: "validation.choose" }),
    star: optionalOf(z.coerce.number({ message: "validation.choose" }).int("validation.choose")).optional(),
    wardId: optionalOf(idSchema).optional(),
    quantity: z.coerce.number({ message: "validation.number" }).int("validation.number").min(1, "annualplanform.quantityMin").max(TARGET_QUANTITY_MAX, "validation.number"),
  })
  .superRefine((v, ctx) => {
    const problem = targetStarProblem(v.kind, v.star ?? null);
    if (problem) ctx.addIssue({ code: "custom", path: ["star"], message: `annualplanform.${problem}` });
  });
export type AnnualTargetInput = z.input<typeof annualTargetSchema>;

/** A budget line: funding source, step (empty = across steps), what it pays for, amount in đồng typed the Vietnamese way. */
export const annualBudgetLineSchema = z.object({
  planId: idSchema,
  lineId: idSchema.optional(),
  source: z.enum(FUNDING_SOURCES, { message: "validation.choose" }),
  stepNo: optionalOf(stepNo).optional(),
  description: text(3, 500),
  amount: vndSchema.refine((n) => n > 0, "annualplanform.amountPositive"),
});
export type AnnualBudgetLineInput = z.input<typeof annualBudgetLineSchema>;

const activityFields = z.object({
  planId: idSchema,
  activityId: idSchema.optional(),
  stepNo,
  title: text(3, 300),
  // "Phòng Kinh tế", "UBND phường Đức Xuân", "Trung tâm Văn hóa, Thể thao và Truyền thông".
  owner: optionalText(200),
  startsOn: isoDate,
  endsOn: isoDate,
});

/**
 * An activity of one of the six steps. With the cycle's year (the form knows it; the action
 * checks again with the plan's own year), both dates must fall inside it; in any case it ends on
 * or after it starts.
 */
export function annualActivitySchemaFor(year?: number) {
  return activityFields.superRefine((v, ctx) => {
    // zod runs this even when a date failed its format check: comparing "" threw (issue 8 fuzz).
    if (!isoDate.safeParse(v.startsOn).success || !isoDate.safeParse(v.endsOn).success) return;
    const problems = activityDateProblems(v, year ?? Number(v.startsOn.slice(0, 4))).filter((p) => year !== undefined || p.code !== "outsideYear");
    for (const p of problems) {
      ctx.addIssue({ code: "custom", path: [p.field], message: `annualplanform.${p.code}` });
    }
  });
}
export const annualActivitySchema = annualActivitySchemaFor();
export type AnnualActivityInput = z.input<typeof activityFields>;

/** Marks an activity done on a day (today when empty), or undoes it. */
export const annualActivityDoneSchema = z.object({
  planId: idSchema,
  activityId: idSchema,
  done: z.boolean({ message: "validation.invalid" }),
  doneOn: optionalOf(isoDate).optional(),
});

export const annualPlanItemDeleteSchema = z.object({
  planId: idSchema,
  itemId: idSchema,
});
