"use server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { DOSSIER_ACTION_PERMISSION } from "@/lib/auth/workflow-permissions";
import type { Tx } from "@/lib/db/tx";
import { lockRound, recomputeRoundResults, refreshConflicts } from "@/lib/db/conflicts";
import { dossierResource, findDossier } from "@/lib/db/dossiers";
import { notify } from "@/lib/db/notifications";
import { findRound, nextRoundNo, roundDefaults, roundResource, STAGE_STATUSES, type RoundRecord } from "@/lib/db/rounds";
import { recordStatusChange } from "@/lib/db/timeline";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { DOSSIER_MACHINE, transition, type DossierState } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import type { CouncilRole } from "@/lib/generated/prisma/enums";
import {
  addMemberSchema,
  assignDossiersSchema,
  createRoundSchema,
  declareConflictSchema,
  memberIdSchema,
  removeDeclarationSchema,
  removeDossierSchema,
  roundIdSchema,
  updateMemberSchema,
  updateRoundSchema,
} from "@/lib/validation/rounds";
import { defineAction } from "./define-action";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fieldError = (code: "VALIDATION" | "INCOMPLETE" | "CONFLICT", field: string, key: string) => new AppError(code, undefined, { [field]: [key] });

/** The round as loaded for writing: in scope, then locked, then re-read (the lock is what the checks rely on). */
async function lockedRound(actor: Actor, roundId: string, tx: Tx): Promise<RoundRecord | null> {
  const round = await findRound(actor, roundId, tx);
  if (!round) return null;
  await lockRound(tx, round.id);
  return findRound(actor, roundId, tx);
}

const roundPaths = (roundId: string) => ["/rounds", `/rounds/${roundId}`, "/evaluation"];

// ---------------------------------------------------------------------------------------------
// Rounds

export const createRound = defineAction({
  name: "round.create",
  input: createRoundSchema,
  permission: "round.manage",
  load: async () => ({ id: "", seat: null }),
  resource: roundResource,
  run: async ({ input, tx }) => {
    const no = await nextRoundNo(input.cycleYear, tx);
    const defaults = roundDefaults(input.cycleYear, no, vietnamDateOf(new Date()));
    const proposalsBy = input.proposalsBy ?? defaults.proposalsBy;
    const completeBy = input.completeBy ?? defaults.completeBy;
    // Extra rounds (and years whose rule set has no calendar) need their dates typed in.
    if (!proposalsBy) throw fieldError("VALIDATION", "proposalsBy", "validation.required");
    if (!completeBy) throw fieldError("VALIDATION", "completeBy", "validation.required");
    if (proposalsBy > completeBy) throw fieldError("VALIDATION", "completeBy", "council.datesOrder");
    const data = {
      cycleYear: input.cycleYear,
      no,
      title: input.title || defaults.title,
      level: input.level ?? defaults.level,
      proposalsBy: day(proposalsBy),
      completeBy: day(completeBy),
      maxSpread: input.maxSpread ?? defaults.maxSpread,
      knockOutRule: input.knockOutRule ?? defaults.knockOutRule,
      councilDecision: input.councilDecision,
    };
    // Two rounds created at once get the same number: the unique (year, no) refuses one (CONFLICT).
    const round = await tx.evaluationRound.create({ data, select: { id: true } });
    return { result: { roundId: round.id, no }, audit: { entityType: "EvaluationRound", entityId: round.id, after: { ...data, ruleSetCode: defaults.ruleSetCode } } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

export const updateRound = defineAction({
  name: "round.update",
  input: updateRoundSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ input, record, tx }) => {
    if (record.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    if (input.version !== record.updatedAt.toISOString()) throw new AppError("CONFLICT");
    // The level decides who recognises what; it cannot change under a council already scoring.
    if (record.status !== "PLANNED" && input.level !== record.level) throw fieldError("VALIDATION", "level", "council.levelFixed");
    const data = {
      title: input.title,
      level: input.level,
      proposalsBy: day(input.proposalsBy),
      completeBy: day(input.completeBy),
      maxSpread: input.maxSpread,
      knockOutRule: input.knockOutRule,
      councilDecision: input.councilDecision,
    };
    const { count } = await tx.evaluationRound.updateMany({ where: { id: record.id, updatedAt: record.updatedAt }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    // The threshold and the knock-out rule are inputs of every open result of the round.
    if (input.maxSpread !== record.maxSpread || input.knockOutRule !== record.knockOutRule) await recomputeRoundResults(tx, record.id);
    const before = { title: record.title, level: record.level, proposalsBy: isoOf(record.proposalsBy), completeBy: isoOf(record.completeBy), maxSpread: record.maxSpread, knockOutRule: record.knockOutRule, councilDecision: record.councilDecision };
    return { result: { roundId: record.id }, audit: { entityType: "EvaluationRound", entityId: record.id, before, after: { ...input, version: undefined } } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

/**
 * Starts scoring: every dossier of the round still waiting (forwarded or under advisory review)
 * goes to the council; the round opens. Run again after more dossiers joined an open round, it
 * starts the newcomers. Dossiers waiting for a supplement stay where they are.
 */
export const startRoundScoring = defineAction({
  name: "round.startScoring",
  input: roundIdSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, record, tx }) => {
    if (record.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    const members = await tx.councilMember.findMany({ where: { roundId: record.id }, select: { userId: true, role: true, scores: true } });
    if (members.filter((m) => m.role === "CHAIR").length !== 1) throw fieldError("INCOMPLETE", "members", "council.chairRequired");
    const counted = members.filter((m) => m.scores);
    if (counted.length === 0) throw fieldError("INCOMPLETE", "members", "council.scorerRequired");
    await refreshConflicts(tx, { roundId: record.id });
    const waiting = await tx.dossier.findMany({
      where: { roundId: record.id, status: { in: ["FORWARDED", "ADVISORY_REVIEW"] } },
      orderBy: { id: "asc" },
      select: { id: true, status: true, productName: true, producerId: true, conflicts: { select: { userId: true } } },
    });
    if (waiting.length === 0) throw fieldError("INCOMPLETE", "dossiers", "council.nothingToStart");
    // A dossier every scoring member is conflicted with could never get a result.
    const orphan = waiting.find((d) => counted.every((m) => d.conflicts.some((c) => c.userId === m.userId)));
    if (orphan) throw fieldError("INCOMPLETE", "dossiers", "council.noCountedMember");

    for (const d of waiting) {
      const from = d.status as DossierState;
      const to = transition(DOSSIER_MACHINE, from, "start-scoring");
      if (!to) throw new AppError("INVALID_TRANSITION");
      const loaded = await findDossier(actor, d.id, tx);
      if (!loaded || !can(actor, DOSSIER_ACTION_PERMISSION["start-scoring"], dossierResource(loaded))) throw new AppError("FORBIDDEN");
      const { count } = await tx.dossier.updateMany({ where: { id: d.id, roundId: record.id, status: from }, data: { status: to } });
      if (count !== 1) throw new AppError("CONFLICT");
      await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: d.id, action: "start-scoring", fromStatus: from, toStatus: to, comment: record.title });
      await notify(tx, actor, [{ kind: "producer", producerId: d.producerId }], { kind: "councilNotices.scoringStarted", params: { name: d.productName, round: record.title }, href: `/dossiers/${d.id}` });
    }
    if (record.status === "PLANNED") {
      const { count } = await tx.evaluationRound.updateMany({ where: { id: record.id, status: "PLANNED" }, data: { status: "SCORING" } });
      if (count !== 1) throw new AppError("CONFLICT");
      await recordStatusChange(tx, actor, { entityType: "EvaluationRound", entityId: record.id, action: "start-scoring", fromStatus: "PLANNED", toStatus: "SCORING" });
    }
    await notify(tx, actor, [{ kind: "users", userIds: counted.map((m) => m.userId) }], {
      kind: "councilNotices.scoringOpened",
      params: { round: record.title, count: String(waiting.length), date: isoOf(record.completeBy).split("-").reverse().join("/") },
      href: "/evaluation",
    });
    return {
      result: { roundId: record.id, started: waiting.length },
      audit: { entityType: "EvaluationRound", entityId: record.id, before: { status: record.status }, after: { status: "SCORING", started: waiting.map((d) => d.id) } },
    };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

/** Closes a round once none of its dossiers is still waiting or under scoring. */
export const closeRound = defineAction({
  name: "round.close",
  input: roundIdSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, record, tx }) => {
    if (record.status !== "SCORING") throw new AppError("INVALID_TRANSITION");
    const open = await tx.dossier.count({ where: { roundId: record.id, status: { in: [...STAGE_STATUSES.waiting, ...STAGE_STATUSES.scoring] } } });
    if (open > 0) throw fieldError("INCOMPLETE", "dossiers", "council.roundStillOpen");
    const { count } = await tx.evaluationRound.updateMany({ where: { id: record.id, status: "SCORING" }, data: { status: "CLOSED" } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "EvaluationRound", entityId: record.id, action: "close", fromStatus: "SCORING", toStatus: "CLOSED" });
    return { result: { roundId: record.id }, audit: { entityType: "EvaluationRound", entityId: record.id, before: { status: "SCORING" }, after: { status: "CLOSED" } } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

// ---------------------------------------------------------------------------------------------
// The council

/** Exactly one chair is required to score (checked at start); at most one chair and one secretary at any time. */
async function checkRoles(tx: Tx, roundId: string, role: CouncilRole, exceptMemberId: string | null) {
  if (role === "MEMBER") return;
  const taken = await tx.councilMember.count({ where: { roundId, role, ...(exceptMemberId ? { id: { not: exceptMemberId } } : {}) } });
  if (taken > 0) throw fieldError("VALIDATION", "role", role === "CHAIR" ? "council.oneChair" : "council.oneSecretary");
}

async function checkSeatable(tx: Tx, userId: string, role: CouncilRole, scores: boolean) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
  if (!user || !user.isActive || (user.role !== "COUNCIL_MEMBER" && user.role !== "ECONOMIC_OFFICE")) throw fieldError("VALIDATION", "userId", "council.notSeatable");
  // Office staff keep the council's minutes and never score: they see every sheet as they run
  // the round, which a scoring member may not until their own sheet is in.
  if (user.role === "ECONOMIC_OFFICE" && role !== "SECRETARY") throw fieldError("VALIDATION", "role", "council.officeOnlySecretary");
  if (user.role === "ECONOMIC_OFFICE" && scores) throw fieldError("VALIDATION", "scores", "council.officeOnlySecretary");
}

export const addCouncilMember = defineAction({
  name: "round.addMember",
  input: addMemberSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    await checkSeatable(tx, input.userId, input.role, input.scores);
    await checkRoles(tx, record.id, input.role, null);
    const member = await tx.councilMember.create({
      data: { roundId: record.id, userId: input.userId, role: input.role, scores: input.scores, title: input.title },
      select: { id: true },
    });
    await refreshConflicts(tx, { roundId: record.id });
    if (record.status === "SCORING") await recomputeRoundResults(tx, record.id);
    await notify(tx, actor, [{ kind: "users", userIds: [input.userId] }], { kind: "councilNotices.memberAdded", params: { round: record.title }, href: `/rounds/${record.id}` });
    return { result: { roundId: record.id, memberId: member.id }, audit: { entityType: "CouncilMember", entityId: member.id, after: input } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

async function loadMember(actor: Actor, memberId: string, tx: Tx) {
  const member = await tx.councilMember.findUnique({ where: { id: memberId }, select: { id: true, roundId: true, userId: true, role: true, scores: true, title: true } });
  if (!member) return null;
  const round = await lockedRound(actor, member.roundId, tx);
  return round ? { member, round } : null;
}

export const updateCouncilMember = defineAction({
  name: "round.updateMember",
  input: updateMemberSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => loadMember(actor, input.memberId, tx),
  resource: (l) => roundResource(l.round),
  run: async ({ input, record: { member, round }, tx }) => {
    if (round.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    await checkSeatable(tx, member.userId, input.role, input.scores);
    await checkRoles(tx, round.id, input.role, member.id);
    // Scoring needs its chair throughout: the chair reopens sheets and closes discussions.
    if (round.status === "SCORING" && member.role === "CHAIR" && input.role !== "CHAIR") throw fieldError("VALIDATION", "role", "council.chairRequired");
    const data = { role: input.role, scores: input.scores, title: input.title };
    await tx.councilMember.update({ where: { id: member.id }, data });
    if (round.status === "SCORING" && input.scores !== member.scores) await recomputeRoundResults(tx, round.id);
    return { result: { roundId: round.id }, audit: { entityType: "CouncilMember", entityId: member.id, before: member, after: data } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

export const removeCouncilMember = defineAction({
  name: "round.removeMember",
  input: memberIdSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => loadMember(actor, input.memberId, tx),
  resource: (l) => roundResource(l.round),
  run: async ({ record: { member, round }, tx }) => {
    if (round.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    if (round.status === "SCORING") {
      if (member.role === "CHAIR") throw fieldError("VALIDATION", "role", "council.chairRequired");
      // A sheet already counted would silently drop out of the result: the chair reopens it, or the member stays.
      const submitted = await tx.scoreSheet.count({ where: { userId: member.userId, status: "SUBMITTED", dossier: { roundId: round.id } } });
      if (submitted > 0) throw fieldError("VALIDATION", "memberId", "council.memberHasSubmitted");
    }
    await tx.councilMember.delete({ where: { id: member.id } });
    await refreshConflicts(tx, { roundId: round.id });
    if (round.status === "SCORING") await recomputeRoundResults(tx, round.id);
    return { result: { roundId: round.id }, audit: { entityType: "CouncilMember", entityId: member.id, before: member } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

// ---------------------------------------------------------------------------------------------
// Dossiers of the round

export const assignDossiers = defineAction({
  name: "round.assignDossiers",
  input: assignDossiersSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    const ids = [...new Set(input.dossierIds)].sort();
    for (const id of ids) {
      const dossier = await findDossier(actor, id, tx);
      if (!dossier || !can(actor, "dossier.intake", dossierResource(dossier))) throw new AppError("NOT_FOUND");
      if (dossier.status !== "FORWARDED" && dossier.status !== "ADVISORY_REVIEW") throw new AppError("INVALID_TRANSITION");
      if (dossier.roundId !== null) throw new AppError("CONFLICT");
      const { count } = await tx.dossier.updateMany({ where: { id, roundId: null, status: dossier.status }, data: { roundId: record.id } });
      if (count !== 1) throw new AppError("CONFLICT");
    }
    await refreshConflicts(tx, { roundId: record.id });
    return { result: { roundId: record.id, assigned: ids.length }, audit: { entityType: "EvaluationRound", entityId: record.id, after: { assigned: ids } } };
  },
  revalidate: (r) => [...roundPaths(r.roundId), "/dossiers"],
});

export const removeDossierFromRound = defineAction({
  name: "round.removeDossier",
  input: removeDossierSchema,
  permission: "round.manage",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    const dossier = await findDossier(actor, input.dossierId, tx);
    if (!dossier || dossier.roundId !== record.id) throw new AppError("NOT_FOUND");
    // Once the council has it, a dossier leaves only through its result.
    const waiting = STAGE_STATUSES.waiting;
    if (!waiting.includes(dossier.status)) throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.dossier.updateMany({ where: { id: dossier.id, roundId: record.id, status: { in: waiting } }, data: { roundId: null } });
    if (count !== 1) throw new AppError("CONFLICT");
    await refreshConflicts(tx, { dossierId: dossier.id });
    return { result: { roundId: record.id }, audit: { entityType: "EvaluationRound", entityId: record.id, after: { removed: dossier.id } } };
  },
  revalidate: (r) => [...roundPaths(r.roundId), "/dossiers"],
});

// ---------------------------------------------------------------------------------------------
// Declarations of interest

export const declareConflict = defineAction({
  name: "round.declareConflict",
  input: declareConflictSchema,
  permission: "round.declareConflict",
  load: ({ actor, input, tx }) => lockedRound(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    // Only what the round holds may be named: the declaration is about this council's work.
    if (input.dossierId && !(await tx.dossier.count({ where: { id: input.dossierId, roundId: record.id } }))) throw fieldError("VALIDATION", "dossierId", "validation.choose");
    if (input.producerId && !(await tx.dossier.count({ where: { producerId: input.producerId, roundId: record.id } }))) throw fieldError("VALIDATION", "producerId", "validation.choose");
    if (input.wardId && !(await tx.adminUnit.count({ where: { id: input.wardId, kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] } } }))) throw fieldError("VALIDATION", "wardId", "validation.choose");
    const relative = input.kind === "RELATIVE";
    const data = {
      roundId: record.id,
      userId: actor.userId,
      kind: input.kind,
      producerId: relative ? null : input.producerId,
      dossierId: relative ? null : input.dossierId,
      familyName: relative ? input.familyName!.normalize("NFC") : null,
      wardId: relative ? input.wardId : null,
      note: input.note,
    };
    const declaration = await tx.conflictDeclaration.create({ data, select: { id: true } });
    await refreshConflicts(tx, { roundId: record.id });
    await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }], { kind: "councilNotices.conflictDeclared", params: { name: actor.name, round: record.title }, href: `/rounds/${record.id}` });
    return { result: { roundId: record.id, declarationId: declaration.id }, audit: { entityType: "ConflictDeclaration", entityId: declaration.id, after: data } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});

export const removeDeclaration = defineAction({
  name: "round.removeDeclaration",
  input: removeDeclarationSchema,
  permission: "round.declareConflict",
  load: async ({ actor, input, tx }) => {
    // Only one's own declaration: another member's is not theirs to withdraw (404, not 403).
    const declaration = await tx.conflictDeclaration.findFirst({ where: { id: input.declarationId, userId: actor.userId } });
    if (!declaration) return null;
    const round = await lockedRound(actor, declaration.roundId, tx);
    return round ? { declaration, round } : null;
  },
  resource: (l) => roundResource(l.round),
  run: async ({ record: { declaration, round }, tx }) => {
    if (round.status === "CLOSED") throw new AppError("INVALID_TRANSITION");
    await tx.conflictDeclaration.delete({ where: { id: declaration.id } });
    await refreshConflicts(tx, { roundId: round.id });
    return { result: { roundId: round.id }, audit: { entityType: "ConflictDeclaration", entityId: declaration.id, before: declaration } };
  },
  revalidate: (r) => roundPaths(r.roundId),
});
