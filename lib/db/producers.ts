import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { ProducerType } from "@/lib/generated/prisma/enums";
import { wardInRegion } from "./admin-units";
import { prisma, type Tx } from "./client";
import { producerScope } from "./scope";

const producerView = {
  id: true,
  type: true,
  name: true,
  businessRegNo: true,
  taxCode: true,
  legalRepName: true,
  legalRepPosition: true,
  legalRepGender: true,
  legalRepEthnicity: true,
  address: true,
  wardId: true,
  phone: true,
  email: true,
  memberCount: true,
  workerCount: true,
  verificationStatus: true,
  updatedAt: true,
  ward: { select: { id: true, name: true, kind: true } },
} as const;

/** The producer if it exists and is in the actor's scope, else null (callers answer 404). */
export async function findProducer(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const producer = await db.producer.findFirst({ where: { AND: [{ id }, producerScope(actor)] }, select: producerView });
  if (!producer || !can(actor, "producer.read", { type: "producer", id: producer.id, wardId: producer.wardId })) return null;
  return producer;
}

export async function getProducer(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const producer = await findProducer(actor, id, db);
  if (!producer) throw new NotFoundError("producer");
  return producer;
}

export type ProducerListQuery = { q?: string; page?: number; pageSize?: number; status?: "PENDING" | "VERIFIED" | "REJECTED"; type?: ProducerType; wardId?: string; provinceCode?: string };

export async function listProducers(actor: Actor, query: ProducerListQuery = {}) {
  if (!can(actor, "producer.list", { type: "producer", id: "", wardId: actor.wardId ?? "" })) return { rows: [], total: 0 };
  const pageSize = Math.min(query.pageSize ?? 25, 100);
  const page = Math.max(query.page ?? 1, 1);
  const where = {
    AND: [
      producerScope(actor),
      query.q ? { name: { contains: query.q, mode: "insensitive" as const } } : {},
      query.status ? { verificationStatus: query.status } : {},
      query.type ? { type: query.type } : {},
      query.wardId ? { wardId: query.wardId } : {},
      query.provinceCode ? { ward: wardInRegion(query.provinceCode) } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.producer.findMany({
      where,
      select: { id: true, name: true, type: true, verificationStatus: true, ward: { select: { name: true } } },
      // Producers awaiting verification first: they are the ward's work.
      orderBy: [{ verificationStatus: "asc" }, { name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.producer.count({ where }),
  ]);
  return { rows, total };
}
