// Arrangement for the rounds and scoring tests: council members, forwarded dossiers and sheets
// with a chosen total on the real criteria data. Anything under test goes through the actions.
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addCouncilMember, assignDossiers, createRound, startRoundScoring } from "@/lib/actions/rounds";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { bestAnswers, scoreSheet } from "@/lib/domain/scoring";
import type { CouncilRole } from "@/lib/generated/prisma/enums";
import type { StoredAnswers } from "@/lib/validation/sheet-answers";
import { actAs } from "./act-as";
import { buildDossier, sheetFor } from "./dossier-fixtures";
import { extraUser, ok } from "./helpers";
import { db } from "./world";

export async function sheetData(criteriaSetNo = 7): Promise<CriteriaSheetData> {
  return (await sheetFor(criteriaSetNo)).data as unknown as CriteriaSheetData;
}

/**
 * Complete answers totalling `total`, lowering only items that carry no star minimum (so the
 * star follows the band alone): from the best answers, each such item goes down as far as the
 * remaining difference allows. Set 7 has 27 such points: totals 73–100.
 */
export function answersWithTotal(sheet: CriteriaSheetData, total: number): StoredAnswers {
  const best = bestAnswers(sheet);
  const items: Record<string, { option: number } | { met: boolean }> = { ...(best.items as Record<string, { option: number } | { met: boolean }>) };
  let need = scoreSheet(sheet, best).total - total;
  for (const { item } of listScoredItems(sheet)) {
    if (need <= 0) break;
    if (item.options.length === 0 || item.options.some((o) => o.minStarFor !== null)) continue;
    const current = item.options[(items[item.code] as { option: number }).option]!.points;
    let choice = -1;
    item.options.forEach((o, i) => {
      const cut = current - o.points;
      if (cut >= 0 && cut <= need && (choice < 0 || o.points < item.options[choice]!.points)) choice = i;
    });
    if (choice >= 0) {
      need -= current - item.options[choice]!.points;
      items[item.code] = { option: choice };
    }
  }
  const answers: StoredAnswers = { items };
  const reached = scoreSheet(sheet, answers);
  expect(reached.total, `answers for ${total}`).toBe(total);
  expect(reached.complete).toBe(true);
  return answers;
}

/** One council account per label, in order (typed as a tuple of the same length). */
export async function councilMembers<const L extends readonly string[]>(tag: string, labels: L): Promise<{ -readonly [K in keyof L]: Actor }> {
  const out: Actor[] = [];
  for (const label of labels) out.push(await extraUser(tag, label, "COUNCIL_MEMBER"));
  return out as { -readonly [K in keyof L]: Actor };
}

export async function forwardedDossier(producerId: string, productName?: string) {
  return buildDossier({ producerId, status: "FORWARDED", productName });
}

// Rounds are numbered per year, and only rounds 1 and 2 take the calendar's dates by default: a
// round created through the action needs a year no round uses yet. The files of the suite share one
// database, so the year is found there (files run one after another), and claimed in this file.
const claimedYears = new Set<number>();
/** A cycle year without rounds, for a new round (tests never assume a year holds only their rounds). */
export async function freshYear(): Promise<number> {
  const used = await db.evaluationRound.findMany({ where: { cycleYear: { gte: 2040 } }, distinct: ["cycleYear"], select: { cycleYear: true } });
  const taken = new Set(used.map((r) => r.cycleYear));
  for (let year = 2040; year <= 2100; year++) {
    if (taken.has(year) || claimedYears.has(year)) continue;
    claimedYears.add(year);
    return year;
  }
  throw new Error("No cycle year 2040–2100 is free of rounds for a test round.");
}

/**
 * A round run the way the office runs it, through the actions: created, council seated,
 * dossiers assigned, and (unless told not to) scoring started.
 */
export async function councilRound(o: {
  office: Actor;
  members: { actor: Actor; role?: CouncilRole; scores?: boolean }[];
  dossierIds: string[];
  start?: boolean;
  maxSpread?: number;
}) {
  actAs(o.office);
  const cycleYear = await freshYear();
  const { roundId } = ok(await createRound({ cycleYear, maxSpread: o.maxSpread ?? "" }));
  for (const m of o.members) ok(await addCouncilMember({ roundId, userId: m.actor.userId, role: m.role ?? "MEMBER", scores: m.scores ?? true }));
  if (o.dossierIds.length) ok(await assignDossiers({ roundId, dossierIds: o.dossierIds }));
  if (o.start !== false) ok(await startRoundScoring({ roundId }));
  actAs(null);
  return db.evaluationRound.findUniqueOrThrow({ where: { id: roundId } });
}

/** Version the scoring screen would hold for a member's sheet (undefined before the first save). */
export async function sheetVersion(dossierId: string, userId: string) {
  const row = await db.scoreSheet.findUnique({ where: { dossierId_userId: { dossierId, userId } }, select: { updatedAt: true } });
  return row?.updatedAt.toISOString();
}
