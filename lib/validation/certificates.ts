import { z } from "zod";
import { idSchema } from "./common";
import { decisionNumberSchema } from "./results";

/** QĐ26 Art. 8.1 [H]: the six grounds on which a recognition is revoked. */
export const REVOCATION_GROUNDS = ["A", "B", "C", "D", "E", "F"] as const;

export const revokeCertificateSchema = z.object({
  certificateId: idSchema,
  ground: z.enum(REVOCATION_GROUNDS, { message: "validation.choose" }),
  decisionNumber: decisionNumberSchema,
  decidedOn: z.iso.date({ message: "validation.date" }),
  signerName: z.string().trim().min(2, "validation.tooShort").max(200, "validation.tooLong"),
  signerTitle: z.string().trim().min(2, "validation.tooShort").max(200, "validation.tooLong"),
  // The conclusion behind the ground (inspection report, competent body's finding): kept on file.
  note: z.string().trim().min(10, "validation.tooShort").max(3000, "validation.tooLong"),
});
export type RevokeCertificateInput = z.input<typeof revokeCertificateSchema>;

export const startReEvaluationSchema = z.object({ certificateId: idSchema });
