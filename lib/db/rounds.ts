import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type CouncilSeat } from "@/lib/auth/policy";
import { decodeConflictReasons } from "@/lib/domain/conflicts";
import { compareIsoDate, type IsoDate } from "@/lib/domain/dates";
import { recognitionLevels, ruleSetInForce, type EvaluationLevel, type KnockOutRule, type RuleSetCode } from "@/lib/domain/rule-sets";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { prisma, type Tx } from "./client";
import { dossierScope, roundScope } from "./scope";

// ---------------------------------------------------------------------------------------------
// Defaults of a new round

export type RoundDefaults = {
  ruleSetCode: RuleSetCode | null;
  no: number;
  title: string;
  level: EvaluationLevel;
  /** Null when the rule set has no calendar for this round number (extra rounds, QĐ148 era). */
  proposalsBy: IsoDate | null;
  completeBy: IsoDate | null;
  maxSpread: number;
  knockOutRule: KnockOutRule;
};

/**
 * What a new round of `cycleYear` starts from: the rule set in force on the day of that year
 * nearest to `today` (today itself for the current year, 31/12 for a past year, 1/1 for a
 * future one). Its calendar gives the dates of rounds 1 and 2 (QĐ26 Art. 5: proposals by 30/4
 * decided by 30/6, by 30/10 decided by 30/12); the council defaults give the spread threshold
 * and the knock-out rule; the first council level that recognises a star gives the level
 * (the district under QĐ148, the province since QĐ1489).
 */
export function roundDefaults(cycleYear: number, no: number, today: IsoDate): RoundDefaults {
  const first = `${cycleYear}-01-01`;
  const last = `${cycleYear}-12-31`;
  const day = compareIsoDate(today, first) < 0 ? first : compareIsoDate(today, last) > 0 ? last : today;
  const ruleSet = ruleSetInForce(day);
  const calendar = ruleSet?.provincialRounds?.[no - 1] ?? null;
  return {
    ruleSetCode: ruleSet?.code ?? null,
    no,
    title: `Đợt ${no} năm ${cycleYear}`,
    level: (ruleSet ? recognitionLevels(ruleSet)[0] : undefined) ?? "PROVINCE",
    proposalsBy: calendar ? `${cycleYear}-${calendar.proposalsBy}` : null,
    completeBy: calendar ? `${cycleYear}-${calendar.completeBy}` : null,
    maxSpread: ruleSet?.councilDefaults.maxSpread ?? 10,
    knockOutRule: ruleSet?.councilDefaults.knockOutRule ?? "MAJORITY",
  };
}

/** The number the next round of a year gets (rounds are numbered per year from 1). */
export async function nextRoundNo(cycleYear: number, db: Tx | typeof prisma = prisma): Promise<number> {
  const last = await db.evaluationRound.aggregate({ where: { cycleYear }, _max: { no: true } });
  return (last._max.no ?? 0) + 1;
}

// ---------------------------------------------------------------------------------------------
// One round, loaded in scope with the actor's seat

const roundView = (userId: string) =>
  ({
    id: true,
    cycleYear: true,
    no: true,
    title: true,
    level: true,
    proposalsBy: true,
    completeBy: true,
    status: true,
    maxSpread: true,
    knockOutRule: true,
    councilDecision: true,
    createdAt: true,
    updatedAt: true,
    members: { where: { userId }, select: { id: true, role: true, scores: true } },
  }) satisfies Prisma.EvaluationRoundSelect;

type LoadedRound = Prisma.EvaluationRoundGetPayload<{ select: ReturnType<typeof roundView> }>;
export type RoundRecord = LoadedRound & { seat: CouncilSeat | null };

export const roundResource = (r: { id: string; seat: CouncilSeat | null }) => ({ type: "round", id: r.id, council: r.seat }) as const;

/** The round if the actor may see it (office, leader, admin, or a member of its council); null answers 404. */
export async function findRound(actor: Actor, id: string, db: Tx | typeof prisma = prisma): Promise<RoundRecord | null> {
  const found = await db.evaluationRound.findFirst({ where: { AND: [{ id }, roundScope(actor)] }, select: roundView(actor.userId) });
  if (!found) return null;
  const member = found.members[0];
  const record: RoundRecord = { ...found, seat: member ? { role: member.role, scores: member.scores, ownSheetSubmitted: false } : null };
  return can(actor, "round.read", roundResource(record)) ? record : null;
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Stages of a dossier inside a round, as the round's counts and filters group them. */
export const ROUND_STAGES = ["waiting", "scoring", "done"] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];
export const STAGE_STATUSES: Record<RoundStage, DossierStatus[]> = {
  waiting: ["FORWARDED", "SUPPLEMENT_REQUESTED", "ADVISORY_REVIEW"],
  scoring: ["COUNCIL_SCORING"],
  done: ["COUNCIL_DONE", "SENT_TO_CENTRAL", "RECOGNISED", "NOT_RECOGNISED"],
};
const stageOf = (s: DossierStatus): RoundStage | null => ROUND_STAGES.find((k) => STAGE_STATUSES[k].includes(s)) ?? null;

/**
 * Rounds of a year (all years when none is given) with their dossier counts by stage and their
 * council size: two grouped queries for the whole page, whatever the number of rounds. A council
 * member counts only the dossiers they may see (conflicted ones are not theirs to count).
 */
export async function listRounds(actor: Actor, f: { year?: number }) {
  const rounds = await prisma.evaluationRound.findMany({
    where: { AND: [roundScope(actor), f.year ? { cycleYear: f.year } : {}] },
    orderBy: [{ cycleYear: "desc" }, { no: "asc" }],
    select: { id: true, cycleYear: true, no: true, title: true, level: true, status: true, proposalsBy: true, completeBy: true, maxSpread: true },
  });
  const ids = rounds.map((r) => r.id);
  const [byStatus, members] = ids.length
    ? await Promise.all([
        prisma.dossier.groupBy({ by: ["roundId", "status"], where: { AND: [{ roundId: { in: ids } }, dossierScope(actor)] }, _count: { _all: true } }),
        prisma.councilMember.groupBy({ by: ["roundId"], where: { roundId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  return rounds.map((r) => {
    const counts = { total: 0, waiting: 0, scoring: 0, done: 0 };
    for (const g of byStatus) {
      if (g.roundId !== r.id) continue;
      counts.total += g._count._all;
      const stage = stageOf(g.status);
      if (stage) counts[stage] += g._count._all;
    }
    return { ...r, counts, memberCount: members.find((m) => m.roundId === r.id)?._count._all ?? 0 };
  });
}

/** Years that have rounds, newest first (the list's year filter). */
export async function listRoundYears(actor: Actor): Promise<number[]> {
  const rows = await prisma.evaluationRound.findMany({ where: roundScope(actor), distinct: ["cycleYear"], orderBy: { cycleYear: "desc" }, select: { cycleYear: true } });
  return rows.map((r) => r.cycleYear);
}

/** The council of a round the caller has loaded in scope, chair first. */
export async function listCouncil(round: { id: string }) {
  const members = await prisma.councilMember.findMany({
    where: { roundId: round.id },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, userId: true, role: true, scores: true, title: true, createdAt: true, user: { select: { name: true, email: true, role: true, isActive: true } } },
  });
  const order = { CHAIR: 0, SECRETARY: 1, MEMBER: 2 } as const;
  return members.sort((a, b) => order[a.role] - order[b.role]);
}

/** People the office may seat on a council: active council members, and office staff as secretary. */
export async function listCouncilCandidates(round: { id: string }) {
  return prisma.user.findMany({
    where: { isActive: true, role: { in: ["COUNCIL_MEMBER", "ECONOMIC_OFFICE"] }, councilSeats: { none: { roundId: round.id } } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true },
    take: 500,
  });
}

/** The dossiers of a round the actor may see (a conflicted member does not see theirs), by stage. */
export async function listRoundDossiers(actor: Actor, round: { id: string }, f: { stage?: RoundStage } = {}) {
  return prisma.dossier.findMany({
    where: { AND: [{ roundId: round.id }, dossierScope(actor), f.stage ? { status: { in: STAGE_STATUSES[f.stage] } } : {}] },
    orderBy: [{ forwardedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      productName: true,
      productCode: true,
      status: true,
      criteriaSetNo: true,
      evaluationType: true,
      forwardedAt: true,
      producer: { select: { id: true, name: true, legalRepName: true, ward: { select: { name: true } } } },
    },
  });
}

/**
 * Forwarded dossiers in no round yet, oldest forward first: the queue the office assigns from.
 * For the office only (the page checks round.manage); dossiers under advisory review may join too.
 */
export async function listAssignableDossiers(actor: Actor, take = 200) {
  return prisma.dossier.findMany({
    where: { AND: [{ roundId: null, status: { in: ["FORWARDED", "ADVISORY_REVIEW"] } }, dossierScope(actor)] },
    orderBy: [{ forwardedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take,
    select: {
      id: true,
      productName: true,
      productCode: true,
      status: true,
      cycleYear: true,
      criteriaSetNo: true,
      sheetId: true,
      ruleSetCode: true,
      forwardedAt: true,
      producer: { select: { name: true, ward: { select: { name: true } } } },
    },
  });
}

/**
 * Declarations of interest of a round: all of them for those who run it (office, leader,
 * admin), only the actor's own for a council member. Each comes with the number of the round's
 * dossiers it excludes the declarant from (a member is never told which dossiers those are).
 */
export async function listDeclarations(actor: Actor, round: { id: string }) {
  const ownOnly = actor.role === "COUNCIL_MEMBER";
  const rows = await prisma.conflictDeclaration.findMany({
    where: { roundId: round.id, ...(ownOnly ? { userId: actor.userId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, kind: true, producerId: true, dossierId: true, familyName: true, wardId: true, note: true, createdAt: true, user: { select: { name: true } } },
  });
  if (rows.length === 0) return [];
  const producerIds = [...new Set(rows.flatMap((r) => (r.producerId ? [r.producerId] : [])))];
  const dossierIds = [...new Set(rows.flatMap((r) => (r.dossierId ? [r.dossierId] : [])))];
  const wardIds = [...new Set(rows.flatMap((r) => (r.wardId ? [r.wardId] : [])))];
  const [producers, dossiers, wards] = await Promise.all([
    prisma.producer.findMany({ where: { id: { in: producerIds } }, select: { id: true, name: true } }),
    prisma.dossier.findMany({ where: { id: { in: dossierIds } }, select: { id: true, productName: true } }),
    prisma.adminUnit.findMany({ where: { id: { in: wardIds } }, select: { id: true, name: true } }),
  ]);
  const nameOf = <T extends { id: string }>(list: T[], id: string | null, pick: (t: T) => string) => {
    const found = id ? list.find((x) => x.id === id) : undefined;
    return found ? pick(found) : null;
  };
  return rows.map((r) => ({
    ...r,
    producerName: nameOf(producers, r.producerId, (p) => p.name),
    dossierName: nameOf(dossiers, r.dossierId, (d) => d.productName),
    wardName: nameOf(wards, r.wardId, (w) => w.name),
  }));
}

/**
 * Conflicts of a round's dossiers, per member, for those who run the round; for a council
 * member only their own count (which dossiers are hidden from them is not theirs to read).
 */
export async function listRoundConflicts(actor: Actor, round: { id: string }) {
  const ownOnly = actor.role === "COUNCIL_MEMBER";
  if (ownOnly) {
    const count = await prisma.dossierConflict.count({ where: { userId: actor.userId, dossier: { roundId: round.id } } });
    return { ownCount: count, rows: [] };
  }
  const rows = await prisma.dossierConflict.findMany({
    where: { dossier: { roundId: round.id } },
    orderBy: [{ userId: "asc" }, { createdAt: "asc" }],
    select: { id: true, userId: true, source: true, reason: true, user: { select: { name: true } }, dossier: { select: { id: true, productName: true, producer: { select: { name: true } } } } },
  });
  return { ownCount: null, rows: rows.map((r) => ({ ...r, reasons: decodeConflictReasons(r.reason) })) };
}

/** Producers and dossiers a member may name in a declaration: those of the round's dossiers they see. */
export async function declarationChoices(actor: Actor, round: { id: string }) {
  const dossiers = await prisma.dossier.findMany({
    where: { AND: [{ roundId: round.id }, dossierScope(actor)] },
    orderBy: { productName: "asc" },
    select: { id: true, productName: true, producer: { select: { id: true, name: true } } },
  });
  const producers = new Map(dossiers.map((d) => [d.producer.id, d.producer.name]));
  return {
    dossiers: dossiers.map((d) => ({ id: d.id, label: `${d.productName} — ${d.producer.name}` })),
    producers: [...producers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}
