import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { PUBLIC_FILE_PARENTS, type PublicFileParentType } from "./attachments";
import { prisma } from "./client";
import { productScope } from "./scope";

// Whether the record a file belongs to is public right now. A draft's files stay private (they
// answer 404 here like an unknown id) until the record is published.
const IS_PUBLIC: Record<PublicFileParentType, (id: string) => Promise<boolean>> = {
  Product: async (id) => (await prisma.product.count({ where: { id, certificateId: { not: null } } })) > 0,
  NewsArticle: async (id) => (await prisma.newsArticle.count({ where: { id, status: "PUBLISHED" } })) > 0,
  LibraryDocument: async (id) => (await prisma.libraryDocument.count({ where: { id, status: "PUBLISHED" } })) > 0,
  GiftSet: async (id) => (await prisma.giftSet.count({ where: { id, published: true } })) > 0,
  TrainingCourse: async (id) => (await prisma.trainingCourse.count({ where: { id, status: "PUBLISHED" } })) > 0,
};

/** A live file of a published record, or null (answered 404 by /api/media/[id]). */
export async function findPublicFile(id: string) {
  const file = await prisma.attachment.findFirst({
    where: { id, deletedAt: null, entityType: { in: [...PUBLIC_FILE_PARENTS] } },
    select: { storageKey: true, fileName: true, mime: true, entityType: true, entityId: true },
  });
  if (!file) return null;
  return (await IS_PUBLIC[file.entityType as PublicFileParentType](file.entityId)) ? file : null;
}

// Who may open a file of such a record before it is published: the people who edit it, so a
// desk can show a draft's cover photo or a course's materials as they will appear.
const EDITS: Record<PublicFileParentType, (actor: Actor, id: string) => Promise<boolean>> = {
  Product: async (actor, id) => {
    const product = await prisma.product.findFirst({ where: { AND: [{ id }, productScope(actor)] }, select: { id: true, producerId: true, producer: { select: { wardId: true } } } });
    return !!product && can(actor, "product.read", { type: "product", id: product.id, producerId: product.producerId, wardId: product.producer.wardId });
  },
  NewsArticle: async (actor) => can(actor, "news.manage", { type: "publication" }),
  LibraryDocument: async (actor) => can(actor, "document.manage", { type: "publication" }),
  GiftSet: async (actor) => can(actor, "giftSet.manage", { type: "publication" }),
  TrainingCourse: async (actor, id) => can(actor, "training.manage", { type: "training", id, audience: "ALL", status: "DRAFT" }),
};

/** A live file of a published record's kind that the actor edits, published or not; else null. */
export async function findEditableFile(actor: Actor, id: string) {
  const file = await prisma.attachment.findFirst({
    where: { id, deletedAt: null, entityType: { in: [...PUBLIC_FILE_PARENTS] } },
    select: { storageKey: true, fileName: true, mime: true, entityType: true, entityId: true },
  });
  if (!file) return null;
  return (await EDITS[file.entityType as PublicFileParentType](actor, file.entityId)) ? file : null;
}
