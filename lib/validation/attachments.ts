import { z } from "zod";
import { idSchema } from "./common";

export const uploadAttachmentSchema = z.object({
  entityType: z.enum(["ProductIdea", "BusinessPlan"]),
  entityId: idSchema,
  file: z.instanceof(File, { message: "validation.required" }),
});

export const removeAttachmentSchema = z.object({ attachmentId: idSchema });
