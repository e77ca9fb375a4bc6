"use server";
import type { Actor } from "@/lib/auth/actor";
import { issueCertificate } from "@/lib/db/certificates";
import { findOrCreateRecognitionDecision, findReferral, findRoundForResults, roundResource } from "@/lib/db/decisions";
import { dossierResource, findDossier, lockDossier } from "@/lib/db/dossiers";
import { notify, type Audience } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import type { Tx } from "@/lib/db/tx";
import { compareIsoDate, dateOf, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { referralOutcome, releaseAction, type ReferralOutcome, type ReleaseAction } from "@/lib/domain/release";
import { getRuleSet, isRuleSetCode } from "@/lib/domain/rule-sets";
import { DOSSIER_MACHINE, transition, type DossierState } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { recognitionDecisionSchema, referralOutcomeSchema, releaseSchema, resultRefSchema, returnResultSchema } from "@/lib/validation/results";
import { defineAction } from "./define-action";

// Council results after scoring, run by the Economic Office (policy result.manage): each staged
// result is checked (or sent back), the recognition decision is recorded, and the checked
// results of a round are released together, which is when producers and wards first see them.

const today = () => vietnamDateOf(new Date());

function notInFuture(date: string, field: string) {
  if (compareIsoDate(date, today()) > 0) throw new AppError("VALIDATION", "date in the future", { [field]: ["results.dateInFuture"] });
}

const revalidateResults = (r: { dossierId?: string; roundId?: string }) => ["/results", "/certificates", ...(r.dossierId ? [`/dossiers/${r.dossierId}`] : [])];

async function currentResultStatus(tx: Tx, dossierId: string) {
  return (await tx.dossierResult.findUnique({ where: { dossierId }, select: { status: true } }))?.status ?? null;
}

export const checkResult = defineAction({
  name: "result.check",
  input: resultRefSchema,
  permission: "result.manage",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, record, tx }) => {
    if (record.status !== "COUNCIL_DONE" || (await currentResultStatus(tx, record.id)) !== "STAGED") throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.dossierResult.updateMany({ where: { dossierId: record.id, status: "STAGED" }, data: { status: "CHECKED", checkedById: actor.userId, checkedAt: new Date() } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "DossierResult", entityId: record.id, action: "check", fromStatus: "STAGED", toStatus: "CHECKED" });
    return { result: { dossierId: record.id }, audit: { entityType: "DossierResult", entityId: record.id, before: { status: "STAGED" }, after: { status: "CHECKED" } } };
  },
  revalidate: revalidateResults,
});

/** A checked result goes back to "staged" with the reason (a sheet to reopen, a figure to verify). */
export const returnResult = defineAction({
  name: "result.return",
  input: returnResultSchema,
  permission: "result.manage",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status !== "COUNCIL_DONE" || (await currentResultStatus(tx, record.id)) !== "CHECKED") throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.dossierResult.updateMany({ where: { dossierId: record.id, status: "CHECKED" }, data: { status: "STAGED", checkedById: null, checkedAt: null } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "DossierResult", entityId: record.id, action: "return", fromStatus: "CHECKED", toStatus: "STAGED", comment: input.note });
    return { result: { dossierId: record.id }, audit: { entityType: "DossierResult", entityId: record.id, before: { status: "CHECKED" }, after: { status: "STAGED", note: input.note } } };
  },
  revalidate: revalidateResults,
});

/** The PPC chair's (or the district's, under QĐ148) decision recognising the round's results. */
export const recordRecognitionDecision = defineAction({
  name: "result.recordDecision",
  input: recognitionDecisionSchema,
  permission: "result.manage",
  load: ({ actor, input, tx }) => findRoundForResults(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record, tx }) => {
    notInFuture(input.signedOn, "signedOn");
    if (await tx.decision.findUnique({ where: { number: input.number }, select: { id: true } })) {
      throw new AppError("VALIDATION", "decision number taken", { number: ["results.decisionNumberTaken"] });
    }
    const decision = await tx.decision.create({
      data: {
        kind: "RECOGNITION",
        number: input.number,
        signedOn: dateOf(input.signedOn),
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        level: record.level,
        roundId: record.id,
        note: input.note,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    return { result: { roundId: record.id, decisionId: decision.id }, audit: { entityType: "Decision", entityId: decision.id, after: { ...input, level: record.level } } };
  },
  revalidate: revalidateResults,
});

type Outcome = { dossierId: string; productName: string; action: ReleaseAction; certificateNumber?: string };

const partiesOf = (d: { producerId: string; wardId: string }): Audience[] => [
  { kind: "producer", producerId: d.producerId },
  { kind: "ward", wardId: d.wardId },
];

const averageText = (n: number) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/**
 * Releases the checked results of a round together, in one transaction: each dossier takes the
 * step its result calls for (lib/domain/release.ts), a recognised one gets its certificate
 * under the round's decision, a referred one a Referral row; producers and wards are told.
 * Results not yet checked stay where they are, out of sight.
 */
export const releaseRoundResults = defineAction({
  name: "result.release",
  input: releaseSchema,
  permission: "result.manage",
  load: ({ actor, input, tx }) => findRoundForResults(actor, input.roundId, tx),
  resource: roundResource,
  run: async ({ actor, input, record: round, tx }) => {
    const decision = input.decisionId
      ? await tx.decision.findFirst({ where: { id: input.decisionId, roundId: round.id, kind: "RECOGNITION" }, select: { id: true, number: true, signedOn: true, level: true } })
      : null;
    if (input.decisionId && !decision) throw new AppError("VALIDATION", "decision not of this round", { decisionId: ["validation.choose"] });

    const dossiers = await tx.dossier.findMany({
      where: { roundId: round.id, status: "COUNCIL_DONE", result: { status: "CHECKED" } },
      orderBy: { productName: "asc" },
      select: {
        id: true,
        producerId: true,
        productName: true,
        criteriaSetNo: true,
        ruleSetCode: true,
        evaluationType: true,
        previousCertificateId: true,
        producer: { select: { wardId: true } },
        result: { select: { star: true, bandStar: true, knockedOut: true, recognitionLevel: true, referralTo: true, averageTotal: true } },
      },
    });
    if (dossiers.length === 0) throw new AppError("INCOMPLETE", "nothing checked", { roundId: ["results.nothingChecked"] });
    const planned = dossiers.map((d) => ({ d, result: d.result!, action: releaseAction(d.result!, round.level) }));
    // Decide everything before writing anything: a recognition needs the signed decision.
    if (planned.some((p) => p.action === "recognise") && !decision) throw new AppError("INCOMPLETE", "decision required", { decisionId: ["results.decisionRequired"] });

    const now = new Date();
    const outcomes: Outcome[] = [];
    for (const { d, result, action } of planned) {
      await lockDossier(tx, d.id);
      const to = transition(DOSSIER_MACHINE, "COUNCIL_DONE" as DossierState, action)!;
      const moved = await tx.dossier.updateMany({ where: { id: d.id, status: "COUNCIL_DONE" }, data: { status: to, decidedAt: action === "send-to-central" ? null : now } });
      if (moved.count !== 1) throw new AppError("CONFLICT");
      await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: d.id, action, fromStatus: "COUNCIL_DONE", toStatus: to, comment: decision?.number ?? null });

      const released = await tx.dossierResult.updateMany({ where: { dossierId: d.id, status: "CHECKED" }, data: { status: "RELEASED", releasedAt: now, decisionId: decision?.id ?? null } });
      if (released.count !== 1) throw new AppError("CONFLICT");
      await recordStatusChange(tx, actor, { entityType: "DossierResult", entityId: d.id, action: "release", fromStatus: "CHECKED", toStatus: "RELEASED" });

      const outcome: Outcome = { dossierId: d.id, productName: d.productName, action };
      const parties = partiesOf({ producerId: d.producerId, wardId: d.producer.wardId });
      if (action === "recognise") {
        const cert = await issueCertificate(tx, actor, { dossier: d, star: result.star!, level: round.level, averageTotal: result.averageTotal, decision: decision! });
        outcome.certificateNumber = cert.number;
        await notify(tx, actor, parties, { kind: "certNotices.recognised", params: { name: d.productName, star: String(cert.star), number: cert.number }, href: `/certificates/${cert.id}` });
      } else if (action === "send-to-central") {
        await tx.referral.create({ data: { dossierId: d.id, fromLevel: round.level, toLevel: result.referralTo!, averageTotal: result.averageTotal, sentOn: dateOf(today()) } });
        const kind = result.referralTo === "CENTRAL" ? "certNotices.referredCentral" : "certNotices.referredProvince";
        await notify(tx, actor, parties, { kind, params: { name: d.productName, average: averageText(result.averageTotal) }, href: `/dossiers/${d.id}` });
      } else if (action === "not-recognise") {
        await notify(tx, actor, parties, { kind: "certNotices.notRecognised", params: { name: d.productName, star: String(result.star ?? result.bandStar) }, href: `/dossiers/${d.id}` });
      } else {
        await notify(tx, actor, parties, { kind: "certNotices.rejected", params: { name: d.productName }, href: `/dossiers/${d.id}` });
      }
      outcomes.push(outcome);
    }
    const count = (a: ReleaseAction) => outcomes.filter((o) => o.action === a).length;
    const summary = { recognised: count("recognise"), notRecognised: count("not-recognise"), rejected: count("reject"), referred: count("send-to-central") };
    return {
      result: { roundId: round.id, ...summary },
      audit: { entityType: "EvaluationRound", entityId: round.id, after: { decision: decision?.number ?? null, outcomes } },
    };
  },
  revalidate: revalidateResults,
});

async function recognise(tx: Tx, actor: Actor, d: NonNullable<Awaited<ReturnType<typeof findDossier>>>, outcome: Extract<ReferralOutcome, { action: "recognise" }>, average: number, decision: { id: string; number: string; signedOn: Date }) {
  return issueCertificate(tx, actor, {
    dossier: { id: d.id, producerId: d.producerId, productName: d.productName, criteriaSetNo: d.criteriaSetNo, ruleSetCode: d.ruleSetCode, evaluationType: d.evaluationType, previousCertificateId: d.previousCertificateId },
    star: outcome.star,
    level: outcome.level,
    averageTotal: average,
    decision,
  });
}

/**
 * The answer of the level a result was referred to. 5★ from the ministry, or 3–4★ the PPC chair
 * recognises on a central result below 90 (QĐ26 Art. 7.3.e), becomes a certificate at that
 * level; no star closes the dossier as not recognised.
 */
export const recordReferralOutcome = defineAction({
  name: "result.referralOutcome",
  input: referralOutcomeSchema,
  permission: "result.manage",
  load: ({ actor, input, tx }) => findReferral(actor, input.referralId, tx),
  resource: (r) => dossierResource(r.dossier),
  run: async ({ actor, input, record, tx }) => {
    const { referral, dossier } = record;
    await lockDossier(tx, dossier.id);
    const fresh = await tx.referral.findUniqueOrThrow({ where: { id: referral.id }, select: { outcomeOn: true } });
    if (fresh.outcomeOn !== null || dossier.status !== "SENT_TO_CENTRAL") throw new AppError("INVALID_TRANSITION");
    if (!isRuleSetCode(dossier.ruleSetCode)) throw new AppError("INVALID_TRANSITION");
    notInFuture(input.decidedOn, "decidedOn");
    let outcome: ReferralOutcome;
    try {
      outcome = referralOutcome(getRuleSet(dossier.ruleSetCode), input.star, input.level);
    } catch {
      throw new AppError("VALIDATION", "level does not match the star", { level: ["results.levelMismatch"] });
    }
    const average = input.average ?? referral.averageTotal;
    const action = outcome.action;
    const to = transition(DOSSIER_MACHINE, "SENT_TO_CENTRAL" as DossierState, action)!;
    const moved = await tx.dossier.updateMany({ where: { id: dossier.id, status: "SENT_TO_CENTRAL" }, data: { status: to, decidedAt: new Date() } });
    if (moved.count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: dossier.id, action, fromStatus: "SENT_TO_CENTRAL", toStatus: to, comment: input.note || input.decisionNumber || null });
    await tx.referral.update({
      where: { id: referral.id },
      data: { outcomeStar: input.star, outcomeAverage: input.average, outcomeOn: dateOf(input.decidedOn), outcomeDecisionNo: input.decisionNumber || null, outcomeNote: input.note },
    });

    const parties = partiesOf({ producerId: dossier.producerId, wardId: dossier.producer.wardId });
    let certificate: { id: string; number: string } | null = null;
    if (outcome.action === "recognise") {
      const decision = await findOrCreateRecognitionDecision(tx, actor, {
        number: input.decisionNumber,
        signedOn: dateOf(input.decidedOn),
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        level: outcome.level,
        note: input.note,
        roundId: null,
      });
      certificate = await recognise(tx, actor, dossier, outcome, average, decision);
      await notify(tx, actor, parties, { kind: "certNotices.recognised", params: { name: dossier.productName, star: String(outcome.star), number: certificate.number }, href: `/certificates/${certificate.id}` });
    } else {
      await notify(tx, actor, parties, { kind: "certNotices.notRecognisedAfterReferral", params: { name: dossier.productName }, href: `/dossiers/${dossier.id}` });
    }
    return {
      result: { dossierId: dossier.id, status: to, certificateId: certificate?.id ?? null },
      audit: { entityType: "Referral", entityId: referral.id, before: { outcomeOn: null }, after: { ...input, certificate: certificate?.number ?? null, issuedOn: certificate ? isoOf(dateOf(input.decidedOn)) : null } },
    };
  },
  revalidate: revalidateResults,
});
