import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma, type Tx } from "./client";

export type StatusChange = {
  entityType: string;
  entityId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  comment?: string | null;
};

/** Written in the transaction that changes the status, so the timeline never disagrees with it. */
export async function recordStatusChange(tx: Tx, actor: Actor | null, change: StatusChange) {
  await tx.statusEvent.create({
    data: {
      ...change,
      comment: change.comment?.trim() || null,
      actorId: actor?.userId ?? null,
      actorName: actor?.name ?? null,
      actorRole: actor?.role ?? null,
    },
  });
}

/**
 * The timeline of a record the caller has already loaded in the actor's scope: taking the
 * loaded record (not a bare id) is what keeps this read scoped.
 */
export async function listStatusEvents(record: { entityType: string; id: string }) {
  return prisma.statusEvent.findMany({
    where: { entityType: record.entityType, entityId: record.id },
    orderBy: { id: "asc" },
    select: { id: true, action: true, fromStatus: true, toStatus: true, actorName: true, actorRole: true, comment: true, at: true },
  });
}
