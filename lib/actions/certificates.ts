"use server";
import { certificateResource, createReEvaluationDossier, displayStatus, findCertificate, OPEN_DOSSIER_STATES } from "@/lib/db/certificates";
import { notify } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import { compareIsoDate, dateOf, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { CERTIFICATE_MACHINE, transition, type CertificateState } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { revokeCertificateSchema, startReEvaluationSchema } from "@/lib/validation/certificates";
import { defineAction } from "./define-action";

/**
 * Revocation (QĐ26 Art. 8): on one of the grounds (a)–(f), by the signed decision of the
 * authority that recognised it. The office records the decision; the certificate is revoked at
 * once, and the verification page, the lists and the PDF read the same row. An active
 * certificate passes through "revocation proposed" in the same transaction, so its history
 * shows the proposal the decision answered (CERTIFICATE_MACHINE has no direct row).
 */
export const revokeCertificate = defineAction({
  name: "certificate.revoke",
  input: revokeCertificateSchema,
  permission: "certificate.revoke",
  load: ({ actor, input, tx }) => findCertificate(actor, input.certificateId, tx),
  resource: certificateResource,
  run: async ({ actor, input, record, tx }) => {
    const today = vietnamDateOf(new Date());
    if (compareIsoDate(input.decidedOn, today) > 0) throw new AppError("VALIDATION", "date in the future", { decidedOn: ["results.dateInFuture"] });
    if (compareIsoDate(input.decidedOn, isoOf(record.issuedOn)) < 0) throw new AppError("VALIDATION", "before issue", { decidedOn: ["certificates.beforeIssue"] });
    const from = record.status as CertificateState;
    // A certificate past its last day has nothing left to revoke, even before the sweep records it.
    if (displayStatus(record, today) === "EXPIRED") throw new AppError("INVALID_TRANSITION");
    const path: { action: "propose-revocation" | "revoke"; from: CertificateState; to: CertificateState }[] = [];
    let state = from;
    if (state === "ACTIVE") {
      const proposed = transition(CERTIFICATE_MACHINE, state, "propose-revocation")!;
      path.push({ action: "propose-revocation", from: state, to: proposed });
      state = proposed;
    }
    const revoked = transition(CERTIFICATE_MACHINE, state, "revoke");
    if (!revoked) throw new AppError("INVALID_TRANSITION");
    path.push({ action: "revoke", from: state, to: revoked });
    if (await tx.decision.findUnique({ where: { number: input.decisionNumber }, select: { id: true } })) {
      throw new AppError("VALIDATION", "decision number taken", { decisionNumber: ["results.decisionNumberTaken"] });
    }
    const decision = await tx.decision.create({
      data: {
        kind: "REVOCATION",
        number: input.decisionNumber,
        signedOn: dateOf(input.decidedOn),
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        level: record.level,
        note: input.note,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    const { count } = await tx.certificate.updateMany({
      where: { id: record.id, status: from },
      data: { status: revoked, revocationGround: input.ground, revocationDecisionId: decision.id, revokedOn: dateOf(input.decidedOn), revocationNote: input.note },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    const t = translatorFor("vi");
    for (const step of path) {
      const comment = step.action === "revoke" ? `${input.decisionNumber} — ${t(`revocationGrounds.${input.ground}`)}\n${input.note}` : t(`revocationGrounds.${input.ground}`);
      await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: record.id, action: step.action, fromStatus: step.from, toStatus: step.to, comment });
    }
    await notify(tx, actor, [{ kind: "producer", producerId: record.producerId }, { kind: "ward", wardId: record.producer.wardId }], {
      kind: "certNotices.revoked",
      params: { name: record.productName, number: record.number, decision: input.decisionNumber },
      href: `/certificates/${record.id}`,
    });
    return {
      result: { certificateId: record.id },
      audit: { entityType: "Certificate", entityId: record.id, before: { status: from }, after: { status: revoked, ground: input.ground, decision: input.decisionNumber, decidedOn: input.decidedOn, note: input.note } },
    };
  },
  revalidate: (r) => ["/certificates", `/certificates/${r.certificateId}`],
});

/**
 * "Đăng ký đánh giá lại": while the filing window is open (QĐ26 Art. 7.6, 180 to 120 days
 * before expiry) the producer opens a re-evaluation dossier pre-filled from the certificate's
 * dossier. Evidence still valid today is copied (new file, new attachment, carriedFromId kept);
 * what has expired is listed for re-upload, and what lapses before the round is flagged. A
 * second click returns the renewal already open instead of opening another.
 */
export const startReEvaluation = defineAction({
  name: "certificate.startReEvaluation",
  input: startReEvaluationSchema,
  permission: "certificate.renew",
  load: ({ actor, input, tx }) => findCertificate(actor, input.certificateId, tx),
  resource: certificateResource,
  run: async ({ actor, record, tx }) => {
    // Two clicks (or two tabs) take turns on the certificate row: one renewal per certificate.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Certificate" WHERE id = ${record.id} FOR UPDATE`;
    // The record was read before the lock: a revocation committed meanwhile must not be renewed.
    if (locked?.status !== record.status) throw new AppError("CONFLICT");
    const open = await tx.dossier.findFirst({
      where: { previousCertificateId: record.id, evaluationType: "RE_EVALUATION", status: { in: OPEN_DOSSIER_STATES } },
      select: { id: true },
    });
    if (open) return { result: { dossierId: open.id, created: false, carried: 0, expired: [] as string[], expiringBeforeRound: [] as string[] }, audit: { entityType: "Dossier", entityId: open.id, after: { reused: true } } };
    const today = vietnamDateOf(new Date());
    if (displayStatus(record, today) !== "RENEWAL_WINDOW_OPEN") throw new AppError("INVALID_TRANSITION");

    const { dossierId, carried, expired, expiringBeforeRound } = await createReEvaluationDossier(tx, actor, record, today);
    // The list of papers to renew stays on the dossier's history, where the producer and later the ward read it.
    const t = translatorFor("vi");
    const comment = [
      t("certificates.renewalCreated", { number: record.number, carried }),
      expired.length ? `${t("certificates.renewalExpired")}: ${expired.join("; ")}` : "",
      expiringBeforeRound.length ? `${t("certificates.renewalExpiring")}: ${expiringBeforeRound.join("; ")}` : "",
    ]
      .filter(Boolean)
      .join("\n");
    await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: dossierId, action: "create", fromStatus: null, toStatus: "DRAFT", comment });
    await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: record.id, action: "start-re-evaluation", fromStatus: record.status, toStatus: record.status, comment: t("certificates.renewalStartedNote") });
    return {
      result: { dossierId, created: true, carried, expired, expiringBeforeRound },
      audit: { entityType: "Dossier", entityId: dossierId, after: { evaluationType: "RE_EVALUATION", previousCertificateId: record.id, carried, expired, expiringBeforeRound } },
    };
  },
  revalidate: (r) => ["/dossiers", `/dossiers/${r.dossierId}`, "/certificates"],
});
