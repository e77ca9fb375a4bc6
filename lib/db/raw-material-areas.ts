import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type Resource } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RawMaterialStandard } from "@/lib/generated/prisma/enums";
import { prisma, type Tx } from "./client";
import { productScope, producerScope, wardPlaceScope } from "./scope";
import { likeLiteral } from "./like";

// Raw-material areas (vùng nguyên liệu) sit in a ward: the Economic Office keeps the city's, a
// ward officer their own ward's (wardPlaceScope), leaders read them.

export const AREA_PAGE_SIZE = 25;

export function canListAreas(actor: Actor): boolean {
  return can(actor, "rawMaterialArea.list", { type: "rawMaterialArea", id: "", wardId: actor.wardId ?? "" });
}

/** Whether the actor may add an area at all (the office anywhere, a ward officer in their ward). */
export function canCreateArea(actor: Actor): boolean {
  if (actor.role === "WARD_OFFICER") return actor.wardId !== null && can(actor, "rawMaterialArea.manage", { type: "rawMaterialArea", id: "", wardId: actor.wardId });
  return can(actor, "rawMaterialArea.manage", { type: "rawMaterialArea", id: "", wardId: "" });
}

const areaView = {
  id: true,
  name: true,
  wardId: true,
  location: true,
  areaHa: true,
  kind: true,
  subject: true,
  standard: true,
  standardCertificateNo: true,
  standardIssuer: true,
  standardExpiresOn: true,
  note: true,
  updatedAt: true,
  ward: { select: { id: true, name: true } },
  producers: { orderBy: { name: "asc" }, select: { id: true, name: true, wardId: true } },
  products: { orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, producerId: true } },
} satisfies Prisma.RawMaterialAreaSelect;

export type AreaRecord = Prisma.RawMaterialAreaGetPayload<{ select: typeof areaView }>;

export const areaResource = (a: { id: string; wardId: string }): Resource => ({ type: "rawMaterialArea", id: a.id, wardId: a.wardId });

/** The area if the actor's scope holds it; null answers 404 (another ward's area does not exist for them). */
export async function findArea(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<AreaRecord | null> {
  if (!canListAreas(actor)) return null;
  return db.rawMaterialArea.findFirst({ where: { AND: [{ id }, wardPlaceScope(actor)] }, select: areaView });
}

export type AreaListFilter = { q?: string; wardId?: string; standard?: RawMaterialStandard; page?: number };

/**
 * The desk's list, sorted by certificate expiry, soonest (or longest lapsed) first: those are the
 * ones to act on before a dossier relies on them. Areas without a certificate come last.
 */
export async function listAreas(actor: Actor, f: AreaListFilter) {
  if (!canListAreas(actor)) return { rows: [], total: 0 };
  const page = Math.max(1, f.page ?? 1);
  const where: Prisma.RawMaterialAreaWhereInput = {
    AND: [
      wardPlaceScope(actor),
      f.wardId ? { wardId: f.wardId } : {},
      f.standard ? { standard: f.standard } : {},
      f.q ? { OR: [{ name: { contains: likeLiteral(f.q), mode: "insensitive" } }, { subject: { contains: likeLiteral(f.q), mode: "insensitive" } }, { location: { contains: likeLiteral(f.q), mode: "insensitive" } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.rawMaterialArea.findMany({
      where,
      orderBy: [{ standardExpiresOn: { sort: "asc", nulls: "last" } }, { name: "asc" }],
      skip: (page - 1) * AREA_PAGE_SIZE,
      take: AREA_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        wardId: true,
        location: true,
        areaHa: true,
        kind: true,
        subject: true,
        standard: true,
        standardCertificateNo: true,
        standardExpiresOn: true,
        ward: { select: { name: true } },
        _count: { select: { producers: true, products: true } },
      },
    }),
    prisma.rawMaterialArea.count({ where }),
  ]);
  return { rows, total };
}

/** Wards the office may place an area in (a ward officer's is fixed by their account). */
export async function listAreaWards(actor: Actor) {
  const wards = await prisma.adminUnit.findMany({
    where: { kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, validTo: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return actor.role === "WARD_OFFICER" ? wards.filter((w) => w.id === actor.wardId) : wards;
}

/** A ward that can hold an area (current, ward level), in the caller's transaction. */
export async function findAreaWard(db: Tx, id: string) {
  return db.adminUnit.findFirst({ where: { id, kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] }, validTo: null }, select: { id: true, name: true } });
}

/** Producers the actor may link (their scope) and the catalogue products of those producers. */
export async function listLinkOptions(actor: Actor) {
  const [producers, products] = await Promise.all([
    prisma.producer.findMany({
      where: { AND: [producerScope(actor), { verificationStatus: "VERIFIED" }] },
      orderBy: { name: "asc" },
      take: 500,
      select: { id: true, name: true, ward: { select: { name: true } } },
    }),
    prisma.product.findMany({
      where: { AND: [productScope(actor), { producer: { verificationStatus: "VERIFIED" } }] },
      orderBy: { name: "asc" },
      take: 2000,
      select: { id: true, name: true, producerId: true },
    }),
  ]);
  return { producers, products };
}

/** Of the ids sent, those of producers in the actor's scope. */
export async function producersInScope(db: Tx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.producer.findMany({ where: { AND: [{ id: { in: ids } }, producerScope(actor)] }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Of the ids sent, those of products in the actor's scope, with their producer. */
export async function productsInScope(db: Tx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.product.findMany({ where: { AND: [{ id: { in: ids } }, productScope(actor)] }, select: { id: true, producerId: true } });
}

/**
 * Which of an area's links the actor can see. A ward officer editing an area never sees (and so
 * must never drop) a producer of another ward that the office linked.
 */
export async function visibleLinks(db: Tx, actor: Actor, area: { producers: { id: string }[]; products: { id: string }[] }) {
  const [producers, products] = await Promise.all([
    producersInScope(db, actor, area.producers.map((p) => p.id)),
    productsInScope(db, actor, area.products.map((p) => p.id)),
  ]);
  return { producerIds: new Set(producers), productIds: new Set(products.map((p) => p.id)) };
}
