"use server";
import type { Tx } from "@/lib/db/tx";
import { dossierResource, findDossier, lockDossier, type DossierRecord } from "@/lib/db/dossiers";
import { notify } from "@/lib/db/notifications";
import { recomputeResult, type ResultExplanation } from "@/lib/db/results";
import { findRound, roundResource } from "@/lib/db/rounds";
import { answersJson, countedMemberIds, findOwnSheet, isUntouched, pinnedSheet } from "@/lib/db/scoring";
import { recordStatusChange } from "@/lib/db/timeline";
import { DOSSIER_MACHINE, transition } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { closeScoringSchema, remindSchema, reopenSheetSchema, scoreDraftSchema, submitScoreSchema } from "@/lib/validation/scoring";
import { checkAnswersAgainstSheet, type StoredAnswers } from "@/lib/validation/sheet-answers";
import { defineAction } from "./define-action";

const dmy = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");
const paths = (d: { id: string; roundId: string | null }) => [`/evaluation`, `/evaluation/${d.id}`, `/dossiers/${d.id}`, ...(d.roundId ? [`/rounds/${d.roundId}`] : [])];

/** Answers checked against the dossier's pinned sheet; field paths under `answers.`. */
async function checkedAnswers(tx: Tx, dossier: DossierRecord, answers: StoredAnswers) {
  const sheet = await pinnedSheet(dossier, tx);
  if (!sheet) throw new AppError("INVALID_TRANSITION");
  const check = checkAnswersAgainstSheet(sheet, answers);
  if (!check.ok) {
    throw new AppError("VALIDATION", undefined, Object.fromEntries(Object.entries(check.fieldErrors).map(([k, v]) => [k === "_" ? "answers" : `answers.${k}`, v])));
  }
  return check.score;
}

/**
 * The optimistic-version rule of a member's sheet: a save names the version it started from, and
 * only that version may be replaced. A first save (no version) may take over only a sheet nobody
 * wrote on (one a reminder created); anything else means another tab got there first.
 */
function checkVersion(existing: NonNullable<Awaited<ReturnType<typeof findOwnSheet>>> | null, version: string | undefined) {
  if (!existing) {
    if (version) throw new AppError("CONFLICT");
    return;
  }
  // A form holding an older version was overtaken (a second click, another tab): a conflict.
  if (existing.status === "SUBMITTED") throw new AppError(version && version !== existing.updatedAt.toISOString() ? "CONFLICT" : "INVALID_TRANSITION");
  if (version ? version !== existing.updatedAt.toISOString() : !isUntouched(existing)) throw new AppError("CONFLICT");
}

async function currentStatus(tx: Tx, dossierId: string) {
  return (await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { status: true } })).status;
}

/** A member saves their sheet as a draft (autosave): nothing is counted until it is submitted. */
export const saveScoreDraft = defineAction({
  name: "score.saveDraft",
  input: scoreDraftSchema,
  permission: "score.edit",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status !== "COUNCIL_SCORING") throw new AppError("INVALID_TRANSITION");
    const score = await checkedAnswers(tx, record, input.answers);
    // A draft keeps its running total so progress can tell "started" from "not started"; null until one item is ticked.
    const total = Object.keys(input.answers.items).length > 0 ? score.total : null;
    const existing = await findOwnSheet(actor, record, tx);
    checkVersion(existing, input.version);
    const data = { answers: answersJson(input.answers), comment: input.comment, total };
    let id: string;
    if (!existing) {
      // Two first saves at once: the unique (dossier, member) refuses the second (CONFLICT).
      id = (await tx.scoreSheet.create({ data: { ...data, dossierId: record.id, userId: actor.userId }, select: { id: true } })).id;
    } else {
      const { count } = await tx.scoreSheet.updateMany({ where: { id: existing.id, status: "DRAFT", updatedAt: existing.updatedAt }, data });
      if (count !== 1) throw new AppError("CONFLICT");
      id = existing.id;
    }
    const saved = await tx.scoreSheet.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    return {
      result: { sheetId: id, version: saved.updatedAt.toISOString(), total: score.total, missing: score.missingItems.length },
      audit: { entityType: "ScoreSheet", entityId: id, before: existing ? { total: existing.total } : null, after: { dossierId: record.id, ...data } },
    };
  },
});

/**
 * Submits and locks a member's sheet. The dossier is locked first, so two members submitting at
 * the same moment are serialised and the result recomputed after each counts both, once each.
 */
export const submitScoreSheet = defineAction({
  name: "score.submit",
  input: submitScoreSchema,
  permission: "score.edit",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    await lockDossier(tx, record.id);
    if ((await currentStatus(tx, record.id)) !== "COUNCIL_SCORING") throw new AppError("INVALID_TRANSITION");
    const score = await checkedAnswers(tx, record, input.answers);
    if (!score.complete) {
      throw new AppError("INCOMPLETE", undefined, Object.fromEntries(score.missingItems.map((code) => [`answers.items.${code}`, ["council.itemRequired"]])));
    }
    const existing = await findOwnSheet(actor, record, tx);
    checkVersion(existing, input.version);
    const now = new Date();
    const data = { answers: answersJson(input.answers), comment: input.comment, status: "SUBMITTED" as const, total: score.total, submittedAt: now };
    let id: string;
    if (!existing) {
      id = (await tx.scoreSheet.create({ data: { ...data, dossierId: record.id, userId: actor.userId }, select: { id: true } })).id;
    } else {
      const { count } = await tx.scoreSheet.updateMany({ where: { id: existing.id, status: "DRAFT", updatedAt: existing.updatedAt }, data });
      if (count !== 1) throw new AppError("CONFLICT");
      id = existing.id;
    }
    await recordStatusChange(tx, actor, { entityType: "ScoreSheet", entityId: id, action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED" });
    const result = await recomputeResult(tx, record.id);
    const explanation = result?.explanation as unknown as ResultExplanation | undefined;
    // The last counted sheet is in: those who run the council learn whether it must be discussed.
    if (result && explanation && explanation.submittedMembers === explanation.expectedMembers) {
      // A chair or secretary with a conflict on this dossier is not told about it.
      const runners = await tx.councilMember.findMany({
        where: { roundId: record.roundId!, role: { in: ["CHAIR", "SECRETARY"] }, user: { conflicts: { none: { dossierId: record.id } } } },
        select: { userId: true },
      });
      await notify(tx, actor, [{ kind: "users", userIds: runners.map((r) => r.userId) }, { kind: "role", role: "ECONOMIC_OFFICE" }], {
        kind: result.spreadExceeded ? "councilNotices.discussionNeeded" : "councilNotices.allSubmitted",
        params: { name: record.productName, spread: String(result.spread) },
        href: `/rounds/${record.roundId}`,
      });
    }
    return {
      result: { sheetId: id, total: score.total, submittedAt: now.toISOString() },
      audit: { entityType: "ScoreSheet", entityId: id, before: existing ? { status: existing.status, total: existing.total } : null, after: { dossierId: record.id, ...data } },
    };
  },
  revalidate: (_r, input) => [`/evaluation`, `/evaluation/${input.dossierId}`],
});

/**
 * The chair reopens a member's submitted sheet for re-scoring after a discussion. The only way a
 * submitted sheet changes: the reason is required and kept on the sheet's timeline.
 */
export const reopenScoreSheet = defineAction({
  name: "score.reopen",
  input: reopenSheetSchema,
  permission: "score.reopen",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    await lockDossier(tx, record.id);
    if ((await currentStatus(tx, record.id)) !== "COUNCIL_SCORING") throw new AppError("INVALID_TRANSITION");
    if (!(await countedMemberIds(record.id, tx)).includes(input.userId)) throw new AppError("NOT_FOUND");
    const sheet = await tx.scoreSheet.findUnique({ where: { dossierId_userId: { dossierId: record.id, userId: input.userId } }, select: { id: true, status: true, total: true, reopenCount: true } });
    if (!sheet || sheet.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.scoreSheet.updateMany({
      where: { id: sheet.id, status: "SUBMITTED" },
      data: { status: "DRAFT", submittedAt: null, reopenCount: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "ScoreSheet", entityId: sheet.id, action: "reopen", fromStatus: "SUBMITTED", toStatus: "DRAFT", comment: input.reason });
    await notify(tx, actor, [{ kind: "users", userIds: [input.userId] }], {
      kind: "councilNotices.sheetReopened",
      params: { name: record.productName, reason: input.reason },
      href: `/evaluation/${record.id}`,
    });
    await recomputeResult(tx, record.id);
    return {
      result: { dossierId: record.id, sheetId: sheet.id, reopenCount: sheet.reopenCount + 1 },
      audit: { entityType: "ScoreSheet", entityId: sheet.id, before: { status: "SUBMITTED", total: sheet.total }, after: { status: "DRAFT", reason: input.reason, memberId: input.userId } },
    };
  },
  revalidate: (r) => paths({ id: r.dossierId, roundId: null }),
});

/**
 * Reminds one member, or every member with a sheet still to submit, of the round's dossiers under
 * scoring: one notice (and e-mail) per member with the number outstanding; `remindedAt` is set on
 * each outstanding sheet (an empty draft is made where the member has not opened the dossier).
 */
export const remindMembers = defineAction({
  name: "score.remind",
  input: remindSchema,
  permission: "score.remind",
  load: ({ actor, input, tx }) => findRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status !== "SCORING") throw new AppError("INVALID_TRANSITION");
    const members = await tx.councilMember.findMany({ where: { roundId: record.id, scores: true, ...(input.userId ? { userId: input.userId } : {}) }, select: { userId: true } });
    if (input.userId && members.length === 0) throw new AppError("NOT_FOUND");
    const dossiers = await tx.dossier.findMany({
      where: { roundId: record.id, status: "COUNCIL_SCORING" },
      select: { id: true, conflicts: { select: { userId: true } }, scoreSheets: { select: { userId: true, status: true } } },
    });
    const now = new Date();
    const reminded: { userId: string; count: number }[] = [];
    for (const m of members) {
      const outstanding = dossiers.filter((d) => !d.conflicts.some((c) => c.userId === m.userId) && !d.scoreSheets.some((s) => s.userId === m.userId && s.status === "SUBMITTED"));
      if (outstanding.length === 0) continue;
      const ids = outstanding.map((d) => d.id);
      await tx.scoreSheet.createMany({ data: ids.map((dossierId) => ({ dossierId, userId: m.userId, remindedAt: now })), skipDuplicates: true });
      await tx.scoreSheet.updateMany({ where: { userId: m.userId, dossierId: { in: ids }, status: "DRAFT" }, data: { remindedAt: now } });
      await notify(tx, actor, [{ kind: "users", userIds: [m.userId] }], {
        kind: "councilNotices.reminder",
        params: { round: record.title, count: String(outstanding.length), date: dmy(record.completeBy) },
        href: "/evaluation",
      });
      reminded.push({ userId: m.userId, count: outstanding.length });
    }
    return { result: { roundId: record.id, reminded: reminded.length }, audit: { entityType: "EvaluationRound", entityId: record.id, after: { reminded } } };
  },
  revalidate: (r) => [`/rounds/${r.roundId}`],
});

/**
 * Ends the council's scoring of a dossier: every counted member has submitted, and the totals
 * agree within the round's threshold, or the chair records that the discussion is closed. The
 * dossier moves to COUNCIL_DONE and its result is staged for the office to check and release.
 */
export const closeScoring = defineAction({
  name: "score.close",
  input: closeScoringSchema,
  // The chair closes as chair (score.reopen is the chair's permission); the office as the desk that stages results.
  permission: (_input, record: DossierRecord) => (record.seat?.role === "CHAIR" ? "score.reopen" : "result.manage"),
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    await lockDossier(tx, record.id);
    const from = await currentStatus(tx, record.id);
    const to = transition(DOSSIER_MACHINE, from, "close-scoring");
    if (!to) throw new AppError("INVALID_TRANSITION");
    const result = await recomputeResult(tx, record.id);
    const explanation = result?.explanation as unknown as ResultExplanation | undefined;
    if (!result || !explanation || explanation.expectedMembers === 0 || explanation.submittedMembers < explanation.expectedMembers) {
      throw new AppError("INCOMPLETE", undefined, { dossierId: ["council.sheetsMissing"] });
    }
    if (result.spreadExceeded) {
      // Only the chair closes a discussion, and says how it ended.
      if (record.seat?.role !== "CHAIR") throw new AppError("INCOMPLETE", undefined, { discussionNote: ["council.discussionNeedsChair"] });
      if (input.discussionNote.length < 10) throw new AppError("VALIDATION", undefined, { discussionNote: ["council.discussionNoteRequired"] });
    }
    const { count } = await tx.dossier.updateMany({ where: { id: record.id, status: from }, data: { status: to } });
    if (count !== 1) throw new AppError("CONFLICT");
    const staged = await tx.dossierResult.updateMany({ where: { dossierId: record.id, status: "PROVISIONAL" }, data: { status: "STAGED" } });
    if (staged.count !== 1) throw new AppError("CONFLICT");
    // The dossier's history is read by the producer and the ward, who see nothing of the council's
    // deliberation before release: the discussion's conclusion goes on the result's own record.
    await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: record.id, action: "close-scoring", fromStatus: from, toStatus: to, comment: null });
    if (input.discussionNote) {
      await recordStatusChange(tx, actor, { entityType: "DossierResult", entityId: record.id, action: "discussion", fromStatus: "PROVISIONAL", toStatus: "STAGED", comment: input.discussionNote });
    }
    await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }], { kind: "councilNotices.scoringClosed", params: { name: record.productName }, href: `/dossiers/${record.id}` });
    return {
      result: { dossierId: record.id, roundId: record.roundId, status: to },
      audit: {
        entityType: "Dossier",
        entityId: record.id,
        before: { status: from },
        after: { status: to, result: "STAGED", averageTotal: result.averageTotal, spread: result.spread, discussionNote: input.discussionNote || null },
      },
    };
  },
  revalidate: (r) => paths({ id: r.dossierId, roundId: r.roundId }),
});
