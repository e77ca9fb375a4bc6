"use server";
import { findAttachment, findAttachmentParent, storeAttachment, type AttachmentParent } from "@/lib/db/attachments";
import { AppError, type ActionResult } from "@/lib/errors";
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
    const row = await storeAttachment(tx, actor, parent, input.file);
    return {
      result: { id: row.id, fileName: row.fileName },
      audit: { entityType: parent.type, entityId: parent.id, after: { attachment: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
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
  permission: (_input, found: NonNullable<Awaited<ReturnType<typeof findAttachment>>>) =>
    found.parent.type === "ProductIdea" ? "idea.edit" : found.parent.type === "Dossier" ? "dossier.edit" : "plan.edit",
  load: ({ actor, input, tx }) => findAttachment(actor, input.attachmentId, tx),
  resource: (found) => found.parent.resource,
  run: async ({ record: { file, parent }, tx }) => {
    // Evidence is removed with its record (lib/actions/dossiers removeEvidence), never half of it here.
    if (parent.type === "Dossier" || !parent.canUpload) throw new AppError("INVALID_TRANSITION");
    // Kept in storage and marked deleted: a file someone reviewed stays recoverable.
    await tx.attachment.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
    return { result: { id: file.id }, audit: { entityType: parent.type, entityId: parent.id, before: { attachment: file.id, fileName: file.fileName } } };
  },
  revalidate: () => [],
});
