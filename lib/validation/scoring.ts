import { z } from "zod";
import { idSchema, versionSchema } from "./common";
import { sheetAnswersSchema } from "./sheet-answers";

// "Ý kiến của người đánh giá" at the foot of every Annex II sheet.
const commentSchema = z.string().trim().max(4000, "validation.tooLong").default("");

/**
 * A council member's sheet as the scoring screen sends it. `version` is the updatedAt of the
 * sheet the screen was working on (absent for a first save): a save from a stale tab is a
 * CONFLICT, never a silent overwrite.
 */
export const scoreDraftSchema = z.object({
  dossierId: idSchema,
  version: versionSchema.optional(),
  answers: sheetAnswersSchema,
  comment: commentSchema,
});
export type ScoreDraftInput = z.input<typeof scoreDraftSchema>;

/** Submitting sends the final answers too, so what is locked is exactly what the member saw. */
export const submitScoreSchema = scoreDraftSchema;

export const reopenSheetSchema = z.object({
  dossierId: idSchema,
  userId: idSchema,
  reason: z.string().trim().min(10, "council.reasonRequired").max(2000, "validation.tooLong"),
});

export const remindSchema = z.object({
  roundId: idSchema,
  /** One member; absent reminds every member with a sheet still to submit. */
  userId: idSchema.optional(),
});

export const closeScoringSchema = z.object({
  dossierId: idSchema,
  /** The chair's record that a discussion of a spread above the threshold is closed. */
  discussionNote: z.string().trim().max(4000, "validation.tooLong").default(""),
});
