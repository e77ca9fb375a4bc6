import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { productSearchText, productSlug, searchTerms } from "@/lib/domain/catalogue";
import type { IsoDate } from "@/lib/domain/dates";
import { listedWhere } from "./catalogue";
import { prisma, type Tx } from "./client";
import { productScope } from "./scope";

/**
 * The catalogue product a new certificate recognises. A re-evaluation or upgrade keeps the
 * product of the certificate it builds on (its page and printed QR code stay the same; the name
 * follows the new dossier); a first recognition creates the product. The certificate row then
 * names the product and a trigger copies star, status and dates onto it.
 */
export async function catalogueProductFor(
  tx: Tx,
  dossier: { producerId: string; productName: string; criteriaSetNo: number; previousCertificateId: string | null },
): Promise<string> {
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: dossier.producerId }, select: { name: true, ward: { select: { name: true } } } });
  const searchText = productSearchText({ productName: dossier.productName, producerName: producer.name, wardName: producer.ward.name });
  if (dossier.previousCertificateId) {
    const previous = await tx.certificate.findUnique({ where: { id: dossier.previousCertificateId }, select: { productId: true } });
    if (previous?.productId) {
      await tx.product.update({ where: { id: previous.productId }, data: { name: dossier.productName, criteriaSetNo: dossier.criteriaSetNo, searchText } });
      return previous.productId;
    }
  }
  const product = await tx.product.create({
    data: {
      slug: productSlug(dossier.productName, randomBytes(3).toString("hex")),
      producerId: dossier.producerId,
      name: dossier.productName,
      criteriaSetNo: dossier.criteriaSetNo,
      searchText,
    },
    select: { id: true },
  });
  return product.id;
}

// ---------------------------------------------------------------------------------------------
// The product profile in the portal (/manage/products): the producer's own products, a ward's,
// all of them for the office; loaded in scope, so another producer's product answers 404.

export const productResource = (p: { id: string; producerId: string; producer: { wardId: string } }) =>
  ({ type: "product", id: p.id, producerId: p.producerId, wardId: p.producer.wardId }) as const;

const profileView = {
  id: true,
  slug: true,
  name: true,
  producerId: true,
  summary: true,
  story: true,
  packaging: true,
  priceFromVnd: true,
  qualitySystems: true,
  ecommerceLinks: true,
  livestreams: true,
  website: true,
  coverPhotoId: true,
  star: true,
  certificateStatus: true,
  certificateExpiresOn: true,
  updatedAt: true,
  producer: { select: { id: true, name: true, wardId: true, ward: { select: { name: true } } } },
  criteriaSet: { select: { no: true, name: true } },
  certificate: { select: { id: true, number: true } },
} satisfies Prisma.ProductSelect;

export type ProductProfileRecord = Prisma.ProductGetPayload<{ select: typeof profileView }>;

/** The product if the actor may read it; null answers 404. */
export async function findProductProfile(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<ProductProfileRecord | null> {
  const product = await db.product.findFirst({ where: { AND: [{ id }, productScope(actor)] }, select: profileView });
  return product && can(actor, "product.read", productResource(product)) ? product : null;
}

/** Live photos of a product (loaded in scope by the caller), in the order they were added. */
export async function listProductPhotos(product: { id: string }, db: Tx | typeof prisma = prisma) {
  return db.attachment.findMany({
    where: { entityType: "Product", entityId: product.id, purpose: "photo", deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, size: true, createdAt: true },
  });
}

export const PRODUCT_PAGE_SIZE = 25;
export const PRODUCT_LIST_STATES = ["listed", "unlisted", "incomplete"] as const;
export type ProductListState = (typeof PRODUCT_LIST_STATES)[number];

export type ProductListFilters = { q?: string; state?: ProductListState; page?: number };

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function productListWhere(actor: Actor, f: ProductListFilters, today: IsoDate): Prisma.ProductWhereInput {
  const terms = f.q ? searchTerms(f.q) : [];
  const listed = listedWhere(today);
  const state: Prisma.ProductWhereInput =
    f.state === "listed" ? listed : f.state === "unlisted" ? { NOT: listed } : f.state === "incomplete" ? { AND: [listed, { OR: [{ summary: "" }, { coverPhotoId: null }] }] } : {};
  return { AND: [productScope(actor), state, ...terms.map((t) => ({ searchText: { contains: t } }))] };
}

export const PRODUCT_LIST_ORDER: Prisma.ProductOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];

/**
 * The products an actor looks after, with the catalogue state of each. "incomplete" finds the
 * listed products whose public page still lacks a summary or a photo: what a producer should
 * fill in next.
 */
export async function listProductProfiles(actor: Actor, f: ProductListFilters, today: IsoDate) {
  const where = productListWhere(actor, f, today);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.product.findMany({
      where,
      orderBy: PRODUCT_LIST_ORDER,
      skip: (page - 1) * PRODUCT_PAGE_SIZE,
      take: PRODUCT_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        name: true,
        star: true,
        certificateStatus: true,
        certificateExpiresOn: true,
        coverPhotoId: true,
        summary: true,
        updatedAt: true,
        producer: { select: { name: true, ward: { select: { name: true } } } },
      },
    }),
    prisma.product.count({ where }),
  ]);
  return { rows, total };
}
