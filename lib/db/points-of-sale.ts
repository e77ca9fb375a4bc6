import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PointOfSaleStatus } from "@/lib/generated/prisma/enums";
import { isListed as isListedOn, searchTerms } from "@/lib/domain/catalogue";
import { isoOf, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import {
  assessCounts,
  checkPointOfSaleCompliance,
  CURRENT_POINT_OF_SALE_RULES,
  type PointOfSaleRules,
} from "@/lib/domain/points-of-sale";
import { wardInRegion } from "./admin-units";
import { listedWhere } from "./catalogue";
import { prisma, type Tx } from "./client";
import { wardPlaceScope } from "./scope";

type Db = Tx | typeof prisma;

// ---------------------------------------------------------------------------------------------
// Listed catalogue products (what a point of sale may carry and a gift set may bundle)

/** The catalogue fields that decide whether a product is listed, as the domain rule reads them. */
export const listedFields = { star: true, certificateStatus: true, certificateExpiresOn: true } as const;

export function isListed(p: { certificateStatus: string | null; certificateExpiresOn: Date | null }, today: IsoDate = vietnamDateOf(new Date())) {
  return isListedOn({ certificateStatus: p.certificateStatus, certificateExpiresOn: p.certificateExpiresOn ? isoOf(p.certificateExpiresOn) : null }, today);
}

export type ProductSuggestion = { id: string; name: string; producer: string; star: number | null };

/**
 * The product picker of the forms: listed products whose folded search text holds every word of
 * the query (trigram index on searchText), best stars first.
 */
export async function suggestListedProducts(query: string, limit = 20): Promise<ProductSuggestion[]> {
  const terms = searchTerms(query);
  const rows = await prisma.product.findMany({
    where: { AND: [listedWhere(vietnamDateOf(new Date())), ...terms.map((term) => ({ searchText: { contains: term, mode: "insensitive" as const } }))] },
    orderBy: [{ star: "desc" }, { name: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 50),
    select: { id: true, name: true, star: true, producer: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, producer: r.producer.name, star: r.star }));
}

/** The ids among `ids` that are not listed products today (unknown ids included). */
export async function unlistedProductIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const listed = await db.product.findMany({ where: { AND: [{ id: { in: ids } }, listedWhere(vietnamDateOf(new Date()))] }, select: { id: true } });
  const ok = new Set(listed.map((p) => p.id));
  return ids.filter((id) => !ok.has(id));
}

// ---------------------------------------------------------------------------------------------
// Applications

/** url-safe, 24 characters, 144 bits: the tracking page of an application cannot be guessed. */
export function newTrackingCode(): string {
  return randomBytes(18).toString("base64url");
}

export const TRACKING_CODE = /^[A-Za-z0-9_-]{16,64}$/;

export type NewPointOfSale = {
  name: string;
  operatorName: string;
  address: string;
  wardId: string;
  locationKind: Prisma.PointOfSaleCreateInput["locationKind"];
  contactName: string;
  phone: string;
  email: string | null;
  openingHours: string;
  description: string;
  totalItemCount: number;
  ocopLocalItemCount: number;
  products: { productId: string; hasOcopStamp: boolean; hasTraceStamp: boolean }[];
};

export async function createPointOfSale(tx: Tx, d: NewPointOfSale) {
  const { products, ...fields } = d;
  return tx.pointOfSale.create({
    data: { ...fields, trackingCode: newTrackingCode(), status: "SUBMITTED", products: { createMany: { data: products } } },
    select: { id: true, trackingCode: true, name: true, wardId: true, ward: { select: { name: true } } },
  });
}

// ---------------------------------------------------------------------------------------------
// The office's desk (and ward officers, read-only, in their ward)

const carriedView = {
  orderBy: { product: { name: "asc" } },
  select: {
    hasOcopStamp: true,
    hasTraceStamp: true,
    product: { select: { id: true, slug: true, name: true, ...listedFields, producer: { select: { name: true } } } },
  },
} satisfies Prisma.PointOfSale$productsArgs;

const pointOfSaleView = {
  id: true,
  trackingCode: true,
  name: true,
  operatorName: true,
  address: true,
  wardId: true,
  ward: { select: { name: true } },
  locationKind: true,
  contactName: true,
  phone: true,
  email: true,
  openingHours: true,
  description: true,
  totalItemCount: true,
  ocopLocalItemCount: true,
  status: true,
  version: true,
  reviewNote: true,
  reviewedAt: true,
  approvalDecisionNo: true,
  approvedOn: true,
  createdAt: true,
  updatedAt: true,
  products: carriedView,
} satisfies Prisma.PointOfSaleSelect;

export type PointOfSaleRecord = Prisma.PointOfSaleGetPayload<{ select: typeof pointOfSaleView }>;

export const pointOfSaleResource = (p: { id: string; wardId: string; status: string }) => ({ type: "pointOfSale", id: p.id, wardId: p.wardId, status: p.status }) as const;

export async function findPointOfSale(actor: Actor, id: string, db: Db = prisma): Promise<PointOfSaleRecord | null> {
  const found = await db.pointOfSale.findFirst({ where: { AND: [{ id }, wardPlaceScope(actor)] }, select: pointOfSaleView });
  return found && can(actor, "pointOfSale.read", pointOfSaleResource(found)) ? found : null;
}

type Carried = PointOfSaleRecord["products"][number];

/** Each carried product with its catalogue state today, and the compliance check from them. */
export function complianceOf(p: { products: Carried[]; totalItemCount: number; ocopLocalItemCount: number }, rules: PointOfSaleRules = CURRENT_POINT_OF_SALE_RULES) {
  const today = vietnamDateOf(new Date());
  const products = p.products.map((c) => ({ ...c, listed: isListed(c.product, today) }));
  const compliance = checkPointOfSaleCompliance(
    { products: products.map((c) => ({ star: c.product.star, listed: c.listed, hasOcopStamp: c.hasOcopStamp, hasTraceStamp: c.hasTraceStamp })), totalItemCount: p.totalItemCount, ocopLocalItemCount: p.ocopLocalItemCount },
    rules,
  );
  return { products, compliance };
}

export const POINT_OF_SALE_PAGE_SIZE = 20;

/** Carried products that count under the rules, per point, counted in SQL. */
export async function qualifyingCounts(ids: string[], rules: PointOfSaleRules = CURRENT_POINT_OF_SALE_RULES, db: Db = prisma): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.pointOfSaleProduct.groupBy({
    by: ["pointOfSaleId"],
    where: {
      pointOfSaleId: { in: ids },
      ...(rules.requireOcopStamp ? { hasOcopStamp: true } : {}),
      ...(rules.requireTraceStamp ? { hasTraceStamp: true } : {}),
      product: { AND: [listedWhere(vietnamDateOf(new Date())), { star: { gte: rules.minStar } }] },
    },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.pointOfSaleId, g._count._all]));
}

export type PointOfSaleFilters = {
  status?: PointOfSaleStatus;
  wardId?: string;
  /** Code of the point's province (lib/domain/places.ts). */
  provinceCode?: string;
  page?: number;
};

/** The place filters within the actor's scope: everything but the status. */
function placeWhere(actor: Actor, f: PointOfSaleFilters): Prisma.PointOfSaleWhereInput {
  return { AND: [wardPlaceScope(actor), f.wardId ? { wardId: f.wardId } : {}, f.provinceCode ? { ward: wardInRegion(f.provinceCode) } : {}] };
}

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function pointOfSaleListWhere(actor: Actor, f: PointOfSaleFilters): Prisma.PointOfSaleWhereInput {
  return { AND: [placeWhere(actor, f), f.status ? { status: f.status } : {}] };
}

export const POINT_OF_SALE_LIST_ORDER: Prisma.PointOfSaleOrderByWithRelationInput[] = [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }];

/** The desk's queue: what waits for a decision first (enum order), oldest first. */
export async function listPointsOfSale(actor: Actor, f: PointOfSaleFilters) {
  const where = pointOfSaleListWhere(actor, f);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total, byStatus] = await Promise.all([
    prisma.pointOfSale.findMany({
      where,
      orderBy: POINT_OF_SALE_LIST_ORDER,
      skip: (page - 1) * POINT_OF_SALE_PAGE_SIZE,
      take: POINT_OF_SALE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        operatorName: true,
        address: true,
        status: true,
        locationKind: true,
        totalItemCount: true,
        ocopLocalItemCount: true,
        createdAt: true,
        ward: { select: { name: true } },
        _count: { select: { products: true } },
      },
    }),
    prisma.pointOfSale.count({ where }),
    // Counts per status within the same scope and place (not the status filter): each links to its list.
    prisma.pointOfSale.groupBy({ by: ["status"], where: placeWhere(actor, f), _count: { _all: true } }),
  ]);
  const qualifying = await qualifyingCounts(rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({
      ...r,
      compliance: assessCounts({ qualifyingProducts: qualifying.get(r.id) ?? 0, totalItemCount: r.totalItemCount, ocopLocalItemCount: r.ocopLocalItemCount }),
    })),
    total,
    counts: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<Record<PointOfSaleStatus, number>>,
  };
}

/**
 * Applications waiting for the office's decision (the office hub). City-wide without an actor;
 * with one, within what that actor may see.
 */
export async function countPointsOfSaleWaiting(actor?: Actor): Promise<number> {
  return prisma.pointOfSale.count({ where: { AND: [actor ? wardPlaceScope(actor) : {}, { status: "SUBMITTED" }] } });
}

// ---------------------------------------------------------------------------------------------
// Public reads (no sign-in): approved points only, and an application by its tracking code

/** What the applicant sees by the code: the application, its decision, the check. */
export async function findPointOfSaleByTrackingCode(code: string) {
  if (!TRACKING_CODE.test(code)) return null;
  return prisma.pointOfSale.findUnique({
    where: { trackingCode: code },
    select: {
      id: true,
      name: true,
      operatorName: true,
      address: true,
      ward: { select: { name: true } },
      locationKind: true,
      totalItemCount: true,
      ocopLocalItemCount: true,
      status: true,
      reviewNote: true,
      reviewedAt: true,
      approvalDecisionNo: true,
      approvedOn: true,
      createdAt: true,
      products: carriedView,
    },
  });
}

const publicView = {
  id: true,
  name: true,
  operatorName: true,
  address: true,
  wardId: true,
  ward: { select: { name: true, code: true } },
  locationKind: true,
  phone: true,
  openingHours: true,
  description: true,
  approvalDecisionNo: true,
  approvedOn: true,
  updatedAt: true,
} satisfies Prisma.PointOfSaleSelect;

/** Carried products a visitor can open: those in the catalogue today. */
const listedCarried = (today: IsoDate) =>
  ({
    where: { product: listedWhere(today) },
    orderBy: [{ product: { star: "desc" } }, { product: { name: "asc" } }],
    select: { product: { select: { id: true, slug: true, name: true, star: true } } },
  }) satisfies Prisma.PointOfSale$productsArgs;

export const PUBLIC_POINTS_PAGE_SIZE = 20;

export async function listApprovedPointsOfSale(f: { wardIds?: string[]; page?: number }) {
  const today = vietnamDateOf(new Date());
  const where: Prisma.PointOfSaleWhereInput = { AND: [{ status: "APPROVED" }, f.wardIds ? { wardId: { in: f.wardIds } } : {}] };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.pointOfSale.findMany({
      where,
      orderBy: [{ ward: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PUBLIC_POINTS_PAGE_SIZE,
      take: PUBLIC_POINTS_PAGE_SIZE,
      select: { ...publicView, products: listedCarried(today) },
    }),
    prisma.pointOfSale.count({ where }),
  ]);
  return { rows, total };
}

export async function findApprovedPointOfSale(id: string) {
  if (id.length > 64) return null;
  return prisma.pointOfSale.findFirst({
    where: { id, status: "APPROVED" },
    select: { ...publicView, products: listedCarried(vietnamDateOf(new Date())) },
  });
}

/** Approved points of sale for the sitemap (their public pages). */
export async function sitemapPointsOfSale(): Promise<{ id: string; updatedAt: Date }[]> {
  return prisma.pointOfSale.findMany({ where: { status: "APPROVED" }, orderBy: { updatedAt: "desc" }, select: { id: true, updatedAt: true } });
}
