import { z } from "zod";
import { idSchema, optionalEmailSchema, optionalPhoneSchema, versionSchema } from "./common";

export const updateProducerContactSchema = z.object({
  producerId: idSchema,
  version: versionSchema,
  address: z.string().trim().min(5, "validation.addressTooShort").max(300, "validation.tooLong"),
  phone: optionalPhoneSchema,
  email: optionalEmailSchema,
});
export type UpdateProducerContactInput = z.input<typeof updateProducerContactSchema>;

export const verifyProducerSchema = z
  .object({
    producerId: idSchema,
    decision: z.enum(["VERIFIED", "REJECTED"]),
    note: z.string().trim().max(1000, "validation.tooLong").default(""),
  })
  .refine((v) => v.decision === "VERIFIED" || v.note.length >= 3, { path: ["note"], message: "workflow.commentRequired" });
