import { z } from "zod";
import { idSchema, optionalOf, versionSchema } from "./common";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const optionalInt = optionalOf(z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(100_000, "validation.number"));

/** A draft may be saved with only a name: producers fill the form over several days. */
export const ideaDraftSchema = z.object({
  ideaId: idSchema.optional(),
  version: versionSchema.optional(),
  productName: z.string().trim().min(2, "validation.tooShort").max(200, "validation.tooLong"),
  novelty: z.enum(["NEW_PRODUCT", "EXISTING_PRODUCT"], { message: "validation.choose" }),
  criteriaSetNo: optionalOf(z.coerce.number({ message: "validation.choose" }).int("validation.choose").min(1, "validation.choose").max(26, "validation.choose")),
  description: text(5000),
  rawMaterials: text(3000),
  localLabour: text(2000),
  localWorkerCount: optionalInt,
  ideaOrigin: optionalOf(z.enum(["TRADITIONAL", "NEW"], { message: "validation.choose" })),
  localIdentity: text(3000),
  targetMarket: text(2000),
  cycleYear: z.coerce.number().int().min(2019).max(2100),
});
export type IdeaDraftInput = z.input<typeof ideaDraftSchema>;

/** What must be filled before the ward receives the idea (the four points it assesses among them). */
export const ideaSubmissionSchema = z.object({
  productName: z.string().min(2, "validation.required"),
  criteriaSetNo: z.number({ message: "validation.choose" }).int(),
  description: z.string().min(10, "validation.required"),
  rawMaterials: z.string().min(3, "validation.required"),
  localLabour: z.string().min(3, "validation.required"),
  ideaOrigin: z.enum(["TRADITIONAL", "NEW"], { message: "validation.choose" }),
  localIdentity: z.string().min(3, "validation.required"),
  targetMarket: z.string().min(3, "validation.required"),
});

export const IDEA_ACTIONS = ["submit", "resubmit", "return", "forward", "accept", "reject", "withdraw"] as const;

export const ideaTransitionSchema = z
  .object({
    ideaId: idSchema,
    action: z.enum(IDEA_ACTIONS),
    comment: z.string().trim().max(2000, "validation.tooLong").default(""),
  })
  .refine((v) => !(v.action === "return" || v.action === "reject") || v.comment.length >= 3, {
    path: ["comment"],
    message: "workflow.commentRequired",
  });

export const bulkIdeaDecisionSchema = z
  .object({
    ideaIds: z.array(idSchema).min(1, "ideas.bulkNone").max(200),
    action: z.enum(["accept", "return"]),
    comment: z.string().trim().max(2000, "validation.tooLong").default(""),
  })
  .refine((v) => v.action !== "return" || v.comment.length >= 3, { path: ["comment"], message: "workflow.commentRequired" });
