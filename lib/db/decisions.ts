import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationLevel, ResultStatus } from "@/lib/generated/prisma/enums";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import { vietnamDateOf } from "@/lib/domain/dates";
import { releaseAction } from "@/lib/domain/release";
import { getRuleSet, isRuleSetCode } from "@/lib/domain/rule-sets";
import { scoreSheet, type SheetAnswers } from "@/lib/domain/scoring";
import { AppError } from "@/lib/errors";
import type { MinutesBlocker, MinutesPdfData } from "@/lib/pdf/minutes";
import { prisma, type Tx } from "./client";
import { certificateScope, roundScope } from "./scope";
import { dossierResource, findDossier, type DossierRecord } from "./dossiers";
import { issuersOfWard } from "./certificates";
import type { ResultExplanation } from "./results";

// Council results after scoring: staging, checking, decisions, release and referrals.

export type RoundForResults = { id: string; no: number; cycleYear: number; title: string; level: EvaluationLevel; status: string };

export const roundResource = (r: { id: string }) => ({ type: "round", id: r.id, council: null }) as const;

/** A round in the actor's scope (the office sees all); null answers 404. */
export async function findRoundForResults(actor: Actor, roundId: string, db: Tx | typeof prisma = prisma): Promise<RoundForResults | null> {
  return db.evaluationRound.findFirst({
    where: { AND: [{ id: roundId }, roundScope(actor)] },
    select: { id: true, no: true, cycleYear: true, title: true, level: true, status: true },
  });
}

/** Rounds with council results, with how many results are at each step (counted in SQL). */
export async function listResultRounds(actor: Actor) {
  const rounds = await prisma.evaluationRound.findMany({
    where: { AND: [roundScope(actor), { dossiers: { some: { result: { isNot: null } } } }] },
    orderBy: [{ cycleYear: "desc" }, { no: "desc" }],
    select: { id: true, no: true, cycleYear: true, title: true, level: true, completeBy: true },
  });
  if (rounds.length === 0) return [];
  const counts = await prisma.$queryRaw<{ roundId: string; status: ResultStatus; n: bigint }[]>`
    SELECT d."roundId", r.status, count(*) AS n
    FROM "DossierResult" r JOIN "Dossier" d ON d.id = r."dossierId"
    WHERE d."roundId" = ANY(${rounds.map((r) => r.id)})
    GROUP BY d."roundId", r.status`;
  return rounds.map((round) => {
    const byStatus: Record<ResultStatus, number> = { PROVISIONAL: 0, STAGED: 0, CHECKED: 0, RELEASED: 0 };
    for (const c of counts) if (c.roundId === round.id) byStatus[c.status] = Number(c.n);
    return { ...round, byStatus };
  });
}

/** Every dossier of the round that has a council result, with what the office needs to check it. */
export async function listRoundResults(round: { id: string }) {
  return prisma.dossier.findMany({
    where: { roundId: round.id, result: { isNot: null } },
    orderBy: [{ productName: "asc" }],
    select: {
      id: true,
      productName: true,
      productCode: true,
      status: true,
      evaluationType: true,
      ruleSetCode: true,
      producer: { select: { name: true, ward: { select: { name: true } } } },
      result: {
        select: {
          status: true,
          memberCount: true,
          averageTotal: true,
          bandStar: true,
          star: true,
          knockedOut: true,
          spread: true,
          spreadExceeded: true,
          recognitionLevel: true,
          referralTo: true,
          explanation: true,
          checkedAt: true,
          checkedById: true,
          releasedAt: true,
          decision: { select: { number: true } },
        },
      },
      certificate: { select: { id: true, number: true } },
      referrals: { orderBy: { createdAt: "desc" }, select: { id: true, toLevel: true, averageTotal: true, sentOn: true, outcomeOn: true, outcomeStar: true } },
    },
  });
}

/** The name of whoever checked each result (one query for the page, not one per row). */
export async function namesOf(userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map<string, string>();
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listRoundDecisions(round: { id: string }) {
  return prisma.decision.findMany({
    where: { roundId: round.id, kind: "RECOGNITION" },
    orderBy: { signedOn: "desc" },
    select: { id: true, number: true, signedOn: true, signerName: true, signerTitle: true, level: true, note: true, _count: { select: { results: true, certificates: true } } },
  });
}

/** Referrals still waiting for the higher level's answer, oldest first (office scope: all). */
export async function listOpenReferrals(actor: Actor, roundId?: string) {
  if (!can(actor, "result.manage", { type: "round", id: roundId ?? "", council: null })) return [];
  return prisma.referral.findMany({
    where: { outcomeOn: null, dossier: { status: "SENT_TO_CENTRAL", ...(roundId ? { roundId } : {}) } },
    orderBy: { sentOn: "asc" },
    select: {
      id: true,
      fromLevel: true,
      toLevel: true,
      averageTotal: true,
      sentOn: true,
      letterNo: true,
      dossier: { select: { id: true, productName: true, ruleSetCode: true, producer: { select: { name: true } }, round: { select: { id: true, no: true, cycleYear: true } } } },
    },
  });
}

/** A referral and its dossier, loaded through the dossier's own scope; null answers 404. */
export async function findReferral(actor: Actor, id: string, tx: Tx) {
  const referral = await tx.referral.findUnique({ where: { id } });
  if (!referral) return null;
  const dossier = await findDossier(actor, referral.dossierId, tx);
  return dossier ? { referral, dossier } : null;
}

/**
 * A dossier's council result as the actor may read it. Producers and their ward see it only
 * once released (QĐ26: nothing is public before the decision); the office, leaders and
 * administrators at every step; a council seat once it may read the other members' sheets.
 * The release rule is in the query itself, so a page cannot forget it.
 */
export async function findVisibleResult(actor: Actor, dossier: DossierRecord) {
  let where: Prisma.DossierResultWhereInput;
  switch (actor.role) {
    case "ECONOMIC_OFFICE":
    case "LEADER":
    case "ADMIN":
      where = { dossierId: dossier.id };
      break;
    case "COUNCIL_MEMBER":
      if (!can(actor, "score.readOthers", dossierResource(dossier))) return null;
      where = { dossierId: dossier.id };
      break;
    case "PRODUCER":
    case "WARD_OFFICER":
      where = { dossierId: dossier.id, status: "RELEASED" };
      break;
    default:
      return null;
  }
  const result = await prisma.dossierResult.findFirst({
    where,
    select: {
      dossierId: true,
      status: true,
      memberCount: true,
      averageTotal: true,
      bandStar: true,
      star: true,
      knockedOut: true,
      spread: true,
      spreadExceeded: true,
      recognitionLevel: true,
      referralTo: true,
      explanation: true,
      releasedAt: true,
      decision: { select: { number: true, signedOn: true } },
    },
  });
  return result ? { ...result, explanation: result.explanation as unknown as ResultExplanation } : null;
}

/** The certificate issued for a dossier, if the actor may see it. */
export async function findDossierCertificate(actor: Actor, dossierId: string) {
  return prisma.certificate.findFirst({
    where: { AND: [{ dossierId }, certificateScope(actor)] },
    select: { id: true, number: true, star: true, level: true, issuedOn: true, expiresOn: true, status: true, verifyCode: true },
  });
}

/** Referrals of a dossier the caller has loaded in scope. */
export async function listDossierReferrals(dossier: { id: string }) {
  return prisma.referral.findMany({ where: { dossierId: dossier.id }, orderBy: { createdAt: "asc" } });
}

export type DecisionInput = { number: string; signedOn: Date; signerName: string; signerTitle: string; level: EvaluationLevel; note: string; roundId: string | null };

/**
 * A recognition decision by its number. One ministry decision often recognises several
 * products: entering the same number again with the same date and level reuses it; the same
 * number with different particulars is refused (numbers are unique, QĐ numbering practice).
 */
export async function findOrCreateRecognitionDecision(tx: Tx, actor: Actor, input: DecisionInput) {
  const existing = await tx.decision.findUnique({ where: { number: input.number } });
  if (existing) {
    const same = existing.kind === "RECOGNITION" && existing.level === input.level && existing.signedOn.getTime() === input.signedOn.getTime();
    if (!same) throw new AppError("VALIDATION", "decision number taken", { decisionNumber: ["results.decisionNumberTaken"] });
    return existing;
  }
  return tx.decision.create({ data: { kind: "RECOGNITION", ...input, createdById: actor.userId } });
}

// ---------------------------------------------------------------------------------------------
// Council minutes

type MemberSheet = { userId: string; answers: Prisma.JsonValue; comment: string };

/**
 * What the council minutes of a dossier print, or null while a counted sheet is still missing
 * (the minutes record a finished scoring). Takes a dossier the caller loaded in scope.
 */
export async function minutesData(dossier: DossierRecord): Promise<MinutesPdfData | null> {
  if (!dossier.roundId || !isRuleSetCode(dossier.ruleSetCode)) return null;
  const [row, result] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      select: {
        sheet: { select: { data: true } },
        producer: { select: { name: true, address: true, wardId: true, ward: { select: { name: true } } } },
        criteriaSet: { select: { no: true, name: true } },
        conflicts: { select: { userId: true } },
        round: {
          select: {
            no: true,
            cycleYear: true,
            title: true,
            level: true,
            maxSpread: true,
            councilDecision: true,
            members: { orderBy: { createdAt: "asc" }, select: { userId: true, role: true, scores: true, title: true, user: { select: { name: true } } } },
          },
        },
        scoreSheets: { where: { status: "SUBMITTED" }, select: { userId: true, answers: true, comment: true } },
      },
    }),
    prisma.dossierResult.findUnique({ where: { dossierId: dossier.id } }),
  ]);
  if (!result || !row.round || !row.sheet) return null;
  const explanation = result.explanation as unknown as ResultExplanation;
  if (explanation.submittedMembers < explanation.expectedMembers) return null;

  const sheet = row.sheet.data as unknown as CriteriaSheetData;
  const conflicted = new Set(row.conflicts.map((c) => c.userId));
  const totals = new Map(explanation.memberTotals.map((m) => [m.userId, m.total]));
  const seated = row.round.members.filter((m) => !conflicted.has(m.userId));
  const counted = seated.filter((m) => m.scores && totals.has(m.userId));
  const sheets = new Map<string, MemberSheet>(row.scoreSheets.map((s) => [s.userId, s]));

  // Per-item lowest and highest points among the counted members: where they disagreed.
  const perMember = counted.map((m) => scoreSheet(sheet, sheets.get(m.userId)!.answers as unknown as SheetAnswers).itemPoints);
  const disagreements = listScoredItems(sheet)
    .map(({ item }) => {
      const pts = perMember.map((p) => p[item.code] ?? 0);
      return { itemCode: item.code, itemName: item.name, min: Math.min(...pts), max: Math.max(...pts) };
    })
    .filter((d) => d.max > d.min)
    .sort((a, b) => b.max - b.min - (a.max - a.min));

  const remarks: { name: string; text: string }[] = [];
  for (const m of counted) {
    const s = sheets.get(m.userId)!;
    if (s.comment.trim()) remarks.push({ name: m.user.name, text: s.comment.trim() });
    const notes = ((s.answers as { notes?: Record<string, string> } | null)?.notes ?? {}) as Record<string, string>;
    for (const [code, note] of Object.entries(notes)) if (note?.trim()) remarks.push({ name: m.user.name, text: `${code} — ${note.trim()}` });
  }

  const blocker = (b: ResultExplanation["blockedBy"][number]): MinutesBlocker => ({
    itemCode: b.itemCode,
    itemName: b.itemName,
    optionText: b.optionText,
    requiredPoints: b.requiredPoints,
    actualPoints: b.actualPoints,
  });
  const { province, city } = await issuersOfWard(prisma, row.producer.wardId);
  const unit = row.round.level === "DISTRICT" ? city : province;
  const ruleSet = getRuleSet(dossier.ruleSetCode);
  return {
    councilLevel: row.round.level,
    councilUnit: unit?.name ?? "",
    place: (province?.name ?? "").replace(/^Tỉnh\s+/i, ""),
    date: vietnamDateOf(result.computedAt),
    round: { no: row.round.no, year: row.round.cycleYear, title: row.round.title, councilDecision: row.round.councilDecision },
    dossier: {
      productName: dossier.productName,
      productCode: dossier.productCode,
      criteriaSet: `${row.criteriaSet.no}. ${row.criteriaSet.name}`,
      producerName: row.producer.name,
      producerAddress: [row.producer.address, row.producer.ward.name].filter(Boolean).join(", "),
      ruleSetName: ruleSet.name,
    },
    members: seated.map((m) => ({ name: m.user.name, role: m.role, title: m.title, scores: m.scores, total: m.scores ? (totals.get(m.userId) ?? null) : null })),
    recused: row.round.members.filter((m) => conflicted.has(m.userId)).map((m) => m.user.name),
    average: result.averageTotal,
    spread: result.spread,
    maxSpread: row.round.maxSpread,
    bandStar: result.bandStar,
    star: result.star,
    knockOuts: explanation.knockOuts.map((k) => ({ text: k.knockOut.text, flaggedBy: k.flaggedBy, stands: k.stands })),
    blockedBy: explanation.blockedBy.map(blocker),
    nextStar: explanation.nextStar,
    nextStarMinAverage: explanation.nextStarMinAverage,
    nextStarBlockers: explanation.nextStarBlockers.map(blocker),
    disagreements,
    remarks,
    outcome: releaseAction(result, row.round.level),
    referralTo: result.referralTo,
  };
}
