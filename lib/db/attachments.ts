import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type Resource } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DOSSIER_MACHINE, IDEA_MACHINE, BUSINESS_PLAN_MACHINE, isEditableByOwner, isReportingPhase } from "@/lib/domain/workflow";
import { isPlanEditable } from "@/lib/domain/inspections";
import { fileStorage } from "@/lib/storage";
import { checkUpload, safeDownloadName, uploadLimitBytes } from "@/lib/storage/file-type";
import { prisma, type Tx } from "./client";
import { dossierResource, findDossier } from "./dossiers";
import { findIdea, ideaResource } from "./ideas";
import { findInspection, inspectionResource } from "./inspections";
import { findPlan, planResource } from "./plans";

// A dossier's files are its evidence: they are added with what they prove (lib/actions/dossiers),
// never through the bare upload of ideas and plans, but they download the same way. So are an
// inspection's photos and minutes (lib/actions/inspections).
export const ATTACHMENT_PARENTS = ["ProductIdea", "BusinessPlan", "Dossier", "Inspection"] as const;
export type AttachmentParentType = (typeof ATTACHMENT_PARENTS)[number];

/**
 * Files of records the public sees once they are published (catalogue photos, news covers,
 * library documents, gift-set photos, course materials). They are uploaded by the record's
 * editors and served by /api/media/[id] through lib/db/public-files.ts.
 */
export const PUBLIC_FILE_PARENTS = ["Product", "NewsArticle", "LibraryDocument", "GiftSet", "TrainingCourse"] as const;
export type PublicFileParentType = (typeof PUBLIC_FILE_PARENTS)[number];
export type AttachmentEntityType = AttachmentParentType | PublicFileParentType;

export type AttachmentParent = { type: AttachmentParentType; id: string; resource: Resource; canUpload: boolean; label: string };

/**
 * The record a file belongs to, loaded in the actor's scope: it decides who may see the file and
 * who may add one. Null when the actor may not see the record (so its files answer 404 too).
 */
export async function findAttachmentParent(actor: Actor, type: AttachmentParentType, id: string, db: Tx | typeof prisma = prisma): Promise<AttachmentParent | null> {
  if (type === "ProductIdea") {
    const idea = await findIdea(actor, id, db);
    if (!idea) return null;
    const resource = ideaResource(idea);
    return { type, id, resource, label: idea.productName, canUpload: can(actor, "idea.edit", resource) && isEditableByOwner(IDEA_MACHINE, idea.status) };
  }
  if (type === "Dossier") {
    // findDossier is the one scoped loader: producer, its ward, office, leader, and council
    // members of the dossier's round without a conflict of interest.
    const dossier = await findDossier(actor, id, db);
    if (!dossier) return null;
    const resource = dossierResource(dossier);
    return { type, id, resource, label: dossier.productName, canUpload: can(actor, "dossier.edit", resource) && isEditableByOwner(DOSSIER_MACHINE, dossier.status) };
  }
  if (type === "Inspection") {
    // The inspection's read policy: the office, leaders, its ward and its producer.
    const inspection = await findInspection(actor, id, db);
    if (!inspection) return null;
    const resource = inspectionResource(inspection);
    // Added while the inspection is open; its conclusion rests on the files it had.
    return { type, id, resource, label: inspection.certificate.productName, canUpload: can(actor, "inspection.manage", resource) && isPlanEditable(inspection.status) };
  }
  const plan = await findPlan(actor, id, db);
  if (!plan) return null;
  const resource = planResource(plan);
  const editable = can(actor, "plan.edit", resource) && isEditableByOwner(BUSINESS_PLAN_MACHINE, plan.status);
  // During implementation the producer keeps adding evidence of its milestones.
  const reporting = can(actor, "plan.reportMilestone", resource) && isReportingPhase(plan.status);
  return { type, id, resource, label: plan.idea.productName, canUpload: editable || reporting };
}

/** Live files of a record: a cap per record keeps one account from filling the disk. */
export async function countAttachments(db: Tx, parent: { type: AttachmentEntityType; id: string }) {
  return db.attachment.count({ where: { entityType: parent.type, entityId: parent.id, deletedAt: null } });
}

export async function listAttachments(parent: { type: AttachmentEntityType; id: string }) {
  return prisma.attachment.findMany({
    where: { entityType: parent.type, entityId: parent.id, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, mime: true, size: true, createdAt: true },
  });
}

/** The attachment if the actor may see the record it belongs to; null answers 404. */
export async function findAttachment(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const file = await db.attachment.findFirst({ where: { id, deletedAt: null } });
  if (!file || !(ATTACHMENT_PARENTS as readonly string[]).includes(file.entityType)) return null;
  const parent = await findAttachmentParent(actor, file.entityType as AttachmentParentType, file.entityId, db);
  return parent ? { file, parent } : null;
}

export const MAX_FILES_PER_RECORD = 40;

/**
 * Checks an uploaded file by its content and stores it as an attachment of `parent` (in the
 * caller's transaction). The declared size is checked before reading; the content decides the
 * type (a renamed executable is refused, a mislabelled PDF kept as PDF); if the row cannot be
 * written the stored bytes are removed again.
 */
export async function storeAttachment(tx: Tx, actor: Actor, parent: { type: AttachmentEntityType; id: string }, file: File, purpose = "document") {
  if ((await countAttachments(tx, parent)) >= MAX_FILES_PER_RECORD) throw new AppError("FILE_LIMIT");
  // Photos get less room than documents (lib/storage/file-type.ts).
  const maxBytes = uploadLimitBytes(purpose, env.UPLOAD_MAX_MB);
  if (file.size > maxBytes) throw new AppError("FILE_TOO_LARGE");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkUpload({ bytes, fileName: file.name, maxBytes });
  if (!check.ok) throw new AppError(check.code);
  const prefix = parent.type === "ProductIdea" ? "ideas" : parent.type === "BusinessPlan" ? "plans" : parent.type === "Dossier" ? "dossiers" : parent.type === "Inspection" ? "inspections" : "public";
  const stored = await fileStorage().put(bytes, { prefix });
  // (A failed commit can still orphan a file: see the sweeper noted in the README's future work.)
  const row = await tx.attachment
    .create({
      data: {
        entityType: parent.type,
        entityId: parent.id,
        purpose,
        storageKey: stored.key,
        fileName: safeDownloadName(file.name, check.ext),
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
  return { ...row, mime: check.mime, size: stored.size, sha256: stored.sha256 };
}
