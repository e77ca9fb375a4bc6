import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { vietnamDateOf } from "@/lib/domain/dates";
import { scoreSheet, type SheetAnswers } from "@/lib/domain/scoring";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readStoredAnswers, type StoredAnswers } from "@/lib/validation/sheet-answers";
import { prisma, type Tx } from "./client";
import { dossierResource, type DossierRecord } from "./dossiers";
import type { ResultExplanation } from "./results";
import { roundResource, type RoundRecord } from "./rounds";
import { dossierScope } from "./scope";

/** The criteria sheet version a dossier was pinned to at its first submission. */
export async function pinnedSheet(dossier: { sheetId: string | null }, db: Tx | typeof prisma = prisma): Promise<CriteriaSheetData | null> {
  if (!dossier.sheetId) return null;
  const row = await db.criteriaSheet.findUnique({ where: { id: dossier.sheetId }, select: { data: true } });
  return row ? (row.data as unknown as CriteriaSheetData) : null;
}

const ownSheetView = { id: true, status: true, answers: true, comment: true, total: true, submittedAt: true, reopenCount: true, remindedAt: true, updatedAt: true } as const;

/** Stored answers as the JSON column takes them (they were validated by sheetAnswersSchema). */
export const answersJson = (answers: StoredAnswers) => answers as unknown as Prisma.InputJsonValue;

/** The actor's own sheet for a dossier they have loaded (null before the first save). */
export async function findOwnSheet(actor: Actor, dossier: { id: string }, db: Tx | typeof prisma = prisma) {
  const row = await db.scoreSheet.findUnique({ where: { dossierId_userId: { dossierId: dossier.id, userId: actor.userId } }, select: ownSheetView });
  return row ? { ...row, answers: readStoredAnswers(row.answers) } : null;
}

/** A sheet nobody has written on yet (e.g. made by a reminder): a first save may take it over. */
export function isUntouched(sheet: { status: string; total: number | null; comment: string; answers: StoredAnswers }): boolean {
  const a = sheet.answers;
  return sheet.status === "DRAFT" && sheet.total === null && sheet.comment === "" && Object.keys(a.items).length === 0 && !a.sheetKnockOuts?.length && !a.itemKnockOuts?.length && !a.stopEvaluations?.length && !Object.keys(a.notes ?? {}).length;
}

/** Members whose sheet counts for a dossier: scoring seats of its round, minus the conflicted. */
export async function countedMemberIds(dossierId: string, db: Tx | typeof prisma = prisma): Promise<string[]> {
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { round: { select: { members: { where: { scores: true }, orderBy: { createdAt: "asc" }, select: { userId: true } } } }, conflicts: { select: { userId: true } } },
  });
  const conflicted = new Set(d.conflicts.map((c) => c.userId));
  return (d.round?.members ?? []).map((m) => m.userId).filter((id) => !conflicted.has(id));
}

export type CouncilSheetView = {
  userId: string;
  name: string;
  role: "CHAIR" | "SECRETARY" | "MEMBER";
  total: number;
  submittedAt: Date | null;
  reopenCount: number;
  comment: string;
  itemPoints: Record<string, number>;
  knockOuts: number;
};

/**
 * The council's submitted sheets of a dossier and its provisional result, for someone allowed
 * to read them (score.readOthers: a member once their own sheet is in, a non-scoring
 * secretary, the office, leaders). The check is made here, before any query: a member who has
 * not submitted gets FORBIDDEN from this function whatever page calls it.
 */
export async function readCouncilSheets(actor: Actor, dossier: DossierRecord) {
  if (!can(actor, "score.readOthers", dossierResource(dossier))) throw new AppError("FORBIDDEN");
  const [sheet, counted, rows, result] = await Promise.all([
    pinnedSheet(dossier),
    countedMemberIds(dossier.id),
    prisma.scoreSheet.findMany({
      where: { dossierId: dossier.id, status: "SUBMITTED" },
      select: { userId: true, answers: true, total: true, submittedAt: true, reopenCount: true, comment: true, user: { select: { name: true } } },
    }),
    prisma.dossierResult.findUnique({
      where: { dossierId: dossier.id },
      select: { memberCount: true, averageTotal: true, bandStar: true, star: true, knockedOut: true, spread: true, spreadExceeded: true, status: true, explanation: true },
    }),
  ]);
  const members = dossier.roundId
    ? await prisma.councilMember.findMany({ where: { roundId: dossier.roundId }, select: { userId: true, role: true } })
    : [];
  const order = new Map(counted.map((id, i) => [id, i]));
  const sheets: CouncilSheetView[] = rows
    .filter((r) => order.has(r.userId))
    .sort((a, b) => order.get(a.userId)! - order.get(b.userId)!)
    .map((r) => {
      const score = sheet ? scoreSheet(sheet, readStoredAnswers(r.answers) as SheetAnswers) : null;
      return {
        userId: r.userId,
        name: r.user.name,
        role: members.find((m) => m.userId === r.userId)?.role ?? "MEMBER",
        total: r.total ?? score?.total ?? 0,
        submittedAt: r.submittedAt,
        reopenCount: r.reopenCount,
        comment: r.comment,
        itemPoints: { ...(score?.itemPoints ?? {}) },
        knockOuts: score?.knockOuts.length ?? 0,
      };
    });
  return {
    sheets,
    expected: counted.length,
    result: result ? { ...result, explanation: result.explanation as unknown as ResultExplanation } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// "Phiếu chấm của tôi": the member's queue

/**
 * Dossiers under scoring on which the actor holds a counted seat, the round's deadline first,
 * each with the state of the actor's own sheet. Conflicted dossiers are not in it (nor in scope).
 */
export async function listMyScoring(actor: Actor) {
  const rows = await prisma.dossier.findMany({
    where: {
      AND: [
        dossierScope(actor),
        { status: "COUNCIL_SCORING" },
        { round: { members: { some: { userId: actor.userId, scores: true } } } },
        { conflicts: { none: { userId: actor.userId } } },
      ],
    },
    orderBy: [{ round: { completeBy: "asc" } }, { productName: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      productName: true,
      productCode: true,
      criteriaSetNo: true,
      producer: { select: { name: true, ward: { select: { name: true } } } },
      round: { select: { id: true, title: true, completeBy: true } },
      scoreSheets: { where: { userId: actor.userId }, select: { status: true, total: true, updatedAt: true, reopenCount: true } },
    },
  });
  const today = vietnamDateOf(new Date());
  return rows.map(({ scoreSheets, ...r }) => {
    const own = scoreSheets[0] ?? null;
    const state: SheetState = !own ? "NOT_STARTED" : own.status === "SUBMITTED" ? "SUBMITTED" : own.total === null ? "NOT_STARTED" : "DRAFT";
    const due = r.round ? r.round.completeBy.toISOString().slice(0, 10) : null;
    return { ...r, own, state, overdue: state !== "SUBMITTED" && due !== null && due < today };
  });
}

// ---------------------------------------------------------------------------------------------
// Progress of a round: dossiers × members

export type SheetState = "NOT_STARTED" | "DRAFT" | "SUBMITTED";
export type ProgressCell =
  | { kind: "CONFLICT" }
  | { kind: "NOT_COUNTED" }
  | { kind: "SHEET"; state: SheetState; total: number | null; reopenCount: number; remindedAt: Date | null };

/**
 * Who has scored what in a round, for those who run it (score.progress: the office, the chair
 * and the secretary). Drafts are counted as started when they hold at least one answer (their
 * provisional total is stored). Totals appear only where the viewer may read others' sheets for
 * that dossier (score.readOthers), so a chair who has not yet scored a dossier sees its progress
 * but not its numbers. A council member sees only the dossiers in their own scope.
 */
export async function roundProgress(actor: Actor, round: RoundRecord) {
  if (!can(actor, "score.progress", roundResource(round))) throw new AppError("FORBIDDEN");
  const [members, dossiers] = await Promise.all([
    prisma.councilMember.findMany({ where: { roundId: round.id }, orderBy: { createdAt: "asc" }, select: { userId: true, role: true, scores: true, user: { select: { name: true } } } }),
    prisma.dossier.findMany({
      where: { AND: [{ roundId: round.id }, dossierScope(actor), { status: { in: ["COUNCIL_SCORING", "COUNCIL_DONE", "SENT_TO_CENTRAL", "RECOGNISED", "NOT_RECOGNISED"] } }] },
      orderBy: [{ productName: "asc" }, { id: "asc" }],
      select: {
        id: true,
        productName: true,
        status: true,
        producerId: true,
        producer: { select: { name: true, wardId: true } },
        conflicts: { select: { userId: true } },
        scoreSheets: { select: { userId: true, status: true, total: true, reopenCount: true, remindedAt: true } },
        result: { select: { averageTotal: true, spread: true, spreadExceeded: true, memberCount: true, star: true, knockedOut: true, status: true, explanation: true } },
      },
    }),
  ]);
  const today = vietnamDateOf(new Date());
  const overdue = round.completeBy.toISOString().slice(0, 10) < today;
  const seat = round.seat;
  const rows = dossiers.map((d) => {
    const conflicted = new Set(d.conflicts.map((c) => c.userId));
    const ownSheet = d.scoreSheets.find((s) => s.userId === actor.userId);
    const council = seat && !conflicted.has(actor.userId) ? { ...seat, ownSheetSubmitted: ownSheet?.status === "SUBMITTED" } : null;
    const showTotals = can(actor, "score.readOthers", { type: "dossier", id: d.id, producerId: d.producerId, wardId: d.producer.wardId, status: d.status, council });
    const cells = members.map((m): ProgressCell => {
      if (conflicted.has(m.userId)) return { kind: "CONFLICT" };
      if (!m.scores) return { kind: "NOT_COUNTED" };
      const s = d.scoreSheets.find((x) => x.userId === m.userId);
      const state: SheetState = !s ? "NOT_STARTED" : s.status === "SUBMITTED" ? "SUBMITTED" : s.total === null ? "NOT_STARTED" : "DRAFT";
      return { kind: "SHEET", state, total: showTotals && state === "SUBMITTED" ? (s?.total ?? null) : null, reopenCount: s?.reopenCount ?? 0, remindedAt: s?.remindedAt ?? null };
    });
    const expected = cells.filter((c) => c.kind === "SHEET").length;
    const submitted = cells.filter((c) => c.kind === "SHEET" && c.state === "SUBMITTED").length;
    const explanation = d.result?.explanation as unknown as ResultExplanation | undefined;
    return {
      id: d.id,
      productName: d.productName,
      producerName: d.producer.name,
      status: d.status,
      cells,
      expected,
      submitted,
      // Whether the council must discuss it is the chair's and secretary's business even before they score.
      needsDiscussion: d.status === "COUNCIL_SCORING" && (d.result?.spreadExceeded ?? false),
      showTotals,
      result: showTotals && d.result ? { averageTotal: d.result.averageTotal, spread: d.result.spread, star: d.result.star, knockedOut: d.result.knockedOut, status: d.result.status, itemSpreads: explanation?.itemSpreads ?? {} } : null,
    };
  });
  const late = members
    .filter((m) => m.scores)
    .map((m) => {
      const index = members.findIndex((x) => x.userId === m.userId);
      const outstanding = rows.filter((r) => r.status === "COUNCIL_SCORING" && r.cells[index]?.kind === "SHEET" && (r.cells[index] as { state: SheetState }).state !== "SUBMITTED").length;
      const reminded = rows.flatMap((r) => {
        const c = r.cells[index];
        return c?.kind === "SHEET" && c.remindedAt ? [c.remindedAt] : [];
      });
      const lastRemindedAt = reminded.length ? new Date(Math.max(...reminded.map((d) => d.getTime()))) : null;
      return { userId: m.userId, name: m.user.name, outstanding, lastRemindedAt };
    })
    .filter((m) => m.outstanding > 0);
  return { members: members.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role, scores: m.scores })), rows, late, overdue };
}

// ---------------------------------------------------------------------------------------------
// The scoring screen

/**
 * What a member reads beside the sheet, for a dossier the caller has loaded in scope: the
 * producer's self-score, the ward's Form 03, and the evidence documents with the criteria each
 * supports (files are downloaded through /api/files, which checks the dossier again).
 */
export async function scoringContext(dossier: { id: string }) {
  const [row, evidence] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      select: { selfScore: true, form03: true, form03At: true, sampleCount: true, criteriaSet: { select: { no: true, name: true } } },
    }),
    prisma.dossierEvidence.findMany({
      where: { dossierId: dossier.id, attachment: { deletedAt: null } },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
      select: { id: true, kind: true, title: true, expiresOn: true, itemCodes: true, attachment: { select: { id: true, fileName: true } } },
    }),
  ]);
  return {
    selfScore: readStoredAnswers(row.selfScore),
    form03: (row.form03 ?? null) as Record<string, unknown> | null,
    form03At: row.form03At,
    sampleCount: row.sampleCount,
    criteriaSet: row.criteriaSet,
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, expiresOn: e.expiresOn ? e.expiresOn.toISOString().slice(0, 10) : null, itemCodes: e.itemCodes, fileId: e.attachment.id, fileName: e.attachment.fileName })),
  };
}

/** The reason of the last reopen of a sheet the caller has loaded (its own), if it was ever reopened. */
export async function lastReopen(sheet: { id: string }) {
  return prisma.statusEvent.findFirst({
    where: { entityType: "ScoreSheet", entityId: sheet.id, action: "reopen" },
    orderBy: { id: "desc" },
    select: { comment: true, actorName: true, at: true },
  });
}
