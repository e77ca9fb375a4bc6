import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type Resource } from "@/lib/auth/policy";
import { IDEA_MACHINE, BUSINESS_PLAN_MACHINE, isEditableByOwner, isReportingPhase } from "@/lib/domain/workflow";
import { prisma, type Tx } from "./client";
import { findIdea, ideaResource } from "./ideas";
import { findPlan, planResource } from "./plans";

export const ATTACHMENT_PARENTS = ["ProductIdea", "BusinessPlan"] as const;
export type AttachmentParentType = (typeof ATTACHMENT_PARENTS)[number];

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
  const plan = await findPlan(actor, id, db);
  if (!plan) return null;
  const resource = planResource(plan);
  const editable = can(actor, "plan.edit", resource) && isEditableByOwner(BUSINESS_PLAN_MACHINE, plan.status);
  // During implementation the producer keeps adding evidence of its milestones.
  const reporting = can(actor, "plan.reportMilestone", resource) && isReportingPhase(plan.status);
  return { type, id, resource, label: plan.idea.productName, canUpload: editable || reporting };
}

/** Live files of a record: a cap per record keeps one account from filling the disk. */
export async function countAttachments(db: Tx, parent: { type: AttachmentParentType; id: string }) {
  return db.attachment.count({ where: { entityType: parent.type, entityId: parent.id, deletedAt: null } });
}

export async function listAttachments(parent: { type: AttachmentParentType; id: string }) {
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
