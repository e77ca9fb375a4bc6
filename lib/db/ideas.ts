import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IdeaStatus } from "@/lib/generated/prisma/enums";
import { wardInRegion } from "./admin-units";
import { prisma, type Tx } from "./client";
import { producerRecordScope } from "./scope";

export function ideaScope(actor: Actor): Prisma.ProductIdeaWhereInput {
  return producerRecordScope(actor);
}

const ideaView = {
  id: true,
  producerId: true,
  cycleYear: true,
  status: true,
  productName: true,
  novelty: true,
  criteriaSetNo: true,
  description: true,
  rawMaterials: true,
  localLabour: true,
  localWorkerCount: true,
  ideaOrigin: true,
  localIdentity: true,
  targetMarket: true,
  version: true,
  submittedAt: true,
  wardDueOn: true,
  decidedAt: true,
  updatedAt: true,
  producer: { select: { id: true, name: true, wardId: true, verificationStatus: true, ward: { select: { name: true } } } },
  criteriaSet: { select: { no: true, name: true } },
  plan: { select: { id: true, status: true } },
} as const;

export type IdeaRecord = NonNullable<Awaited<ReturnType<typeof findIdea>>>;

export const ideaResource = (i: { id: string; producerId: string; status: string; producer: { wardId: string } }) =>
  ({ type: "idea", id: i.id, producerId: i.producerId, wardId: i.producer.wardId, status: i.status }) as const;

export async function findIdea(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const idea = await db.productIdea.findFirst({ where: { AND: [{ id }, ideaScope(actor)] }, select: ideaView });
  if (!idea || !can(actor, "idea.read", ideaResource(idea))) return null;
  return idea;
}

export type IdeaFilters = {
  status?: IdeaStatus;
  wardId?: string;
  /** Code of the producer's province (lib/domain/places.ts). */
  provinceCode?: string;
  year?: number;
  criteriaSetNo?: number;
  q?: string;
  page?: number;
};

export const IDEA_PAGE_SIZE = 20;

/** The list's conditions (scope included); the Excel export reads the same ones. */
export function filterWhere(actor: Actor, f: IdeaFilters): Prisma.ProductIdeaWhereInput {
  return {
    AND: [
      ideaScope(actor),
      f.status ? { status: f.status } : {},
      f.wardId ? { producer: { wardId: f.wardId } } : {},
      f.provinceCode ? { producer: { ward: wardInRegion(f.provinceCode) } } : {},
      f.year ? { cycleYear: f.year } : {},
      f.criteriaSetNo ? { criteriaSetNo: f.criteriaSetNo } : {},
      f.q
        ? { OR: [{ productName: { contains: f.q, mode: "insensitive" } }, { producer: { name: { contains: f.q, mode: "insensitive" } } }] }
        : {},
    ],
  };
}

// A queue is read in deadline order: what is due first comes first (only ideas at the ward
// carry a due date), then the most recently changed.
export const queueOrder: Prisma.ProductIdeaOrderByWithRelationInput[] = [
  { wardDueOn: { sort: "asc", nulls: "last" } },
  { updatedAt: "desc" },
  { id: "asc" },
];

export async function listIdeas(actor: Actor, f: IdeaFilters) {
  if (!can(actor, "idea.list", { type: "dashboard" })) return { rows: [], total: 0, counts: {} as Record<string, number> };
  const page = Math.max(1, f.page ?? 1);
  const where = filterWhere(actor, f);
  // Counts per status ignore the status filter itself, so the tabs show what each would hold.
  const countWhere = filterWhere(actor, { ...f, status: undefined });
  const [rows, total, grouped] = await Promise.all([
    prisma.productIdea.findMany({
      where,
      orderBy: queueOrder,
      skip: (page - 1) * IDEA_PAGE_SIZE,
      take: IDEA_PAGE_SIZE,
      select: {
        id: true,
        productName: true,
        status: true,
        cycleYear: true,
        wardDueOn: true,
        updatedAt: true,
        producer: { select: { name: true, ward: { select: { name: true } } } },
        criteriaSet: { select: { no: true } },
      },
    }),
    prisma.productIdea.count({ where }),
    prisma.productIdea.groupBy({ by: ["status"], where: countWhere, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Record<string, number>;
  return { rows, total, counts };
}

/** The next record after `currentId` in the same queue, for "save and go to the next". */
export async function nextIdeaInQueue(actor: Actor, f: IdeaFilters, currentId: string): Promise<string | null> {
  const ids = await prisma.productIdea.findMany({ where: filterWhere(actor, f), orderBy: queueOrder, select: { id: true }, take: 500 });
  const i = ids.findIndex((r) => r.id === currentId);
  // The one after it, else wrap to the start: what is left of the queue is still work to do.
  const after = ids.slice(i + 1).find((r) => r.id !== currentId) ?? ids.find((r) => r.id !== currentId);
  return after?.id ?? null;
}

export async function listIdeaRevisions(idea: { id: string }) {
  return prisma.ideaRevision.findMany({ where: { ideaId: idea.id }, orderBy: { version: "desc" }, select: { version: true, snapshot: true, submittedAt: true } });
}

/**
 * Names to compare a new idea against: the producer's own ideas (shown by name) and the other
 * ideas of its ward (only counted: another producer's unpublished idea is not ours to show).
 */
export async function ideaNamesNear(producer: { id: string; wardId: string }, excludeId?: string, db: Tx | typeof prisma = prisma) {
  const rows = await db.productIdea.findMany({
    where: {
      producer: { wardId: producer.wardId },
      status: { notIn: ["WITHDRAWN", "REJECTED"] },
      NOT: excludeId ? { id: excludeId } : undefined,
      // Other producers' drafts stay private, even as a count: only what reached the ward.
      OR: [{ producerId: producer.id }, { version: { gt: 0 } }],
    },
    select: { id: true, productName: true, producerId: true },
    take: 2000,
  });
  return {
    own: rows.filter((r) => r.producerId === producer.id).map((r) => ({ id: r.id, name: r.productName })),
    ward: rows.filter((r) => r.producerId !== producer.id).map((r) => ({ id: r.id, name: r.productName })),
  };
}
