// Arrangement for the results and certificates tests: a dossier whose council has finished
// scoring (submitted sheets, result recomputed, dossier COUNCIL_DONE, result STAGED), and
// certificates already issued some time ago. Only preconditions are written here; every
// behaviour under test goes through the server actions, the data functions or the job.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { catalogueProductFor } from "@/lib/db/products";
import { recomputeResult } from "@/lib/db/results";
import { certificateExpiry } from "@/lib/domain/certificates";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import type { IsoDate } from "@/lib/domain/dates";
import { getRuleSet, type RuleSetCode, type Star } from "@/lib/domain/rule-sets";
import { bestAnswers, scoreSheet, starMinimums, type SheetAnswers } from "@/lib/domain/scoring";
import type { EvaluationLevel, EvaluationType, EvidenceKind } from "@/lib/generated/prisma/enums";
import { fileStorage } from "@/lib/storage";
import { buildDossier, buildRound, sheetFor } from "./dossier-fixtures";
import { extraUser } from "./helpers";
import { db } from "./world";

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

/**
 * Complete answers worth exactly `target` points: from the best answers, items are lowered in
 * printed order, never below the minimums of `keepStar` (so the result can keep that star).
 */
export function answersWorth(sheet: CriteriaSheetData, target: number, keepStar: Star, extra: Partial<SheetAnswers> = {}): SheetAnswers {
  const items: Record<string, SheetAnswers["items"][string]> = { ...bestAnswers(sheet).items };
  const floor = new Map(starMinimums(sheet, keepStar).map((m) => [m.itemCode, m.requiredPoints]));
  let total = scoreSheet(sheet, { items }).total;
  for (const { item } of listScoredItems(sheet)) {
    if (total <= target || item.options.length === 0) continue;
    const current = item.options[(items[item.code] as { option: number }).option]!.points;
    const fits = item.options
      .map((o, i) => ({ i, p: o.points }))
      .filter((o) => o.p >= (floor.get(item.code) ?? 0) && o.p >= current - (total - target))
      .sort((a, b) => a.p - b.p)[0]!;
    total -= current - fits.p;
    items[item.code] = { option: fits.i };
  }
  const answers = { ...extra, items };
  expect(scoreSheet(sheet, answers).total, `answers worth ${target}`).toBe(target);
  return answers;
}

export async function councilOf(tag: string, size = 3): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < size; i++) out.push(await extraUser(`${tag}-${randomUUID().slice(0, 4)}`, `Thành viên ${i + 1}`, "COUNCIL_MEMBER"));
  return out;
}

export type ScoredDossierOptions = {
  producerId: string;
  members: Actor[];
  /** Every member's total (one number: all alike), or one per member. */
  points: number | number[];
  keepStar: Star;
  knockOut?: boolean;
  roundId?: string;
  ruleSetCode?: RuleSetCode;
  evaluationType?: EvaluationType;
  previousCertificateId?: string | null;
  productName?: string;
};

/** A round of the given members (level PROVINCE unless told otherwise). */
export async function roundOf(members: Actor[], level: EvaluationLevel = "PROVINCE") {
  const round = await buildRound({ members: members.map((actor, i) => ({ actor, role: i === 0 ? "CHAIR" : "MEMBER" })) });
  if (level !== "PROVINCE") await db.evaluationRound.update({ where: { id: round.id }, data: { level } });
  return { ...round, level };
}

/** A dossier at COUNCIL_DONE with its result STAGED, as H2's "close scoring" leaves it. */
export async function scoredDossier(o: ScoredDossierOptions) {
  const roundId = o.roundId ?? (await roundOf(o.members)).id;
  const dossier = await buildDossier({ producerId: o.producerId, status: "COUNCIL_SCORING", roundId, evaluationType: o.evaluationType, productName: o.productName });
  // Only QĐ26 sheets are loaded: an older rule set is a legacy dossier scored on the same sheet.
  if (o.previousCertificateId || o.ruleSetCode) {
    await db.dossier.update({ where: { id: dossier.id }, data: { previousCertificateId: o.previousCertificateId ?? null, ruleSetCode: o.ruleSetCode ?? dossier.ruleSetCode } });
  }
  const sheet = (await sheetFor(dossier.criteriaSetNo)).data as unknown as CriteriaSheetData;
  for (const [i, member] of o.members.entries()) {
    const target = Array.isArray(o.points) ? o.points[i]! : o.points;
    const answers = answersWorth(sheet, target, o.keepStar, o.knockOut ? { sheetKnockOuts: [0] } : {});
    await db.scoreSheet.create({ data: { dossierId: dossier.id, userId: member.userId, answers: answers as object, status: "SUBMITTED", total: target, submittedAt: new Date() } });
  }
  await db.$transaction((tx) => recomputeResult(tx, dossier.id));
  await db.dossier.update({ where: { id: dossier.id }, data: { status: "COUNCIL_DONE" } });
  await db.dossierResult.update({ where: { dossierId: dossier.id }, data: { status: "STAGED" } });
  return { dossier, roundId };
}

let numberSeq = 0;

/**
 * A certificate issued on `issuedOn` for a recognised dossier of the producer, with evidence
 * files stored through lib/storage (expiry dates as given).
 */
export async function issuedCertificate(o: {
  producerId: string;
  issuedOn: IsoDate;
  star?: number;
  ruleSetCode?: RuleSetCode;
  level?: EvaluationLevel;
  productName?: string;
  evidence?: { title: string; kind: EvidenceKind; expiresOn: IsoDate | null; content?: string }[];
}) {
  const ruleSetCode = o.ruleSetCode ?? "QD26_2026";
  const dossier = await buildDossier({ producerId: o.producerId, status: "RECOGNISED", productName: o.productName });
  await db.dossier.update({ where: { id: dossier.id }, data: { form01: { unitName: "HTX", registrationType: "firstTime", year: 2026 }, form02: { history: "Thành lập năm 2015" }, selfScore: { items: {} } } });
  const tag = randomUUID().slice(0, 8);
  const decision = await db.decision.create({
    data: { kind: "RECOGNITION", number: `${tag}/QĐ-UBND`, signedOn: day(o.issuedOn), signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", level: o.level ?? "PROVINCE" },
  });
  const certificate = await db.certificate.create({
    data: {
      number: `${900 + (++numberSeq % 90)}/${o.issuedOn.slice(0, 4)}/TEST-${tag}`,
      verifyCode: `test${tag}${randomUUID().replace(/-/g, "").slice(0, 16)}`,
      dossierId: dossier.id,
      producerId: o.producerId,
      productName: dossier.productName,
      criteriaSetNo: dossier.criteriaSetNo,
      star: o.star ?? 4,
      level: o.level ?? "PROVINCE",
      ruleSetCode,
      averageTotal: 80,
      issuedOn: day(o.issuedOn),
      expiresOn: day(certificateExpiry(o.issuedOn, getRuleSet(ruleSetCode))),
      decisionId: decision.id,
    },
  });
  const evidence = [];
  for (const e of o.evidence ?? []) {
    const bytes = new TextEncoder().encode(e.content ?? `%PDF-1.4 ${e.title}`);
    const stored = await fileStorage().put(bytes);
    const attachment = await db.attachment.create({
      data: { entityType: "Dossier", entityId: dossier.id, storageKey: stored.key, fileName: `${e.title}.pdf`, mime: "application/pdf", size: stored.size, sha256: stored.sha256 },
    });
    evidence.push(
      await db.dossierEvidence.create({
        data: { dossierId: dossier.id, attachmentId: attachment.id, kind: e.kind, title: e.title, expiresOn: e.expiresOn ? day(e.expiresOn) : null, itemCodes: ["8"] },
        include: { attachment: true },
      }),
    );
  }
  return { certificate, dossier, decision, evidence };
}

/** A recognised product: a certificate (issuedCertificate) and its catalogue product, as issueCertificate links them. */
export async function recognised(producerId: string, o: { star: number; issuedOn: string; type?: "FIRST" | "UPGRADE" | "RE_EVALUATION"; criteriaSetNo?: number }) {
  const name = `Sản phẩm ${randomUUID().slice(0, 6)}`;
  const { certificate, dossier } = await issuedCertificate({ producerId, issuedOn: o.issuedOn as IsoDate, star: o.star, productName: name });
  if (o.type || o.criteriaSetNo) await db.dossier.update({ where: { id: dossier.id }, data: { evaluationType: o.type ?? "FIRST", criteriaSetNo: o.criteriaSetNo ?? dossier.criteriaSetNo } });
  const productId = await db.$transaction((tx) => catalogueProductFor(tx, { producerId, productName: name, criteriaSetNo: o.criteriaSetNo ?? certificate.criteriaSetNo, previousCertificateId: null }));
  await db.certificate.update({ where: { id: certificate.id }, data: { productId } });
  return { certificate, dossier, productId };
}
