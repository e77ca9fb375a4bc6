import "server-only";
import { conflictSource, detectConflicts, encodeConflictReasons } from "@/lib/domain/conflicts";
import type { Tx } from "./client";
import { lockDossier } from "./dossiers";
import { recomputeResult } from "./results";

/** Serialises every change to a round's council, dossiers and declarations (and their conflicts). */
export async function lockRound(tx: Tx, roundId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "EvaluationRound" WHERE id = ${roundId} FOR UPDATE`;
}

/**
 * Rewrites the DossierConflict rows of a round's dossiers (or of one dossier) from the rules in
 * lib/domain/conflicts.ts: called whenever a dossier joins or leaves a round, a member joins or
 * leaves its council, or a declaration is made or withdrawn. A dossier outside any round keeps
 * no conflict. Where the set of conflicted members of a dossier under scoring changes, the
 * members whose sheets count change with it, so its result is recomputed (under the dossier
 * lock, like a sheet submission). Takes the round lock first: two refreshes of one round never
 * interleave their delete and insert.
 *
 * Returns the dossiers whose conflicted members changed.
 */
export async function refreshConflicts(tx: Tx, target: { roundId: string } | { dossierId: string }): Promise<string[]> {
  let roundId: string | null;
  if ("roundId" in target) roundId = target.roundId;
  else roundId = (await tx.dossier.findUniqueOrThrow({ where: { id: target.dossierId }, select: { roundId: true } })).roundId;
  if (roundId) await lockRound(tx, roundId);

  const dossiers = await tx.dossier.findMany({
    where: "roundId" in target ? { roundId: target.roundId } : { id: target.dossierId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      roundId: true,
      producerId: true,
      producer: { select: { wardId: true, legalRepName: true } },
      conflicts: { select: { userId: true, source: true, reason: true } },
    },
  });
  const round = roundId
    ? await tx.evaluationRound.findUniqueOrThrow({
        where: { id: roundId },
        select: {
          members: { select: { userId: true, user: { select: { producerId: true } } } },
          declarations: { select: { id: true, userId: true, kind: true, producerId: true, dossierId: true, familyName: true, wardId: true } },
        },
      })
    : null;

  const changed: string[] = [];
  for (const d of dossiers) {
    const inRound = round !== null && d.roundId === roundId;
    const next = inRound
      ? round.members.flatMap((m) => {
          const reasons = detectConflicts({ userId: m.userId, producerId: m.user.producerId }, round.declarations, {
            id: d.id,
            producerId: d.producerId,
            producerWardId: d.producer.wardId,
            legalRepName: d.producer.legalRepName,
          });
          const source = conflictSource(reasons);
          return source ? [{ dossierId: d.id, userId: m.userId, source, reason: encodeConflictReasons(reasons) }] : [];
        })
      : [];
    const key = (rows: { userId: string; source: string; reason: string }[]) => rows.map((r) => `${r.userId}|${r.source}|${r.reason}`).sort().join(";");
    if (key(next) === key(d.conflicts)) continue;
    const users = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort().join(";");
    const membersChanged = users(next) !== users(d.conflicts);
    await tx.dossierConflict.deleteMany({ where: { dossierId: d.id } });
    if (next.length > 0) await tx.dossierConflict.createMany({ data: next });
    if (membersChanged) {
      changed.push(d.id);
      if (d.status === "COUNCIL_SCORING") {
        await lockDossier(tx, d.id);
        await recomputeResult(tx, d.id);
      }
    }
  }
  return changed;
}

/**
 * After a change to who counts on a council (a member added, removed, made non-scoring) or to
 * its working rules (spread threshold, knock-out rule), the open results of the round's
 * dossiers under scoring are recomputed. Dossier locks in id order, after the round lock.
 */
export async function recomputeRoundResults(tx: Tx, roundId: string): Promise<void> {
  const dossiers = await tx.dossier.findMany({ where: { roundId, status: "COUNCIL_SCORING" }, orderBy: { id: "asc" }, select: { id: true } });
  for (const d of dossiers) {
    await lockDossier(tx, d.id);
    await recomputeResult(tx, d.id);
  }
}
