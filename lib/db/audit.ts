import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { prisma, type Tx } from "./client";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** Written inside the same transaction as the change it records. */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditInput) {
  await tx.auditEntry.create({
    data: {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

export async function listAuditEntries(actor: Actor, opts: { entityType?: string; entityId?: string; take?: number } = {}) {
  if (!can(actor, "auditLog.read", { type: "auditLog" })) throw new NotFoundError("audit log");
  return prisma.auditEntry.findMany({
    where: { entityType: opts.entityType, entityId: opts.entityId },
    orderBy: { id: "desc" },
    take: Math.min(opts.take ?? 50, 200),
  });
}

/**
 * The id of the newest audit entry: every write in the portal adds one in its own transaction,
 * so it names "the data as of the last change" for figures kept between changes.
 */
export async function latestAuditId(): Promise<string> {
  const [latest] = await prisma.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM "AuditEntry"`;
  return String(latest?.id ?? "");
}
