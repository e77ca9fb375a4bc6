"use server";
import { env } from "@/lib/env";
import { countAttachments, findAttachment, findAttachmentParent, type AttachmentParent } from "@/lib/db/attachments";

const MAX_FILES_PER_RECORD = 40;
import { AppError, type ActionResult } from "@/lib/errors";
import { fileStorage } from "@/lib/storage";
import { checkUpload, safeDownloadName } from "@/lib/storage/file-type";
import { removeAttachmentSchema, uploadAttachmentSchema } from "@/lib/validation/attachments";
import { defineAction } from "./define-action";
import { isReportingPhase, type BusinessPlanState } from "@/lib/domain/workflow";

const pathOf = (type: string, id: string) => (type === "ProductIdea" ? `/ideas/${id}` : `/plans/${id}`);

const upload = defineAction({
  name: "attachment.upload",
  input: uploadAttachmentSchema,
  // The same phase rule as findAttachmentParent: while a plan is being carried out, evidence is
  // added under "report milestone"; before that, under "edit".
  permission: (_input, parent: AttachmentParent) =>
    parent.type === "ProductIdea" ? "idea.edit" : parent.resource.type === "plan" && isReportingPhase(parent.resource.status as BusinessPlanState) ? "plan.reportMilestone" : "plan.edit",
  load: ({ actor, input, tx }) => findAttachmentParent(actor, input.entityType, input.entityId, tx),
  resource: (parent) => parent.resource,
  run: async ({ actor, input, record: parent, tx }) => {
    if (!parent.canUpload) throw new AppError("INVALID_TRANSITION");
    if ((await countAttachments(tx, parent)) >= MAX_FILES_PER_RECORD) throw new AppError("FILE_LIMIT");
    const maxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);
    // The declared size is checked first: no need to copy and sniff what will be refused anyway.
    if (input.file.size > maxBytes) throw new AppError("FILE_TOO_LARGE");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    // The content decides the type: a renamed executable is refused, a mislabelled PDF kept as PDF.
    const check = checkUpload({ bytes, fileName: input.file.name, maxBytes });
    if (!check.ok) throw new AppError(check.code);
    const stored = await fileStorage().put(bytes, { prefix: parent.type === "ProductIdea" ? "ideas" : "plans" });
    // If the row cannot be written, the bytes go too (a failed commit can still orphan a file:
    // see the sweeper noted in the README's future work).
    const row = await tx.attachment
      .create({
      data: {
        entityType: parent.type,
        entityId: parent.id,
        storageKey: stored.key,
        fileName: safeDownloadName(input.file.name, check.ext),
        mime: check.mime,
        size: stored.size,
        sha256: stored.sha256,
        uploadedById: actor.userId,
      },
      select: { id: true, fileName: true },
    })
      .catch(async (error: unknown) => {
        await fileStorage().remove(stored.key);
        throw error;
      });
    return { result: row, audit: { entityType: parent.type, entityId: parent.id, after: { attachment: row.id, fileName: row.fileName, mime: check.mime, size: stored.size, sha256: stored.sha256 } } };
  },
  revalidate: (_r, input) => [pathOf(input.entityType, input.entityId)],
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadAttachment(formData: FormData): Promise<ActionResult<{ id: string; fileName: string }>> {
  return upload({ entityType: formData.get("entityType"), entityId: formData.get("entityId"), file: formData.get("file") });
}

export const removeAttachment = defineAction({
  name: "attachment.remove",
  input: removeAttachmentSchema,
  permission: (_input, found: NonNullable<Awaited<ReturnType<typeof findAttachment>>>) => (found.parent.type === "ProductIdea" ? "idea.edit" : "plan.edit"),
  load: ({ actor, input, tx }) => findAttachment(actor, input.attachmentId, tx),
  resource: (found) => found.parent.resource,
  run: async ({ record: { file, parent }, tx }) => {
    if (!parent.canUpload) throw new AppError("INVALID_TRANSITION");
    // Kept in storage and marked deleted: a file someone reviewed stays recoverable.
    await tx.attachment.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
    return { result: { id: file.id }, audit: { entityType: parent.type, entityId: parent.id, before: { attachment: file.id, fileName: file.fileName } } };
  },
  revalidate: () => [],
});
