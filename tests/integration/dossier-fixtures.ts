// Preconditions for the evaluation tests: a dossier already at some step, a round with its
// council. Only the arrangement is written straight to the database; the behaviour under test
// always goes through the server actions.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { CouncilRole, DossierStatus, EvaluationType } from "@/lib/generated/prisma/enums";
import { db } from "./world";

export const RULE_SET = "QD26_2026";

export async function sheetFor(criteriaSetNo: number, ruleSetCode = RULE_SET) {
  return db.criteriaSheet.findFirstOrThrow({ where: { ruleSetCode, criteriaSetNo }, orderBy: { version: "desc" } });
}

export async function buildDossier(o: {
  producerId: string;
  status?: DossierStatus;
  criteriaSetNo?: number;
  evaluationType?: EvaluationType;
  productName?: string;
  roundId?: string | null;
  ruleSetCode?: string;
}) {
  const status = o.status ?? "DRAFT";
  const criteriaSetNo = o.criteriaSetNo ?? 7;
  const sheet = await sheetFor(criteriaSetNo, o.ruleSetCode ?? RULE_SET);
  const submitted = status !== "DRAFT";
  return db.dossier.create({
    data: {
      producerId: o.producerId,
      cycleYear: 2026,
      status,
      evaluationType: o.evaluationType ?? "FIRST",
      productName: o.productName ?? `Tinh bột nghệ ${randomUUID().slice(0, 6)}`,
      criteriaSetNo,
      ruleSetCode: submitted ? sheet.ruleSetCode : null,
      sheetId: submitted ? sheet.id : null,
      version: submitted ? 1 : 0,
      submittedAt: submitted ? new Date() : null,
      forwardedAt: ["DRAFT", "SUBMITTED", "RETURNED"].includes(status) ? null : new Date(),
      roundId: o.roundId ?? null,
    },
  });
}

export async function buildRound(o: { members: { actor: Actor; role?: CouncilRole; scores?: boolean }[]; no?: number; maxSpread?: number }) {
  const no = o.no ?? 100 + Math.floor(Math.random() * 1_000_000);
  return db.evaluationRound.create({
    data: {
      cycleYear: 2026,
      no,
      title: `Đợt ${no}`,
      proposalsBy: new Date("2026-10-30T00:00:00Z"),
      completeBy: new Date("2026-12-30T00:00:00Z"),
      status: "SCORING",
      maxSpread: o.maxSpread ?? 10,
      members: { create: o.members.map((m) => ({ userId: m.actor.userId, role: m.role ?? "MEMBER", scores: m.scores ?? true })) },
    },
    include: { members: true },
  });
}
