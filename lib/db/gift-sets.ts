import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { vietnamDateOf } from "@/lib/domain/dates";
import { prisma, type Tx } from "./client";
import { isListed, listedFields } from "./points-of-sale";

type Db = Tx | typeof prisma;

// Gift sets (bộ quà tặng OCOP) are publications: the Economic Office writes and publishes them,
// anyone reads a published one. No national rule governs them (ocop-domain.md §8).

const itemsView = {
  orderBy: [{ position: "asc" }, { productId: "asc" }],
  select: {
    position: true,
    note: true,
    product: { select: { id: true, slug: true, name: true, ...listedFields, producer: { select: { name: true } } } },
  },
} satisfies Prisma.GiftSet$itemsArgs;

const giftSetView = {
  id: true,
  slug: true,
  name: true,
  story: true,
  occasion: true,
  priceVnd: true,
  published: true,
  publishedAt: true,
  coverPhotoId: true,
  createdAt: true,
  updatedAt: true,
  items: itemsView,
} satisfies Prisma.GiftSetSelect;

export type GiftSetRecord = Prisma.GiftSetGetPayload<{ select: typeof giftSetView }>;

export const GIFT_SET_RESOURCE = { type: "publication" } as const;

/** A gift set for the office's desk (drafts included); null for anyone who may not manage them. */
export async function findGiftSet(actor: Actor, id: string, db: Db = prisma): Promise<GiftSetRecord | null> {
  if (!can(actor, "giftSet.manage", GIFT_SET_RESOURCE)) return null;
  return db.giftSet.findUnique({ where: { id }, select: giftSetView });
}

export const GIFT_SET_PAGE_SIZE = 20;

export async function listGiftSets(actor: Actor, f: { published?: boolean; page?: number }) {
  if (!can(actor, "giftSet.manage", GIFT_SET_RESOURCE)) return { rows: [], total: 0, counts: { published: 0, draft: 0 } };
  const where: Prisma.GiftSetWhereInput = f.published === undefined ? {} : { published: f.published };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total, byState] = await Promise.all([
    prisma.giftSet.findMany({
      where,
      // Drafts (being prepared) first, then the newest published.
      orderBy: [{ published: "asc" }, { updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * GIFT_SET_PAGE_SIZE,
      take: GIFT_SET_PAGE_SIZE,
      select: { id: true, slug: true, name: true, occasion: true, priceVnd: true, published: true, publishedAt: true, updatedAt: true, _count: { select: { items: true } } },
    }),
    prisma.giftSet.count({ where }),
    prisma.giftSet.groupBy({ by: ["published"], _count: { _all: true } }),
  ]);
  const count = (p: boolean) => byState.find((g) => g.published === p)?._count._all ?? 0;
  return { rows, total, counts: { published: count(true), draft: count(false) } };
}

/** Each item with whether its product is still in the catalogue today. */
export function withListing<T extends { product: { certificateStatus: string | null; certificateExpiresOn: Date | null } }>(items: T[]) {
  const today = vietnamDateOf(new Date());
  return items.map((i) => ({ ...i, listed: isListed(i.product, today) }));
}

// ---------------------------------------------------------------------------------------------
// Public reads

/** Published gift sets, newest first (the public list, the home page). */
export async function listPublishedGiftSets(limit: number) {
  return prisma.giftSet.findMany({
    where: { published: true },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: { id: true, slug: true, name: true, occasion: true, story: true, priceVnd: true, coverPhotoId: true, publishedAt: true, _count: { select: { items: true } } },
  });
}

export async function findPublishedGiftSet(slug: string) {
  if (slug.length > 120) return null;
  return prisma.giftSet.findFirst({ where: { slug, published: true }, select: giftSetView });
}

export async function sitemapGiftSets(): Promise<{ slug: string; updatedAt: Date }[]> {
  return prisma.giftSet.findMany({ where: { published: true }, orderBy: { updatedAt: "desc" }, select: { slug: true, updatedAt: true } });
}
