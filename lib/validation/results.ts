import { z } from "zod";
import { normaliseDecisionNumber } from "@/lib/domain/certificate-numbers";
import { idSchema } from "./common";

// Council results after scoring (Economic Office): check, send back, decisions, release, referral outcomes.

const isoDate = z.iso.date({ message: "validation.date" });
const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? "validation.tooShort" : "validation.required").max(max, "validation.tooLong");
export const LEVELS = ["DISTRICT", "PROVINCE", "CENTRAL"] as const;

/** Decision numbers are free text as signed ("2150/QĐ-UBND"); spacing is normalised. */
export const decisionNumberSchema = z
  .string()
  .transform(normaliseDecisionNumber)
  .pipe(z.string().min(1, "validation.required").max(100, "validation.tooLong"));

export const resultRefSchema = z.object({ dossierId: idSchema });

export const returnResultSchema = z.object({
  dossierId: idSchema,
  note: text(3, 2000),
});

export const recognitionDecisionSchema = z.object({
  roundId: idSchema,
  number: decisionNumberSchema,
  signedOn: isoDate,
  signerName: text(2, 200),
  signerTitle: text(2, 200),
  note: z.string().trim().max(2000, "validation.tooLong").default(""),
});
export type RecognitionDecisionInput = z.input<typeof recognitionDecisionSchema>;

export const releaseSchema = z.object({
  roundId: idSchema,
  // Empty when nothing of the round is recognised (only refusals, rejections and referrals).
  decisionId: z.union([z.literal("").transform(() => null), idSchema]).nullable().default(null),
});

const optionalStar = z.union([z.literal("").transform(() => null), z.null(), z.coerce.number({ message: "validation.number" }).int("validation.number").min(1, "validation.number").max(5, "validation.number")]);
const average = z.number({ message: "validation.number" }).min(0, "validation.number").max(100, "validation.number");
// Typed the Vietnamese way too ("89,5").
const optionalAverage = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z
    .string()
    .trim()
    .transform((s) => Number(s.replace(",", ".")))
    .pipe(average),
  average,
]);

/**
 * What came back from the higher level. A recognised star (3–5) needs the decision that
 * recognised it; "no star" (the centre did not recognise, nor did the province on its result)
 * needs only the date of the answer.
 */
export const referralOutcomeSchema = z
  .object({
    referralId: idSchema,
    star: optionalStar,
    average: optionalAverage,
    decidedOn: isoDate,
    decisionNumber: z.union([z.literal(""), decisionNumberSchema]).default(""),
    level: z.union([z.literal("").transform(() => null), z.enum(LEVELS, { message: "validation.choose" })]).nullable().default(null),
    signerName: z.string().trim().max(200, "validation.tooLong").default(""),
    signerTitle: z.string().trim().max(200, "validation.tooLong").default(""),
    note: z.string().trim().max(2000, "validation.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.star === null || v.star < 3) return;
    if (!v.decisionNumber) ctx.addIssue({ code: "custom", path: ["decisionNumber"], message: "validation.required" });
    if (!v.level) ctx.addIssue({ code: "custom", path: ["level"], message: "validation.choose" });
    if (v.signerTitle.length < 2) ctx.addIssue({ code: "custom", path: ["signerTitle"], message: "validation.required" });
  });
export type ReferralOutcomeInput = z.input<typeof referralOutcomeSchema>;
