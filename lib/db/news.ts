import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";
import { prisma, type Tx } from "./client";
import { likeLiteral } from "./like";

// News articles (step 1 of the OCOP cycle: communication). The Economic Office and the city's
// Culture, Sports and Media Centre write them; the public sees only what is published.

export const NEWS_PAGE_SIZE = 12;
export const NEWS_DESK_PAGE_SIZE = 25;
export const PUBLICATION_STATES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const satisfies readonly PublicationStatus[];

const PUBLISHED = { status: "PUBLISHED" } as const satisfies Prisma.NewsArticleWhereInput;

export function canManageNews(actor: Actor | null): boolean {
  return actor !== null && can(actor, "news.manage", { type: "publication" });
}

const deskView = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  coverPhotoId: true,
  status: true,
  publishedAt: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NewsArticleSelect;

export type NewsRecord = Prisma.NewsArticleGetPayload<{ select: typeof deskView }>;

/**
 * An article as its editors load it. Articles are not scoped to a ward or a producer: whether the
 * actor may change it is the policy's answer (news.manage), asked by the action.
 */
export async function loadNewsArticle(db: Tx | typeof prisma, id: string): Promise<NewsRecord | null> {
  return db.newsArticle.findUnique({ where: { id }, select: deskView });
}

/** The article for the desk page; null (404) for anyone who does not manage news. */
export async function findNewsForDesk(actor: Actor, id: string) {
  if (!canManageNews(actor)) return null;
  const article = await prisma.newsArticle.findUnique({ where: { id }, select: deskView });
  if (!article) return null;
  const [cover, author] = await Promise.all([
    article.coverPhotoId ? prisma.attachment.findFirst({ where: { id: article.coverPhotoId, deletedAt: null }, select: { id: true, fileName: true } }) : null,
    article.authorId ? prisma.user.findUnique({ where: { id: article.authorId }, select: { name: true } }) : null,
  ]);
  return { ...article, cover, authorName: author?.name ?? null };
}

/** The desk's list: drafts first (they wait for someone), then by last change; counts per status. */
export async function listNewsForDesk(actor: Actor, f: { status?: PublicationStatus; q?: string; page?: number }) {
  if (!canManageNews(actor)) return { rows: [], total: 0, counts: {} as Partial<Record<PublicationStatus, number>> };
  const page = Math.max(1, f.page ?? 1);
  const where: Prisma.NewsArticleWhereInput = {
    AND: [f.status ? { status: f.status } : {}, f.q ? { title: { contains: likeLiteral(f.q), mode: "insensitive" } } : {}],
  };
  const [rows, total, grouped] = await Promise.all([
    prisma.newsArticle.findMany({
      where,
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      skip: (page - 1) * NEWS_DESK_PAGE_SIZE,
      take: NEWS_DESK_PAGE_SIZE,
      select: { id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true },
    }),
    prisma.newsArticle.count({ where }),
    prisma.newsArticle.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Partial<Record<PublicationStatus, number>> = {};
  for (const g of grouped) counts[g.status] = g._count._all;
  return { rows, total, counts };
}

const publicCard = { slug: true, title: true, summary: true, publishedAt: true, coverPhotoId: true } satisfies Prisma.NewsArticleSelect;

/** Public list, newest first (the publish date; an equal date falls back to the id for a stable page). */
export async function listPublishedNews(page = 1) {
  const p = Math.max(1, page);
  const [rows, total] = await Promise.all([
    prisma.newsArticle.findMany({
      where: PUBLISHED,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (p - 1) * NEWS_PAGE_SIZE,
      take: NEWS_PAGE_SIZE,
      select: publicCard,
    }),
    prisma.newsArticle.count({ where: PUBLISHED }),
  ]);
  return { rows, total };
}

/** For the home page: the latest published articles. */
export async function listLatestNews(limit: number) {
  return prisma.newsArticle.findMany({
    where: PUBLISHED,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 50),
    select: publicCard,
  });
}

/** A published article by its address; a draft or an archived article is not found. */
export async function findPublishedNews(slug: string) {
  return prisma.newsArticle.findFirst({
    where: { AND: [{ slug }, PUBLISHED] },
    select: { id: true, slug: true, title: true, summary: true, body: true, coverPhotoId: true, publishedAt: true, updatedAt: true },
  });
}

/** A few other published articles to read next. */
export async function listOtherNews(exceptId: string, limit = 3) {
  return prisma.newsArticle.findMany({
    where: { AND: [PUBLISHED, { id: { not: exceptId } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { slug: true, title: true, publishedAt: true },
  });
}

/** Addresses for the sitemap. */
export async function sitemapNews() {
  return prisma.newsArticle.findMany({ where: PUBLISHED, orderBy: { publishedAt: "desc" }, select: { slug: true, updatedAt: true } });
}
