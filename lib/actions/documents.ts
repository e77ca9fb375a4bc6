"use server";
import { z } from "zod";
import { documentTransitionSchema, libraryDocumentSchema, type PublicationAction } from "@/lib/validation/communication";
import { loadLibraryDocument, storePublicFile, type LibraryDocumentRecord } from "@/lib/db/documents";
import { recordStatusChange } from "@/lib/db/timeline";
import { AppError, type ActionResult } from "@/lib/errors";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { ALLOWED_UPLOAD_TYPES } from "@/lib/storage/file-type";
import { idSchema } from "@/lib/validation/common";
import { defineAction } from "./define-action";
import { isoOf } from "@/lib/domain/dates";

type Loaded = { kind: "new" } | { kind: "existing"; doc: LibraryDocumentRecord };

const PUBLICATION = { type: "publication" } as const;
const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const paths = (id: string) => ["/documents", "/manage/documents", `/manage/documents/${id}`];

/** Creates a draft entry or saves its details. */
export const saveLibraryDocument = defineAction({
  name: "document.save",
  input: libraryDocumentSchema,
  permission: "document.manage",
  load: async ({ input, tx }): Promise<Loaded | null> => {
    if (!input.documentId) return { kind: "new" };
    const doc = await loadLibraryDocument(tx, input.documentId);
    return doc ? { kind: "existing", doc } : null;
  },
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    const data = { title: input.title, number: input.number, issuedOn: day(input.issuedOn), issuer: input.issuer, kind: input.kind, summary: input.summary };
    const audited = { ...data, issuedOn: input.issuedOn };
    if (record.kind === "new") {
      const created = await tx.libraryDocument.create({ data: { ...data, createdById: actor.userId }, select: { id: true, updatedAt: true } });
      return { result: { documentId: created.id, version: created.updatedAt.toISOString() }, audit: { entityType: "LibraryDocument", entityId: created.id, after: audited } };
    }
    const before = record.doc;
    if (input.version !== before.updatedAt.toISOString()) throw new AppError("CONFLICT");
    const { count } = await tx.libraryDocument.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.libraryDocument.findUniqueOrThrow({ where: { id: before.id }, select: { updatedAt: true } });
    return {
      result: { documentId: before.id, version: saved.updatedAt.toISOString() },
      audit: {
        entityType: "LibraryDocument",
        entityId: before.id,
        before: { title: before.title, number: before.number, issuedOn: before.issuedOn ? isoOf(before.issuedOn) : null, issuer: before.issuer, kind: before.kind, summary: before.summary },
        after: audited,
      },
    };
  },
  revalidate: (r) => paths(r.documentId),
});

// Same life as a news article: draft → published ⇄ draft; archived and restored as a draft.
const TRANSITIONS: Record<PublicationAction, { from: readonly PublicationStatus[]; to: PublicationStatus }> = {
  publish: { from: ["DRAFT"], to: "PUBLISHED" },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED" },
  restore: { from: ["ARCHIVED"], to: "DRAFT" },
};

export const transitionDocument = defineAction({
  name: "document.transition",
  input: documentTransitionSchema,
  permission: "document.manage",
  load: ({ input, tx }) => loadLibraryDocument(tx, input.documentId),
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    const rule = TRANSITIONS[input.action];
    if (!rule.from.includes(record.status)) throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.libraryDocument.updateMany({ where: { id: record.id, status: record.status }, data: { status: rule.to } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "LibraryDocument", entityId: record.id, action: input.action, fromStatus: record.status, toStatus: rule.to });
    return {
      result: { documentId: record.id, status: rule.to },
      audit: { entityType: "LibraryDocument", entityId: record.id, before: { status: record.status }, after: { status: rule.to, action: input.action } },
    };
  },
  revalidate: (r) => paths(r.documentId),
});

const fileUpload = defineAction({
  name: "document.setFile",
  input: z.object({ documentId: idSchema, file: z.instanceof(File, { message: "validation.required" }) }),
  permission: "document.manage",
  load: ({ input, tx }) => loadLibraryDocument(tx, input.documentId),
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    // The library holds documents (PDF, Word, Excel), not photos.
    const row = await storePublicFile(tx, actor, { type: "LibraryDocument", id: record.id }, input.file, "document", ALLOWED_UPLOAD_TYPES.documents);
    // A replaced file stays on record (soft-deleted): which text was published when is evidence.
    if (record.fileId) await tx.attachment.updateMany({ where: { id: record.fileId, deletedAt: null }, data: { deletedAt: new Date() } });
    const { count } = await tx.libraryDocument.updateMany({ where: { id: record.id, fileId: record.fileId }, data: { fileId: row.id } });
    if (count !== 1) throw new AppError("CONFLICT");
    return {
      result: { documentId: record.id, fileId: row.id, fileName: row.fileName },
      audit: { entityType: "LibraryDocument", entityId: record.id, before: { fileId: record.fileId }, after: { fileId: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
  },
  revalidate: (r) => paths(r.documentId),
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function setDocumentFile(formData: FormData): Promise<ActionResult<{ documentId: string; fileId: string; fileName: string }>> {
  return fileUpload({ documentId: formData.get("documentId"), file: formData.get("file") });
}

export const removeDocumentFile = defineAction({
  name: "document.removeFile",
  input: z.object({ documentId: idSchema }),
  permission: "document.manage",
  load: ({ input, tx }) => loadLibraryDocument(tx, input.documentId),
  resource: () => PUBLICATION,
  run: async ({ record, tx }) => {
    if (!record.fileId) throw new AppError("NOT_FOUND");
    await tx.attachment.updateMany({ where: { id: record.fileId, deletedAt: null }, data: { deletedAt: new Date() } });
    const { count } = await tx.libraryDocument.updateMany({ where: { id: record.id, fileId: record.fileId }, data: { fileId: null } });
    if (count !== 1) throw new AppError("CONFLICT");
    return { result: { documentId: record.id }, audit: { entityType: "LibraryDocument", entityId: record.id, before: { fileId: record.fileId }, after: { fileId: null } } };
  },
  revalidate: (r) => paths(r.documentId),
});
