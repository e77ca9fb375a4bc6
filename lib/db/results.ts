import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { getRuleSet, isRuleSetCode, referralTarget, type EvaluationLevel } from "@/lib/domain/rule-sets";
import { councilResult, type KnockOutTally, type MinimumBlocker, type SheetAnswers } from "@/lib/domain/scoring";
import type { Tx } from "./client";

/**
 * What a council result means, stored beside the numbers so the producer, the secretary and the
 * minutes read the same explanation the rules produced (no recomputation on display).
 */
export type ResultExplanation = {
  ruleSetCode: string;
  /** One entry per counted sheet, in the order members joined the council. */
  memberTotals: { userId: string; name: string; total: number }[];
  /** Item code → mean points, and → max − min across the members (disagreement per item). */
  itemAverages: Record<string, number>;
  itemSpreads: Record<string, number>;
  /** Minimums of the band star that are not met (why the star is lower than the average says). */
  blockedBy: MinimumBlocker[];
  nextStar: number | null;
  nextStarMinAverage: number | null;
  nextStarBlockers: MinimumBlocker[];
  knockOuts: KnockOutTally[];
  /** Members whose sheet counts (scoring seats without a conflict), and how many are in. */
  expectedMembers: number;
  submittedMembers: number;
};

export const RESULT_OPEN_STATUSES = ["PROVISIONAL", "STAGED"] as const;

/**
 * Recomputes a dossier's council result from the submitted sheets of the members whose sheet
 * counts (scoring seats, minus conflicted members). Called in the transaction that changes a
 * sheet, after lockDossier, so two sheets arriving together are both counted exactly once.
 * Returns null (and removes a provisional result) while no sheet is in. A result already
 * checked or released is never rewritten.
 */
export async function recomputeResult(tx: Tx, dossierId: string) {
  const dossier = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      ruleSetCode: true,
      sheet: { select: { data: true } },
      round: { select: { level: true, maxSpread: true, knockOutRule: true, members: { where: { scores: true }, orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { name: true } } } } } },
      conflicts: { select: { userId: true } },
      result: { select: { status: true } },
    },
  });
  if (dossier.result && !(RESULT_OPEN_STATUSES as readonly string[]).includes(dossier.result.status)) return null;
  if (!dossier.round || !dossier.sheet || !isRuleSetCode(dossier.ruleSetCode)) throw new Error(`Dossier ${dossierId} is not ready for council scoring`);

  const conflicted = new Set(dossier.conflicts.map((c) => c.userId));
  const counted = dossier.round.members.filter((m) => !conflicted.has(m.userId));
  const sheets = await tx.scoreSheet.findMany({
    where: { dossierId, status: "SUBMITTED", userId: { in: counted.map((m) => m.userId) } },
    select: { userId: true, answers: true },
  });
  const byUser = new Map(sheets.map((s) => [s.userId, s.answers as unknown as SheetAnswers]));
  const members = counted.filter((m) => byUser.has(m.userId));
  if (members.length === 0) {
    await tx.dossierResult.deleteMany({ where: { dossierId, status: "PROVISIONAL" } });
    return null;
  }

  const ruleSet = getRuleSet(dossier.ruleSetCode);
  const sheet = dossier.sheet.data as unknown as CriteriaSheetData;
  const council = councilResult(
    members.map((m) => byUser.get(m.userId)!),
    sheet,
    ruleSet,
    { ...ruleSet.councilDefaults, maxSpread: dossier.round.maxSpread, knockOutRule: dossier.round.knockOutRule },
  );
  const itemSpreads: Record<string, number> = {};
  for (const code of Object.keys(council.itemAverages)) {
    const points = council.memberScores.map((s) => s.itemPoints[code] ?? 0);
    itemSpreads[code] = Math.max(...points) - Math.min(...points);
  }
  const { result } = council;
  const level = dossier.round.level as EvaluationLevel;
  const explanation: ResultExplanation = {
    ruleSetCode: ruleSet.code,
    memberTotals: members.map((m, i) => ({ userId: m.userId, name: m.user.name, total: council.memberTotals[i]! })),
    itemAverages: council.itemAverages,
    itemSpreads,
    blockedBy: [...result.blockedBy],
    nextStar: result.nextStar,
    nextStarMinAverage: result.nextStarMinAverage,
    nextStarBlockers: [...result.nextStarBlockers],
    knockOuts: [...council.knockOutTally],
    expectedMembers: counted.length,
    submittedMembers: members.length,
  };
  const data = {
    memberCount: members.length,
    averageTotal: council.averageTotal,
    bandStar: result.bandStar,
    star: result.star,
    knockedOut: result.knockedOut,
    spread: council.spread,
    spreadExceeded: council.spreadExceeded,
    recognitionLevel: result.recognitionLevel,
    referralTo: result.knockedOut ? null : referralTarget(ruleSet, level, council.averageTotal),
    explanation: explanation as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  return tx.dossierResult.upsert({ where: { dossierId }, create: { dossierId, ...data }, update: data });
}
