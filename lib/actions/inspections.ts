"use server";
import type { Actor } from "@/lib/auth/actor";
import { findAttachment, findAttachmentParent, storeAttachment, type AttachmentParent } from "@/lib/db/attachments";
import { displayStatus, findCertificate, type CertificateRecord } from "@/lib/db/certificates";
import { findInspection, inspectionResource, type InspectionRecord } from "@/lib/db/inspections";
import { notify, type Audience } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import type { Tx } from "@/lib/db/tx";
import { dateOf, isoOf, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { conclusionProblems, inspectedOnProblem, inspectionTransition, isInspectableCertificate, isPlanEditable, plannedOnProblem } from "@/lib/domain/inspections";
import { CERTIFICATE_MACHINE, transition } from "@/lib/domain/workflow";
import { AppError, type ActionResult } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import {
  cancelInspectionSchema,
  concludeInspectionSchema,
  editInspectionPlanSchema,
  inspectionPhotoSchema,
  planInspectionSchema,
  removeInspectionPhotoSchema,
  toChecklist,
} from "@/lib/validation/inspections";
import { defineAction } from "./define-action";

const pathOf = (id: string) => `/inspections/${id}`;
const ddmmyyyy = (iso: IsoDate) => formatDate(dateOf(iso));
const datesOf = (c: { issuedOn: Date; expiresOn: Date }) => ({ issuedOn: isoOf(c.issuedOn), expiresOn: isoOf(c.expiresOn) });
/** The producer and the officers of its ward: those who host the team and hear its conclusion. */
const hosts = (i: { producerId: string; wardId: string }): Audience[] => [
  { kind: "producer", producerId: i.producerId },
  { kind: "ward", wardId: i.wardId },
];

/** A certificate still in force today: stored live and not past its last day. */
function inForce(cert: CertificateRecord, today: IsoDate) {
  return isInspectableCertificate(cert.status) && displayStatus(cert, today) !== "EXPIRED";
}

/**
 * The office plans an inspection of a recognised product (QĐ26 Art. 9.1, periodic or ad hoc).
 * Producer and ward are copied from the certificate's producer, never taken from the form; the
 * plan falls within the certificate's validity. The same plan sent twice (a double click, two
 * tabs) is one inspection: the certificate's row lock makes them take turns and the second finds
 * the first.
 */
export const planInspection = defineAction({
  name: "inspection.plan",
  input: planInspectionSchema,
  permission: "inspection.manage",
  load: ({ actor, input, tx }) => findCertificate(actor, input.certificateId, tx),
  resource: (c) => ({ type: "inspection", id: "", producerId: c.producerId, wardId: c.producer.wardId, status: "PLANNED" }) as const,
  run: async ({ actor, input, record: cert, tx }) => {
    await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${cert.id} FOR UPDATE`;
    const { status } = await tx.certificate.findUniqueOrThrow({ where: { id: cert.id }, select: { status: true } });
    const today = vietnamDateOf(new Date());
    if (!inForce({ ...cert, status }, today)) throw new AppError("INVALID_TRANSITION", "certificate not in force", { certificateId: ["inspections.certificateNotInForce"] });
    const dateProblem = plannedOnProblem(input.plannedOn, datesOf(cert));
    if (dateProblem) throw new AppError("VALIDATION", "planned date", { plannedOn: [dateProblem] });
    const same = await tx.inspection.findFirst({ where: { certificateId: cert.id, status: "PLANNED", kind: input.kind, plannedOn: dateOf(input.plannedOn) }, select: { id: true } });
    if (same) return { result: { inspectionId: same.id, certificateId: cert.id, created: false }, audit: { entityType: "Inspection", entityId: same.id, after: { reused: true } } };

    const created = await tx.inspection.create({
      data: {
        certificateId: cert.id,
        producerId: cert.producerId,
        wardId: cert.producer.wardId,
        kind: input.kind,
        plannedOn: dateOf(input.plannedOn),
        team: input.team,
        createdById: actor.userId,
      },
      select: { id: true, producerId: true, wardId: true },
    });
    const t = translatorFor("vi");
    await recordStatusChange(tx, actor, { entityType: "Inspection", entityId: created.id, action: "plan", fromStatus: null, toStatus: "PLANNED", comment: `${t(`inspections.kinds.${input.kind}`)} — ${ddmmyyyy(input.plannedOn)}` });
    await notify(tx, actor, hosts(created), {
      kind: "inspectionNotices.planned",
      params: { name: cert.productName, number: cert.number, date: ddmmyyyy(input.plannedOn) },
      href: pathOf(created.id),
    });
    return {
      result: { inspectionId: created.id, certificateId: cert.id, created: true },
      audit: { entityType: "Inspection", entityId: created.id, after: { certificateId: cert.id, producerId: created.producerId, wardId: created.wardId, kind: input.kind, plannedOn: input.plannedOn, team: input.team } },
    };
  },
  revalidate: (r) => ["/inspections", pathOf(r.inspectionId), `/certificates/${r.certificateId}`],
});

function checkVersion(record: InspectionRecord, version: number) {
  if (version !== record.version) throw new AppError("CONFLICT");
}

/** Date, kind and team of a plan; the producer hears of a new date. */
export const editInspectionPlan = defineAction({
  name: "inspection.editPlan",
  input: editInspectionPlanSchema,
  permission: "inspection.manage",
  load: ({ actor, input, tx }) => findInspection(actor, input.inspectionId, tx),
  resource: inspectionResource,
  run: async ({ actor, input, record, tx }) => {
    if (!isPlanEditable(record.status)) throw new AppError("INVALID_TRANSITION");
    checkVersion(record, input.version);
    const dateProblem = plannedOnProblem(input.plannedOn, datesOf(record.certificate));
    if (dateProblem) throw new AppError("VALIDATION", "planned date", { plannedOn: [dateProblem] });
    const { count } = await tx.inspection.updateMany({
      where: { id: record.id, status: "PLANNED", version: record.version },
      data: { kind: input.kind, plannedOn: dateOf(input.plannedOn), team: input.team, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    const before = isoOf(record.plannedOn);
    const t = translatorFor("vi");
    const comment = [t(`inspections.kinds.${input.kind}`), before === input.plannedOn ? ddmmyyyy(input.plannedOn) : `${ddmmyyyy(before)} → ${ddmmyyyy(input.plannedOn)}`].join(" — ");
    await recordStatusChange(tx, actor, { entityType: "Inspection", entityId: record.id, action: "edit", fromStatus: "PLANNED", toStatus: "PLANNED", comment });
    if (before !== input.plannedOn) {
      await notify(tx, actor, hosts(record), {
        kind: "inspectionNotices.rescheduled",
        params: { name: record.certificate.productName, number: record.certificate.number, date: ddmmyyyy(input.plannedOn) },
        href: pathOf(record.id),
      });
    }
    return {
      result: { inspectionId: record.id, version: record.version + 1 },
      audit: { entityType: "Inspection", entityId: record.id, before: { kind: record.kind, plannedOn: before, team: record.team }, after: { kind: input.kind, plannedOn: input.plannedOn, team: input.team } },
    };
  },
  revalidate: (r) => ["/inspections", pathOf(r.inspectionId)],
});

/** Calling a plan off, with the reason the producer and the ward are told. */
export const cancelInspection = defineAction({
  name: "inspection.cancel",
  input: cancelInspectionSchema,
  permission: "inspection.manage",
  load: ({ actor, input, tx }) => findInspection(actor, input.inspectionId, tx),
  resource: inspectionResource,
  run: async ({ actor, input, record, tx }) => {
    const to = inspectionTransition(record.status, "cancel");
    if (!to) throw new AppError("INVALID_TRANSITION");
    checkVersion(record, input.version);
    const { count } = await tx.inspection.updateMany({ where: { id: record.id, status: record.status, version: record.version }, data: { status: to, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "Inspection", entityId: record.id, action: "cancel", fromStatus: record.status, toStatus: to, comment: input.reason });
    await notify(tx, actor, hosts(record), {
      kind: "inspectionNotices.cancelled",
      params: { name: record.certificate.productName, number: record.certificate.number, date: ddmmyyyy(isoOf(record.plannedOn)) },
      href: pathOf(record.id),
    });
    return {
      result: { inspectionId: record.id, certificateId: record.certificateId },
      audit: { entityType: "Inspection", entityId: record.id, before: { status: record.status }, after: { status: to, reason: input.reason } },
    };
  },
  revalidate: (r) => ["/inspections", pathOf(r.inspectionId), `/certificates/${r.certificateId}`],
});

/**
 * A revocation proposal leads the certificate into the revocation flow (QĐ26 Art. 8.3: the OCOP
 * agency inspects and reports, the competent person decides). In the conclusion's transaction
 * an ACTIVE certificate becomes REVOCATION_PROPOSED, its history naming the ground and the
 * inspection; one already proposed (by an earlier inspection) keeps its state and gains the
 * entry. The office then records the decision with certificate.revoke.
 */
async function proposeRevocation(tx: Tx, actor: Actor, inspection: InspectionRecord, input: { inspectedOn: IsoDate; findings: string; ground: string }, today: IsoDate) {
  // Takes turns with a revocation or another conclusion on the same certificate.
  await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${inspection.certificateId} FOR UPDATE`;
  const cert = await findCertificate(actor, inspection.certificateId, tx);
  if (!cert || !inForce(cert, today)) throw new AppError("INVALID_TRANSITION", "certificate not in force", { followUp: ["inspections.certificateNotInForce"] });
  const t = translatorFor("vi");
  const comment = [
    t("inspections.proposalNote", { date: ddmmyyyy(input.inspectedOn), ground: t(`revocationGrounds.${input.ground as "A"}`) }),
    input.findings,
    `${t("inspections.proposalLink")}: ${pathOf(inspection.id)}`,
  ].join("\n");
  if (cert.status === "ACTIVE") {
    const to = transition(CERTIFICATE_MACHINE, "ACTIVE", "propose-revocation");
    if (!to) throw new AppError("INVALID_TRANSITION");
    const { count } = await tx.certificate.updateMany({ where: { id: cert.id, status: "ACTIVE" }, data: { status: to } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: cert.id, action: "propose-revocation", fromStatus: "ACTIVE", toStatus: to, comment });
  } else {
    await recordStatusChange(tx, actor, { entityType: "Certificate", entityId: cert.id, action: "inspection-proposal", fromStatus: cert.status, toStatus: cert.status, comment });
  }
  const params = { name: cert.productName, number: cert.number };
  await notify(tx, actor, hosts(inspection), { kind: "inspectionNotices.revocationProposed", params, href: pathOf(inspection.id) });
  // The office completes it: the decision is recorded on the certificate's page.
  await notify(tx, actor, [{ kind: "role", role: "ECONOMIC_OFFICE" }], { kind: "inspectionNotices.revocationToDecide", params, href: `/certificates/${cert.id}` });
  return { from: cert.status, to: "REVOCATION_PROPOSED" as const };
}

/**
 * The team's conclusion: the checklist of Art. 9.2, findings, conclusion and follow-up, checked
 * against the rules of lib/domain/inspections.ts with the inspection's stored kind, and guarded
 * on the version the officer read. A warning tells the producer what to put right.
 */
export const concludeInspection = defineAction({
  name: "inspection.conclude",
  input: concludeInspectionSchema,
  permission: "inspection.manage",
  load: ({ actor, input, tx }) => findInspection(actor, input.inspectionId, tx),
  resource: inspectionResource,
  run: async ({ actor, input, record, tx }) => {
    // The version first: a second click arriving after the first was saved is a conflict, not a refusal.
    checkVersion(record, input.version);
    const to = inspectionTransition(record.status, "conclude");
    if (!to) throw new AppError("INVALID_TRANSITION");
    const today = vietnamDateOf(new Date());
    const checklist = toChecklist(input.checklist);
    const problems: Record<string, string[]> = { ...conclusionProblems({ kind: record.kind, checklist, findings: input.findings, conclusion: input.conclusion, followUp: input.followUp, revocationGround: input.revocationGround }) };
    const dateProblem = inspectedOnProblem(input.inspectedOn, datesOf(record.certificate), today);
    if (dateProblem) problems.inspectedOn = [dateProblem];
    if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", "conclusion rules", problems);

    const { count } = await tx.inspection.updateMany({
      where: { id: record.id, status: record.status, version: record.version },
      data: {
        status: to,
        inspectedOn: dateOf(input.inspectedOn),
        team: input.team,
        checklist,
        findings: input.findings,
        conclusion: input.conclusion,
        followUp: input.followUp,
        followUpNote: input.followUpNote,
        revocationGround: input.revocationGround,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    const t = translatorFor("vi");
    const summary = [
      `${t(`inspections.conclusions.${input.conclusion}`)} — ${t(`inspections.followUps.${input.followUp}`)}`,
      input.revocationGround ? t(`revocationGrounds.${input.revocationGround}`) : "",
      input.followUpNote,
    ]
      .filter(Boolean)
      .join("\n");
    await recordStatusChange(tx, actor, { entityType: "Inspection", entityId: record.id, action: "conclude", fromStatus: record.status, toStatus: to, comment: summary });

    let certificate: { from: string; to: string } | null = null;
    const params = { name: record.certificate.productName, number: record.certificate.number, date: ddmmyyyy(input.inspectedOn) };
    if (input.followUp === "REVOCATION_PROPOSAL") {
      certificate = await proposeRevocation(tx, actor, record, { inspectedOn: input.inspectedOn, findings: input.findings, ground: input.revocationGround! }, today);
    } else {
      await notify(tx, actor, hosts(record), { kind: input.followUp === "WARNING" ? "inspectionNotices.warning" : "inspectionNotices.compliant", params, href: pathOf(record.id) });
    }
    return {
      result: { inspectionId: record.id, certificateId: record.certificateId, certificate },
      audit: {
        entityType: "Inspection",
        entityId: record.id,
        before: { status: record.status, version: record.version },
        after: { status: to, inspectedOn: input.inspectedOn, checklist, findings: input.findings, conclusion: input.conclusion, followUp: input.followUp, revocationGround: input.revocationGround, certificate },
      },
    };
  },
  revalidate: (r) => ["/inspections", pathOf(r.inspectionId), "/certificates", `/certificates/${r.certificateId}`],
});

// ---------------------------------------------------------------------------------------------
// Photos and minutes of the findings (attachments of the inspection)

const uploadPhoto = defineAction({
  name: "inspection.uploadPhoto",
  input: inspectionPhotoSchema,
  permission: "inspection.manage",
  load: ({ actor, input, tx }) => findAttachmentParent(actor, "Inspection", input.inspectionId, tx),
  resource: (parent: AttachmentParent) => parent.resource,
  run: async ({ actor, input, record: parent, tx }) => {
    if (!parent.canUpload) throw new AppError("INVALID_TRANSITION");
    const row = await storeAttachment(tx, actor, parent, input.file, "finding");
    return {
      result: { id: row.id, fileName: row.fileName, inspectionId: parent.id },
      audit: { entityType: "Inspection", entityId: parent.id, after: { attachment: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
  },
  revalidate: (r) => [pathOf(r.inspectionId)],
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadInspectionPhoto(formData: FormData): Promise<ActionResult<{ id: string; fileName: string; inspectionId: string }>> {
  return uploadPhoto({ inspectionId: formData.get("inspectionId"), file: formData.get("file") });
}

export const removeInspectionPhoto = defineAction({
  name: "inspection.removePhoto",
  input: removeInspectionPhotoSchema,
  permission: "inspection.manage",
  // Another record's file is not this action's business: it answers as unknown.
  load: async ({ actor, input, tx }) => {
    const found = await findAttachment(actor, input.attachmentId, tx);
    return found && found.parent.type === "Inspection" ? found : null;
  },
  resource: (found) => found.parent.resource,
  run: async ({ record: { file, parent }, tx }) => {
    if (!parent.canUpload) throw new AppError("INVALID_TRANSITION");
    // Kept in storage and marked deleted, like every attachment.
    await tx.attachment.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
    return { result: { id: file.id, inspectionId: parent.id }, audit: { entityType: "Inspection", entityId: parent.id, before: { attachment: file.id, fileName: file.fileName } } };
  },
  revalidate: (r) => [pathOf(r.inspectionId)],
});
