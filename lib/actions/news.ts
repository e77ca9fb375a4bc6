"use server";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { newsArticleSchema, newsSlug, newsTransitionSchema, type PublicationAction } from "@/lib/validation/communication";
import { storePublicFile } from "@/lib/db/documents";
import { loadNewsArticle, type NewsRecord } from "@/lib/db/news";
import { notify } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import { AppError, type ActionResult } from "@/lib/errors";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/validation/common";
import { defineAction } from "./define-action";

type Loaded = { kind: "new" } | { kind: "existing"; article: NewsRecord };

const PUBLICATION = { type: "publication" } as const;
const suffix = () => randomBytes(3).toString("hex");
const paths = (a: { id: string; slug: string }) => ["/news", `/news/${a.slug}`, "/manage/news", `/manage/news/${a.id}`, "/"];

/** Creates a draft or saves an article's text (a published article may be corrected in place). */
export const saveNewsArticle = defineAction({
  name: "news.save",
  input: newsArticleSchema,
  permission: "news.manage",
  load: async ({ input, tx }): Promise<Loaded | null> => {
    if (!input.articleId) return { kind: "new" };
    const article = await loadNewsArticle(tx, input.articleId);
    return article ? { kind: "existing", article } : null;
  },
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    const data = { title: input.title, summary: input.summary, body: input.body };
    if (record.kind === "new") {
      const created = await tx.newsArticle.create({
        data: { ...data, slug: newsSlug(input.title, suffix()), authorId: actor.userId },
        select: { id: true, slug: true, updatedAt: true },
      });
      return {
        result: { articleId: created.id, slug: created.slug, version: created.updatedAt.toISOString() },
        audit: { entityType: "NewsArticle", entityId: created.id, after: { ...data, slug: created.slug } },
      };
    }
    const before = record.article;
    if (input.version !== before.updatedAt.toISOString()) throw new AppError("CONFLICT");
    // The address follows the title until the article is first published; after that it is
    // stable, so links shared on social media and in the sitemap keep working.
    const slug = before.publishedAt === null && before.title !== input.title ? newsSlug(input.title, suffix()) : before.slug;
    const { count } = await tx.newsArticle.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data: { ...data, slug } });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.newsArticle.findUniqueOrThrow({ where: { id: before.id }, select: { updatedAt: true } });
    return {
      result: { articleId: before.id, slug, version: saved.updatedAt.toISOString() },
      audit: { entityType: "NewsArticle", entityId: before.id, before: { title: before.title, summary: before.summary, body: before.body, slug: before.slug }, after: { ...data, slug } },
    };
  },
  revalidate: (r) => paths({ id: r.articleId, slug: r.slug }),
});

// The life of a publication: drafts are published; a published item can be taken back to draft
// (to correct it out of sight) or archived; an archived one can be brought back as a draft.
const TRANSITIONS: Record<PublicationAction, { from: readonly PublicationStatus[]; to: PublicationStatus }> = {
  publish: { from: ["DRAFT"], to: "PUBLISHED" },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED" },
  restore: { from: ["ARCHIVED"], to: "DRAFT" },
};

export const transitionNews = defineAction({
  name: "news.transition",
  input: newsTransitionSchema,
  permission: "news.manage",
  load: ({ input, tx }) => loadNewsArticle(tx, input.articleId),
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    const rule = TRANSITIONS[input.action];
    if (!rule.from.includes(record.status)) throw new AppError("INVALID_TRANSITION");
    // The first publication dates the article; taking it down and putting it back (after a
    // correction) keeps that date, as a newspaper's correction does.
    const data = input.action === "publish" && record.publishedAt === null ? { status: rule.to, publishedAt: new Date() } : { status: rule.to };
    const { count } = await tx.newsArticle.updateMany({ where: { id: record.id, status: record.status }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "NewsArticle", entityId: record.id, action: input.action, fromStatus: record.status, toStatus: rule.to });
    if (input.action === "publish") {
      // The other desk (office or communications centre) learns what went out in the programme's name.
      await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }, { kind: "role", role: "COMMUNICATIONS" }], {
        kind: "news.noticePublished",
        params: { title: record.title },
        href: `/news/${record.slug}`,
      });
    }
    return {
      result: { articleId: record.id, slug: record.slug, status: rule.to },
      audit: { entityType: "NewsArticle", entityId: record.id, before: { status: record.status }, after: { status: rule.to, action: input.action } },
    };
  },
  revalidate: (r) => paths({ id: r.articleId, slug: r.slug }),
});

// Photos a browser shows in an <img>: HEIC (accepted elsewhere for evidence) is not among them.
const COVER_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const coverUpload = defineAction({
  name: "news.setCover",
  input: z.object({ articleId: idSchema, file: z.instanceof(File, { message: "validation.required" }) }),
  permission: "news.manage",
  load: ({ input, tx }) => loadNewsArticle(tx, input.articleId),
  resource: () => PUBLICATION,
  run: async ({ actor, input, record, tx }) => {
    const row = await storePublicFile(tx, actor, { type: "NewsArticle", id: record.id }, input.file, "photo", COVER_TYPES);
    // The previous cover is kept (soft-deleted) with its audit trail rather than erased.
    if (record.coverPhotoId) await tx.attachment.updateMany({ where: { id: record.coverPhotoId, deletedAt: null }, data: { deletedAt: new Date() } });
    const { count } = await tx.newsArticle.updateMany({ where: { id: record.id, coverPhotoId: record.coverPhotoId }, data: { coverPhotoId: row.id } });
    if (count !== 1) throw new AppError("CONFLICT");
    return {
      result: { articleId: record.id, slug: record.slug, fileId: row.id, fileName: row.fileName },
      audit: { entityType: "NewsArticle", entityId: record.id, before: { coverPhotoId: record.coverPhotoId }, after: { coverPhotoId: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
  },
  revalidate: (r) => paths({ id: r.articleId, slug: r.slug }),
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function setNewsCover(formData: FormData): Promise<ActionResult<{ articleId: string; slug: string; fileId: string; fileName: string }>> {
  return coverUpload({ articleId: formData.get("articleId"), file: formData.get("file") });
}

export const removeNewsCover = defineAction({
  name: "news.removeCover",
  input: z.object({ articleId: idSchema }),
  permission: "news.manage",
  load: ({ input, tx }) => loadNewsArticle(tx, input.articleId),
  resource: () => PUBLICATION,
  run: async ({ input, record, tx }) => {
    if (!record.coverPhotoId) throw new AppError("NOT_FOUND");
    await tx.attachment.updateMany({ where: { id: record.coverPhotoId, deletedAt: null }, data: { deletedAt: new Date() } });
    const { count } = await tx.newsArticle.updateMany({ where: { id: record.id, coverPhotoId: record.coverPhotoId }, data: { coverPhotoId: null } });
    if (count !== 1) throw new AppError("CONFLICT");
    return { result: { articleId: input.articleId, slug: record.slug }, audit: { entityType: "NewsArticle", entityId: record.id, before: { coverPhotoId: record.coverPhotoId }, after: { coverPhotoId: null } } };
  },
  revalidate: (r) => paths({ id: r.articleId, slug: r.slug }),
});
