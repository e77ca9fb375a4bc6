import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProducerType } from "@/lib/generated/prisma/enums";
import { LISTED_CERTIFICATE_STATUSES, type CatalogueSort } from "@/lib/domain/catalogue";
import { dateOf, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { ttlCache } from "@/lib/cache/ttl";
import { wardPlaces, wardWithRegionSelect, withRegion, type WardWithRegion } from "./admin-units";
import { latestAuditId } from "./audit";
import { prisma } from "./client";

// The public catalogue: anonymous reads, so nothing here takes an actor. What a visitor may see
// is decided by one rule, the listing rule (lib/domain/catalogue.ts isListed), written below once
// for Prisma and once for SQL from the same constants.

const vietnamToday = () => vietnamDateOf(new Date());

/** Listed products as a Prisma condition (AND it with others, never spread it). */
export function listedWhere(today: IsoDate): Prisma.ProductWhereInput {
  return { certificateStatus: { in: [...LISTED_CERTIFICATE_STATUSES] }, certificateExpiresOn: { gte: dateOf(today) } };
}

/** Listed products as SQL over the alias `p` of "Product". */
export function listedSql(today: IsoDate): Prisma.Sql {
  return listedSqlOf(LISTED_CERTIFICATE_STATUSES, today);
}

/** The rule for some of the listed statuses (the catalogue page reads them one at a time). */
function listedSqlOf(statuses: readonly (typeof LISTED_CERTIFICATE_STATUSES)[number][], today: IsoDate): Prisma.Sql {
  const list = Prisma.join(statuses.map((s) => Prisma.sql`${s}::"CertificateStatus"`));
  return Prisma.sql`p."certificateStatus" IN (${list}) AND p."certificateExpiresOn" >= ${today}::date`;
}

export const CATALOGUE_PAGE_SIZE = 24;

export type CatalogueQuery = {
  /** Folded search words (lib/domain/catalogue.ts searchTerms); each must occur in Product.searchText. */
  terms: string[];
  star?: number;
  /** The criteria sets of the chosen category or group (QĐ26 Annex I). */
  criteriaSetNos?: number[];
  /** GSO codes of the producer's ward or commune (one ward, or a province's). */
  wardCodes?: string[];
  producerType?: ProducerType;
  sort: CatalogueSort;
  page: number;
  pageSize?: number;
};

const ORDER: Record<CatalogueSort, Prisma.Sql> = {
  newest: Prisma.sql`p."certificateIssuedOn" DESC, p.id DESC`,
  stars: Prisma.sql`p.star DESC, p."certificateIssuedOn" DESC, p.id DESC`,
  // searchText starts with the folded product name: A–Z without "Đ" sorting after "Z".
  name: Prisma.sql`p."searchText" ASC, p.id ASC`,
};

/**
 * The catalogue's SQL, page and count, exactly as searchCatalogue runs them (the EXPLAIN test
 * reads these). Each word is its own ILIKE so the trigram index (Product_searchText_trgm_idx)
 * serves every one; filters on the producer are subqueries on its keys, so the count needs no
 * join unless one is chosen.
 *
 * The page is read once per listed certificate status and merged: "status = X ORDER BY issued
 * date" walks the (certificateStatus, certificateIssuedOn) and (certificateStatus, star)
 * indexes in order and stops after the page, where "status IN (…)" would sort every listed
 * product first (PostgreSQL 15 cannot read an index in order under IN).
 */
export function catalogueSql(q: CatalogueQuery, today: IsoDate): { page: Prisma.Sql; count: Prisma.Sql } {
  const conditions: Prisma.Sql[] = [];
  for (const term of q.terms) conditions.push(Prisma.sql`p."searchText" ILIKE ${`%${term}%`}`);
  if (q.star !== undefined) conditions.push(Prisma.sql`p.star = ${q.star}::int`);
  if (q.criteriaSetNos) {
    conditions.push(q.criteriaSetNos.length ? Prisma.sql`p."criteriaSetNo" IN (${Prisma.join(q.criteriaSetNos.map((n) => Prisma.sql`${n}::int`))})` : Prisma.sql`FALSE`);
  }
  if (q.wardCodes !== undefined || q.producerType !== undefined) {
    const producer: Prisma.Sql[] = [];
    if (q.wardCodes !== undefined) {
      producer.push(q.wardCodes.length ? Prisma.sql`f."wardId" IN (SELECT u.id FROM "AdminUnit" u WHERE u.code IN (${Prisma.join(q.wardCodes)}))` : Prisma.sql`FALSE`);
    }
    if (q.producerType !== undefined) producer.push(Prisma.sql`f.type = ${q.producerType}::"ProducerType"`);
    conditions.push(Prisma.sql`p."producerId" IN (SELECT f.id FROM "Producer" f WHERE ${Prisma.join(producer, " AND ")})`);
  }
  const size = q.pageSize ?? CATALOGUE_PAGE_SIZE;
  const offset = (Math.max(1, q.page) - 1) * size;
  const order = ORDER[q.sort];
  const columns = Prisma.sql`p.id, p.slug, p.name, p.star, p."certificateIssuedOn", p."coverPhotoId", p."producerId", p."searchText"`;
  const perStatus = LISTED_CERTIFICATE_STATUSES.map(
    (status) => Prisma.sql`(SELECT ${columns} FROM "Product" p
      WHERE ${Prisma.join([listedSqlOf([status], today), ...conditions], " AND ")}
      ORDER BY ${order} LIMIT ${offset + size}::int)`,
  );
  const page = Prisma.sql`
    SELECT p.id, p.slug, p.name, p.star, p."certificateIssuedOn" AS "issuedOn", p."coverPhotoId",
           pr.name AS "producerName", pr.type AS "producerType", w.name AS "wardName"
      FROM (${Prisma.join(perStatus, " UNION ALL ")}) p
      JOIN "Producer" pr ON pr.id = p."producerId"
      JOIN "AdminUnit" w ON w.id = pr."wardId"
     ORDER BY ${order}
     LIMIT ${size}::int OFFSET ${offset}::int`;
  const count = Prisma.sql`SELECT count(*)::int AS n FROM "Product" p WHERE ${Prisma.join([listedSql(today), ...conditions], " AND ")}`;
  return { page, count };
}

export type CatalogueCard = {
  id: string;
  slug: string;
  name: string;
  star: number;
  issuedOn: Date;
  coverPhotoId: string | null;
  producerName: string;
  producerType: ProducerType;
  wardName: string;
};

export async function searchCatalogue(q: CatalogueQuery, today: IsoDate): Promise<{ rows: CatalogueCard[]; total: number }> {
  const sql = catalogueSql(q, today);
  const [rows, counted] = await Promise.all([prisma.$queryRaw<CatalogueCard[]>(sql.page), prisma.$queryRaw<{ n: number }[]>(sql.count)]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** Listed products for the home page, newest recognition first. */
export async function listFeaturedProducts(limit: number, today: IsoDate = vietnamToday()) {
  const { rows } = await searchCatalogue({ terms: [], sort: "newest", page: 1, pageSize: Math.max(1, Math.min(limit, 48)) }, today);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, star: r.star, producerName: r.producerName, wardName: r.wardName, coverPhotoId: r.coverPhotoId }));
}

/** Every listed product's address and last change, for the sitemap. */
export async function sitemapProducts(today: IsoDate = vietnamToday()) {
  return prisma.product.findMany({ where: listedWhere(today), select: { slug: true, updatedAt: true }, orderBy: { certificateIssuedOn: "desc" } });
}


// ---------------------------------------------------------------------------------------------
// Filter choices

export type CatalogueGroupOption = { key: string; label: string; criteriaSetNos: number[] };
export type CatalogueCategoryOption = CatalogueGroupOption & { groups: CatalogueGroupOption[] };

/**
 * The QĐ26 Annex I classification as filter choices: a category ("I") or one of its groups
 * ("I.3"), each with the criteria sets it covers (through its sub-groups where it has them).
 */
export const classificationOptions = cache(async (): Promise<CatalogueCategoryOption[]> => {
  const categories = await prisma.productCategory.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      name: true,
      groups: { orderBy: { no: "asc" }, select: { no: true, name: true, criteriaSetNo: true, subGroups: { select: { criteriaSetNo: true } } } },
    },
  });
  return categories.map((c) => {
    const groups = c.groups.map((g) => ({
      key: `${c.code}.${g.no}`,
      label: g.name,
      criteriaSetNos: [...new Set([...(g.criteriaSetNo ? [g.criteriaSetNo] : []), ...g.subGroups.map((s) => s.criteriaSetNo)])].sort((a, b) => a - b),
    }));
    return { key: c.code, label: c.name, criteriaSetNos: [...new Set(groups.flatMap((g) => g.criteriaSetNos))].sort((a, b) => a - b), groups };
  });
});

// Which wards have listed products changes a few times a year, yet finding out reads every listed
// product (about 600 ms at 100,000 products). Each server instance keeps the answer until the next
// audited change (every write adds an audit entry), so a ward whose first product was just
// recognised is offered, and its link from the dashboard filters, at once.
const listedWardsCache = ttlCache<WardWithRegion[]>({ ttlMs: 5 * 60_000, max: 4 });
const listedWards = async (today: IsoDate) =>
  listedWardsCache(`${today}|${await latestAuditId()}`, () =>
    prisma.adminUnit
      .findMany({
        where: { kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, producers: { some: { products: { some: listedWhere(today) } } } },
        orderBy: [{ name: "asc" }, { code: "asc" }],
        select: wardWithRegionSelect,
      })
      .then((rows) => rows.map(withRegion)),
  );

/** The catalogue's filter choices: the classification, and the wards worth offering. */
export const catalogueFilterOptions = cache(async () => {
  const [categories, wards] = await Promise.all([classificationOptions(), listedWards(vietnamToday())]);
  return { categories, places: wardPlaces(wards, "code") };
});

/** The criteria sets of a category or group key from the URL; undefined for an unknown key. */
export function criteriaSetsOfGroup(categories: CatalogueCategoryOption[], key: string | undefined): number[] | undefined {
  if (!key) return undefined;
  for (const c of categories) {
    if (c.key === key) return c.criteriaSetNos;
    const g = c.groups.find((x) => x.key === key);
    if (g) return g.criteriaSetNos;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The product page

const SLUG = /^[a-z0-9-]{1,100}$/;

/**
 * Everything the public page of a product shows, by its address. A product whose certificate
 * was revoked or expired keeps its page (its QR code is printed on packaging) and the page says
 * so; one without any certificate has no page. Where-to-buy and fairs only list what is public:
 * approved points of sale, confirmed entries of published fairs that have not ended.
 */
export const findCatalogueProduct = cache(async (slug: string, today: IsoDate) => {
  if (!SLUG.test(slug)) return null;
  const product = await prisma.product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      story: true,
      packaging: true,
      priceFromVnd: true,
      qualitySystems: true,
      ecommerceLinks: true,
      livestreams: true,
      website: true,
      coverPhotoId: true,
      updatedAt: true,
      certificateId: true,
      producer: { select: { name: true, type: true, ward: { select: { name: true, code: true } } } },
      criteriaSet: { select: { no: true, name: true } },
      certificate: {
        select: {
          number: true,
          verifyCode: true,
          status: true,
          star: true,
          level: true,
          issuedOn: true,
          expiresOn: true,
          revokedOn: true,
          revocationGround: true,
          decision: { select: { number: true, signedOn: true, signerName: true, signerTitle: true } },
          revocationDecision: { select: { number: true, signedOn: true } },
          nextDossiers: { select: { status: true, evaluationType: true } },
        },
      },
      rawMaterialAreas: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, areaHa: true, kind: true, subject: true, standard: true, standardCertificateNo: true, standardExpiresOn: true, ward: { select: { name: true } } },
      },
      pointsOfSale: {
        where: { pointOfSale: { status: "APPROVED" } },
        orderBy: { pointOfSale: { name: "asc" } },
        select: { pointOfSale: { select: { id: true, name: true, address: true, phone: true, openingHours: true, ward: { select: { name: true } } } } },
      },
      eventEntries: {
        where: { status: "CONFIRMED", event: { status: "PUBLISHED", endsOn: { gte: dateOf(today) } } },
        orderBy: { event: { startsOn: "asc" } },
        select: { event: { select: { id: true, slug: true, name: true, startsOn: true, endsOn: true, place: true } } },
      },
    },
  });
  if (!product?.certificate) return null;
  const photos = await prisma.attachment.findMany({
    where: { entityType: "Product", entityId: product.id, purpose: "photo", deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true },
  });
  // The cover first, then the others in the order they were added.
  photos.sort((a, b) => Number(b.id === product.coverPhotoId) - Number(a.id === product.coverPhotoId));
  return { ...product, certificate: product.certificate, photos };
});

export type CatalogueProduct = NonNullable<Awaited<ReturnType<typeof findCatalogueProduct>>>;
