import "server-only";
import { PUBLIC_FILE_PARENTS, type PublicFileParentType } from "./attachments";
import { prisma } from "./client";

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
