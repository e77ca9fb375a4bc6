import { z } from "zod";
import { idSchema, optionalOf, versionSchema } from "./common";
import { signedVndSchema, vndSchema } from "./money";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const isoDate = z.iso.date({ message: "validation.date" });
const optionalMoney = optionalOf(vndSchema);
const optionalSignedMoney = optionalOf(signedVndSchema);

export const STANDARDS = ["VIETGAP", "GLOBALGAP", "ORGANIC_VN", "ORGANIC_INTL", "HACCP", "ISO_22000", "ISO_9001", "FSSC_22000", "HALAL"] as const;

export const financialYearSchema = z.object({
  year: z.coerce.number({ message: "validation.number" }).int().min(2019, "validation.number").max(2100, "validation.number"),
  revenue: optionalMoney,
  cost: optionalMoney,
  // Profit may be negative in a start-up year; left empty it is revenue − cost.
  profit: optionalSignedMoney,
});

export const milestoneSchema = z.object({
  title: z.string().trim().min(2, "validation.tooShort").max(300, "validation.tooLong"),
  dueOn: isoDate,
});

export const planDraftSchema = z.object({
  planId: idSchema.optional(),
  ideaId: idSchema,
  version: versionSchema.optional(),
  market: text(5000),
  production: text(5000),
  capacity: text(2000),
  rawMaterialArea: text(3000),
  packaging: text(3000),
  standards: z.array(z.enum(STANDARDS)).max(STANDARDS.length).default([]),
  capital: text(3000),
  fundingSources: text(3000),
  labour: text(2000),
  financials: z.array(financialYearSchema).length(3),
  milestones: z.array(milestoneSchema).max(30).default([]),
});
export type PlanDraftInput = z.input<typeof planDraftSchema>;

/** What the Economic Office needs before appraising. */
const yearFigures = z.object({ revenue: z.number({ message: "validation.required" }), cost: z.number({ message: "validation.required" }) });

export const planSubmissionSchema = z.object({
  market: z.string().min(10, "validation.required"),
  rawMaterialArea: z.string().min(3, "validation.required"),
  // The office appraises the figures: all three years need revenue and cost.
  financials: z.array(yearFigures).length(3, "validation.required"),
  production: z.string().min(10, "validation.required"),
  capacity: z.string().min(3, "validation.required"),
  packaging: z.string().min(3, "validation.required"),
  capital: z.string().min(3, "validation.required"),
  labour: z.string().min(3, "validation.required"),
});

export const PLAN_ACTIONS = ["submit", "resubmit", "return", "approve", "reject", "start-implementation", "mark-ready", "withdraw"] as const;

export const planTransitionSchema = z
  .object({ planId: idSchema, action: z.enum(PLAN_ACTIONS), comment: z.string().trim().max(2000, "validation.tooLong").default("") })
  .refine((v) => !(v.action === "return" || v.action === "reject") || v.comment.length >= 3, { path: ["comment"], message: "workflow.commentRequired" });

export const planCommentSchema = z.object({ planId: idSchema, comment: z.string().trim().min(3, "validation.tooShort").max(2000, "validation.tooLong") });

export const supportActivitySchema = z.object({
  planId: idSchema,
  kind: z.enum(["TRAINING", "CONSULTING", "PACKAGING_DESIGN", "QUALITY_TESTING", "QMS_CERTIFICATION", "EQUIPMENT", "TRADE_PROMOTION", "CREDIT"], { message: "validation.choose" }),
  fundingSource: z.enum(["NATIONAL_TARGET_PROGRAMME", "PROVINCE", "CITY", "PRODUCER", "OTHER"], { message: "validation.choose" }),
  amount: optionalMoney,
  date: isoDate,
  status: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"]).default("PLANNED"),
  note: text(2000),
});
export type SupportActivityInput = z.input<typeof supportActivitySchema>;

export const milestoneReportSchema = z.object({
  planId: idSchema,
  milestoneId: idSchema,
  doneOn: isoDate,
  report: z.string().trim().min(3, "validation.tooShort").max(3000, "validation.tooLong"),
});

export const supportStatusSchema = z.object({
  planId: idSchema,
  supportId: idSchema,
  status: z.enum(["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"], { message: "validation.choose" }),
});
