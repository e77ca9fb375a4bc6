import { z } from "zod";
import { passwordIssue } from "@/lib/security/password-policy";
import { idSchema, optionalEmailSchema, optionalOf, optionalPhoneSchema } from "./common";

const required = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const count = optionalOf(z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(1_000_000, "validation.number"));

/** Mã số thuế: 10 digits, or 13 for a branch (10 digits, a hyphen, 3 digits) — Circular 105/2020/TT-BTC Art. 5. */
export const taxCodeSchema = z.string().trim().regex(/^\d{10}(-\d{3})?$/, "validation.taxCode");

export const registerProducerSchema = z
  .object({
    fullName: required(100),
    loginEmail: optionalEmailSchema,
    loginPhone: optionalPhoneSchema,
    password: z.string().min(8, "validation.passwordTooShort").max(200, "validation.tooLong"),
    passwordConfirm: z.string(),
    type: z.enum(["COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "FARM", "HOUSEHOLD_BUSINESS", "ASSOCIATION_OR_CENTRE"], { message: "validation.choose" }),
    name: required(200),
    businessRegNo: z.string().trim().max(50, "validation.tooLong").transform((s) => s || null),
    taxCode: z.union([z.literal("").transform(() => null), taxCodeSchema]),
    legalRepName: required(100),
    legalRepPosition: z.string().trim().max(100, "validation.tooLong").transform((s) => s || null),
    legalRepGender: z.enum(["FEMALE", "MALE", "OTHER"], { message: "validation.choose" }),
    legalRepEthnicity: z.string().trim().max(50, "validation.tooLong").transform((s) => s || null),
    address: z.string().trim().min(5, "validation.addressTooShort").max(300, "validation.tooLong"),
    wardId: idSchema.refine(Boolean, "validation.choose"),
    phone: optionalPhoneSchema,
    email: optionalEmailSchema,
    memberCount: count,
    workerCount: count,
  })
  .refine((v) => v.loginEmail || v.loginPhone, { path: ["loginEmail"], message: "validation.loginRequired" })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "validation.passwordMismatch" })
  .superRefine((v, ctx) => {
    const issue = passwordIssue(v.password, { email: v.loginEmail, phone: v.loginPhone });
    if (issue) ctx.addIssue({ code: "custom", path: ["password"], message: issue });
  });

export type RegisterProducerInput = z.input<typeof registerProducerSchema>;
