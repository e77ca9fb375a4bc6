import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InspectionConclusion, InspectionFollowUp, InspectionKind, InspectionStatus } from "@/lib/generated/prisma/enums";
import { normaliseCertificateNumber } from "@/lib/domain/certificate-numbers";
import { yearBounds } from "@/lib/domain/dashboard";
import { dateOf, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { INSPECTABLE_CERTIFICATE_STATES, INSPECTION_STATES } from "@/lib/domain/inspections";
import { wardInRegion } from "./admin-units";
import { prisma, type Tx } from "./client";

import { certificateScope, inspectionScope } from "./scope";

const inspectionView = {
  id: true,
  certificateId: true,
  producerId: true,
  wardId: true,
  kind: true,
  status: true,
  plannedOn: true,
  inspectedOn: true,
  team: true,
  checklist: true,
  findings: true,
  conclusion: true,
  followUp: true,
  followUpNote: true,
  revocationGround: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  certificate: {
    select: { id: true, number: true, verifyCode: true, productName: true, star: true, level: true, status: true, issuedOn: true, expiresOn: true, revokedOn: true, product: { select: { slug: true } } },
  },
  producer: { select: { id: true, name: true, address: true } },
  ward: { select: { id: true, name: true } },
} satisfies Prisma.InspectionSelect;

export type InspectionRecord = Prisma.InspectionGetPayload<{ select: typeof inspectionView }>;

export const inspectionResource = (i: { id: string; producerId: string; wardId: string; status: string }) =>
  ({ type: "inspection", id: i.id, producerId: i.producerId, wardId: i.wardId, status: i.status }) as const;

/** The inspection if the actor may see it; null answers 404. */
export async function findInspection(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<InspectionRecord | null> {
  const found = await db.inspection.findFirst({ where: { AND: [{ id }, inspectionScope(actor)] }, select: inspectionView });
  return found && can(actor, "inspection.read", inspectionResource(found)) ? found : null;
}

// ---------------------------------------------------------------------------------------------
// Lists

export const INSPECTION_PAGE_SIZE = 25;

/** The status tabs: the stored states and "overdue", planned inspections whose day has passed. */
export const INSPECTION_STATUS_FILTERS = [...INSPECTION_STATES, "OVERDUE"] as const;
export type InspectionStatusFilter = (typeof INSPECTION_STATUS_FILTERS)[number];

export type InspectionListFilters = {
  status?: InspectionStatusFilter;
  kind?: InspectionKind;
  conclusion?: InspectionConclusion;
  followUp?: InspectionFollowUp;
  /** The year it took place, or, not yet concluded, the year it is planned for. */
  year?: number;
  /** For the city's roles: one ward (a ward officer's ward is its scope already). */
  wardId?: string;
  /** For the city's roles: the inspected ward's province, by code (lib/domain/places.ts). */
  provinceCode?: string;
  certificateId?: string;
  /** Product, producer or certificate number. */
  q?: string;
  page?: number;
};

function statusWhere(status: InspectionStatusFilter | undefined, today: IsoDate): Prisma.InspectionWhereInput {
  if (!status) return {};
  if (status === "OVERDUE") return { status: "PLANNED", plannedOn: { lt: dateOf(today) } };
  return { status };
}

/**
 * Everything but the status (the tabs count across statuses with the other filters applied),
 * in the actor's scope. The export of the list uses the same conditions.
 */
function filtersWhere(actor: Actor, f: InspectionListFilters): Prisma.InspectionWhereInput {
  const range = f.year !== undefined ? { gte: dateOf(yearBounds(f.year).from), lte: dateOf(yearBounds(f.year).to) } : null;
  return {
    AND: [
      inspectionScope(actor),
      f.kind ? { kind: f.kind } : {},
      f.conclusion ? { conclusion: f.conclusion } : {},
      f.followUp ? { followUp: f.followUp } : {},
      range ? { OR: [{ inspectedOn: range }, { inspectedOn: null, plannedOn: range }] } : {},
      f.wardId ? { wardId: f.wardId } : {},
      f.provinceCode ? { ward: wardInRegion(f.provinceCode) } : {},
      f.certificateId ? { certificateId: f.certificateId } : {},
      f.q
        ? {
            OR: [
              { certificate: { productName: { contains: f.q, mode: "insensitive" } } },
              { producer: { name: { contains: f.q, mode: "insensitive" } } },
              { certificate: { number: { contains: normaliseCertificateNumber(f.q), mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
}

/** The list's conditions (scope, filters and status) for the given day. */
export function inspectionListWhere(actor: Actor, f: InspectionListFilters, today: IsoDate = vietnamDateOf(new Date())): Prisma.InspectionWhereInput {
  return { AND: [filtersWhere(actor, f), statusWhere(f.status, today)] };
}

/**
 * What waits comes first: planned inspections, the longest overdue at the top; then the
 * concluded ones, newest first; then the cancelled. PostgreSQL orders an enum column by the
 * order of its values (PLANNED, CONCLUDED, CANCELLED); planned and cancelled rows have no
 * inspection day, so the nulls-first day keeps them on their planned day.
 */
export const INSPECTION_ORDER: Prisma.InspectionOrderByWithRelationInput[] = [
  { status: "asc" },
  { inspectedOn: { sort: "desc", nulls: "first" } },
  { plannedOn: "asc" },
  { id: "asc" },
];

const inspectionRow = {
  id: true,
  kind: true,
  status: true,
  plannedOn: true,
  inspectedOn: true,
  team: true,
  findings: true,
  conclusion: true,
  followUp: true,
  followUpNote: true,
  revocationGround: true,
  certificate: { select: { id: true, number: true, productName: true, star: true, status: true } },
  producer: { select: { id: true, name: true } },
  ward: { select: { id: true, name: true } },
} satisfies Prisma.InspectionSelect;

export type InspectionRow = Prisma.InspectionGetPayload<{ select: typeof inspectionRow }>;

/**
 * One page of the list with its total and the count behind each status tab. `pageSize` lets the
 * Excel export read what is filtered in one go (same conditions, same order).
 */
export async function listInspections(actor: Actor, f: InspectionListFilters, opts: { today?: IsoDate; pageSize?: number } = {}) {
  const today = opts.today ?? vietnamDateOf(new Date());
  const pageSize = opts.pageSize ?? INSPECTION_PAGE_SIZE;
  const page = Math.max(1, f.page ?? 1);
  const where = inspectionListWhere(actor, f, today);
  const others = filtersWhere(actor, f);
  const [rows, total, perStatus, overdue] = await Promise.all([
    prisma.inspection.findMany({ where, orderBy: INSPECTION_ORDER, skip: (page - 1) * pageSize, take: pageSize, select: inspectionRow }),
    prisma.inspection.count({ where }),
    prisma.inspection.groupBy({ by: ["status"], where: others, _count: { _all: true } }),
    prisma.inspection.count({ where: { AND: [others, statusWhere("OVERDUE", today)] } }),
  ]);
  const counts = Object.fromEntries(INSPECTION_STATUS_FILTERS.map((s) => [s, 0])) as Record<InspectionStatusFilter, number>;
  for (const g of perStatus) counts[g.status as InspectionStatus] = g._count._all;
  counts.OVERDUE = overdue;
  return { rows, total, counts, page, pageSize };
}

/** Inspections of a certificate the caller has loaded in the actor's scope (its page's section). */
export async function listCertificateInspections(actor: Actor, certificate: { id: string }) {
  return prisma.inspection.findMany({
    where: { AND: [inspectionScope(actor), { certificateId: certificate.id }] },
    orderBy: INSPECTION_ORDER,
    select: { id: true, kind: true, status: true, plannedOn: true, inspectedOn: true, conclusion: true, followUp: true, revocationGround: true, findings: true },
  });
}

/**
 * The concluded inspection whose revocation proposal the certificate answers (the newest), for
 * the revocation form's defaults; null when there is none in the actor's scope.
 */
export async function findRevocationProposal(actor: Actor, certificate: { id: string }) {
  return prisma.inspection.findFirst({
    where: { AND: [inspectionScope(actor), { certificateId: certificate.id, status: "CONCLUDED", followUp: "REVOCATION_PROPOSAL" }] },
    orderBy: [{ inspectedOn: "desc" }, { updatedAt: "desc" }],
    select: { id: true, inspectedOn: true, findings: true, revocationGround: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Choosing what to inspect

const CANDIDATES = 20;

/**
 * Certificates the office may plan an inspection of: still in force (ACTIVE or with a revocation
 * proposed, not past their last day), found by product, producer or number, with the inspections
 * still open and the last one done.
 */
export async function searchInspectableCertificates(actor: Actor, q: string | undefined, today: IsoDate = vietnamDateOf(new Date())) {
  const where: Prisma.CertificateWhereInput = {
    AND: [
      certificateScope(actor),
      { status: { in: [...INSPECTABLE_CERTIFICATE_STATES] }, expiresOn: { gte: dateOf(today) } },
      q
        ? { OR: [{ productName: { contains: q, mode: "insensitive" } }, { producer: { name: { contains: q, mode: "insensitive" } } }, { number: { contains: normaliseCertificateNumber(q), mode: "insensitive" } }] }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.certificate.findMany({
      where,
      // The oldest certificates have had the longest time to drift from their dossier.
      orderBy: [{ issuedOn: "asc" }, { number: "asc" }],
      take: CANDIDATES,
      select: {
        id: true,
        number: true,
        productName: true,
        star: true,
        status: true,
        issuedOn: true,
        expiresOn: true,
        producer: { select: { name: true, ward: { select: { name: true } } } },
        inspections: {
          where: { status: { in: ["PLANNED", "CONCLUDED"] } },
          orderBy: INSPECTION_ORDER,
          take: 1,
          select: { id: true, status: true, plannedOn: true, inspectedOn: true, conclusion: true },
        },
      },
    }),
    prisma.certificate.count({ where }),
  ]);
  return { rows, total, shown: CANDIDATES };
}
