import "@/lib/zod-config";
import { z } from "zod";

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "validation.identifierRequired").max(200, "validation.tooLong"),
  password: z.string().min(1, "validation.passwordRequired").max(200, "validation.tooLong"),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.input<typeof signInSchema>;
