"use server";
import type { Actor } from "@/lib/auth/actor";
import { dossierActionPermission } from "@/lib/auth/workflow-permissions";
import { storeAttachment } from "@/lib/db/attachments";
import {
  activeCertificatesOf,
  dossierResource,
  findDossier,
  latestSheet,
  listDossierEvidence,
  nextProductSequence,
  sheetForDossier,
  wardAndProvinceCodes,
  type DossierRecord,
  type DossierSheet,
} from "@/lib/db/dossiers";
import { notify, type Audience } from "@/lib/db/notifications";
import { findPlan } from "@/lib/db/plans";
import { findProducer } from "@/lib/db/producers";
import { recordStatusChange } from "@/lib/db/timeline";
import type { Tx } from "@/lib/db/tx";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import { vietnamDateOf } from "@/lib/domain/dates";
import { communePreAssessmentDeadline } from "@/lib/domain/deadlines";
import { formatProductCode, missingForm03Items, requiredEvidenceKinds } from "@/lib/domain/dossier-intake";
import { defaultVietnamHolidays } from "@/lib/domain/holidays-vn";
import { getRuleSet, isRuleSetCode, ruleSetInForce } from "@/lib/domain/rule-sets";
import { DOSSIER_MACHINE, isEditableByOwner, transition, type DossierState } from "@/lib/domain/workflow";
import { AppError, type ActionResult } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import {
  createDossierSchema,
  dossierDraftSchema,
  dossierSubmissionIssues,
  dossierTransitionSchema,
  form01Schema,
  form02Schema,
  readForm,
  removeEvidenceSchema,
  saveForm03Schema,
  uploadEvidenceSchema,
  type DossierDeskAction,
  type EvaluationTypeValue,
  type Form01,
  type Form02,
} from "@/lib/validation/dossiers";
import { checkAnswersAgainstSheet, readStoredAnswers } from "@/lib/validation/sheet-answers";
import { defineAction } from "./define-action";

const HOLIDAYS = defaultVietnamHolidays();
const PLAN_STATES_FOR_DOSSIER = ["APPROVED", "IMPLEMENTING", "READY_FOR_EVALUATION"];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const paths = (id: string) => ["/dossiers", `/dossiers/${id}`];

function invalid(field: string, message: string): never {
  throw new AppError("VALIDATION", undefined, { [field]: [message] });
}

/**
 * An upgrade or re-evaluation builds on one of the producer's own active certificates, and on
 * a certificate only one such dossier is open at a time: two recognised in turn would leave two
 * live certificates for one product. The certificate row is locked while this is checked.
 */
async function checkPreviousCertificate(tx: Tx, actor: Actor, producerId: string, type: EvaluationTypeValue, id: string | null | undefined, dossierId: string | null = null) {
  if (type === "FIRST") return null;
  const own = await activeCertificatesOf(actor, producerId, tx);
  if (!id || !own.some((c) => c.id === id)) invalid("previousCertificateId", "dossiers.previousCertificateInvalid");
  await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${id} FOR UPDATE`;
  const other = await tx.dossier.findFirst({
    where: { previousCertificateId: id, status: { notIn: [...DOSSIER_MACHINE.terminal] }, ...(dossierId ? { id: { not: dossierId } } : {}) },
    select: { id: true },
  });
  if (other) invalid("previousCertificateId", "dossiers.previousCertificateInUse");
  return id;
}

// ---- Create ----

type NewDossierContext = {
  producer: NonNullable<Awaited<ReturnType<typeof findProducer>>>;
  plan: NonNullable<Awaited<ReturnType<typeof findPlan>>> | null;
};

/**
 * The producer opens a dossier, from an approved business plan of theirs or directly (QĐ26
 * Art. 6 allows both). Form 01 and Form 02 start filled from the producer's record and the plan.
 */
export const createDossier = defineAction({
  name: "dossier.create",
  input: createDossierSchema,
  permission: "dossier.create",
  load: async ({ actor, input, tx }): Promise<NewDossierContext | null> => {
    // The producer comes from the session, never from the form.
    const producer = actor.producerId ? await findProducer(actor, actor.producerId, tx) : null;
    if (!producer) return null;
    const plan = input.planId ? await findPlan(actor, input.planId, tx) : null;
    if (input.planId && !plan) return null;
    return { producer, plan };
  },
  resource: (c) => ({ type: "producer", id: c.producer.id, wardId: c.producer.wardId }),
  run: async ({ actor, input, record: { producer, plan }, tx }) => {
    if (plan && (!PLAN_STATES_FOR_DOSSIER.includes(plan.status) || plan.producerId !== producer.id)) throw new AppError("INVALID_TRANSITION");
    const idea = plan
      ? await tx.productIdea.findUniqueOrThrow({ where: { id: plan.ideaId }, select: { productName: true, criteriaSetNo: true, description: true } })
      : null;
    const planText = plan ? await tx.businessPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { rawMaterialArea: true, production: true, market: true } }) : null;
    const productName = input.productName || idea?.productName || "";
    if (productName.length < 2) invalid("productName", "validation.required");
    const criteriaSetNo = input.criteriaSetNo || idea?.criteriaSetNo || null;
    if (!criteriaSetNo) invalid("criteriaSetNo", "validation.choose");
    const today = vietnamDateOf(new Date());
    const ruleSet = ruleSetInForce(today);
    if (!ruleSet || !(await latestSheet(criteriaSetNo, ruleSet.code, tx))) invalid("criteriaSetNo", "dossiers.noSheet");
    const previousCertificateId = await checkPreviousCertificate(tx, actor, producer.id, input.evaluationType, input.previousCertificateId);

    // The official forms are Vietnamese documents whatever the interface language.
    const vi = translatorFor("vi");
    const form01: Form01 = form01Schema.parse({
      unitName: producer.name,
      legalRepresentativeName: producer.legalRepName,
      position: producer.legalRepPosition ?? "",
      contactAddress: producer.address,
      phone: producer.phone ?? "",
      email: producer.email ?? "",
    });
    const form02: Form02 = form02Schema.parse({
      entityName: producer.name,
      organizationType: vi(`producerTypes.${producer.type}`),
      address: producer.address,
      phone: producer.phone ?? "",
      email: producer.email ?? "",
      legalRepresentativeFullName: producer.legalRepName,
      legalRepresentativeGender: producer.legalRepGender === "MALE" ? "male" : producer.legalRepGender === "FEMALE" ? "female" : "",
      legalRepresentativeEthnicity: producer.legalRepEthnicity ?? "",
      businessRegistrationNo: producer.businessRegNo ?? "",
      hasBusinessRegistration: !!producer.businessRegNo,
      productDescription: idea?.description ?? "",
      rawMaterialAndProductionTechnology: [planText?.rawMaterialArea, planText?.production].filter(Boolean).join("\n\n"),
      distributionMarkets: planText?.market ?? "",
    });
    const created = await tx.dossier.create({
      data: {
        producerId: producer.id,
        planId: plan?.id ?? null,
        previousCertificateId,
        cycleYear: Number(today.slice(0, 4)),
        evaluationType: input.evaluationType,
        productName,
        criteriaSetNo,
        form01,
        form02,
        selfScore: { items: {} },
      },
      select: { id: true },
    });
    return {
      result: { dossierId: created.id },
      audit: { entityType: "Dossier", entityId: created.id, after: { productName, criteriaSetNo, evaluationType: input.evaluationType, planId: plan?.id ?? null, previousCertificateId } },
    };
  },
  revalidate: (r) => paths(r.dossierId),
});

// ---- Draft ----

/** Saves the whole draft (forms, self-score, samples) while the dossier is the producer's to edit. */
export const saveDossierDraft = defineAction({
  name: "dossier.saveDraft",
  input: dossierDraftSchema,
  permission: "dossier.edit",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    if (!isEditableByOwner(DOSSIER_MACHINE, record.status)) throw new AppError("INVALID_TRANSITION");
    // The draft on screen must be the one stored: another tab's save is a conflict, not lost.
    if (input.version !== record.updatedAt.toISOString()) throw new AppError("CONFLICT");
    // The sheet was pinned at the first submission; another set would need another sheet.
    if (record.sheetId && input.criteriaSetNo !== record.criteriaSetNo) invalid("criteriaSetNo", "dossiers.setLocked");
    const previousCertificateId = await checkPreviousCertificate(tx, actor, record.producerId, input.evaluationType, input.previousCertificateId, record.id);
    const sheet = await sheetForDossier({ sheetId: record.sheetId, criteriaSetNo: input.criteriaSetNo }, vietnamDateOf(new Date()), tx);
    if (!sheet) invalid("criteriaSetNo", "dossiers.noSheet");
    const check = checkAnswersAgainstSheet(sheet.data, input.selfScore);
    if (!check.ok) throw new AppError("VALIDATION", undefined, prefixed("selfScore", check.fieldErrors));
    const data = {
      productName: input.productName,
      criteriaSetNo: input.criteriaSetNo,
      evaluationType: input.evaluationType,
      previousCertificateId,
      sampleCount: input.sampleCount ?? null,
      form01: input.form01,
      form02: input.form02,
      selfScore: input.selfScore,
    };
    const { count } = await tx.dossier.updateMany({ where: { id: record.id, status: record.status, updatedAt: record.updatedAt }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.dossier.findUniqueOrThrow({ where: { id: record.id }, select: { updatedAt: true } });
    return {
      result: { dossierId: record.id, version: saved.updatedAt.toISOString(), selfScoreTotal: check.score.total },
      audit: {
        entityType: "Dossier",
        entityId: record.id,
        before: { productName: record.productName, criteriaSetNo: record.criteriaSetNo, evaluationType: record.evaluationType, form01: record.form01, form02: record.form02, selfScore: record.selfScore },
        after: data,
      },
    };
  },
  revalidate: (r) => paths(r.dossierId),
});

function prefixed(prefix: string, errors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "_" ? prefix : `${prefix}.${k}`, v]));
}

// ---- Evidence ----

const uploadEvidenceAction = defineAction({
  name: "dossier.addEvidence",
  input: uploadEvidenceSchema,
  permission: "dossier.edit",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    if (!isEditableByOwner(DOSSIER_MACHINE, record.status)) throw new AppError("INVALID_TRANSITION");
    const itemCodes = [...new Set(input.itemCodes)];
    if (itemCodes.length > 0) {
      const sheet = await sheetForDossier(record, vietnamDateOf(new Date()), tx);
      const known = new Set(sheet ? listScoredItems(sheet.data).map((r) => r.item.code) : []);
      if (itemCodes.some((c) => !known.has(c))) invalid("itemCodes", "dossiers.scoreUnknownItem");
    }
    const file = await storeAttachment(tx, actor, { type: "Dossier", id: record.id }, input.file);
    // The dossier's own version (updatedAt) is left alone: adding a paper while the forms are open
    // in another section must not turn the next draft save into a conflict.
    const evidence = await tx.dossierEvidence.create({
      data: {
        dossierId: record.id,
        attachmentId: file.id,
        kind: input.kind,
        title: input.title,
        issuedOn: input.issuedOn ? day(input.issuedOn) : null,
        expiresOn: input.expiresOn ? day(input.expiresOn) : null,
        itemCodes,
      },
      select: { id: true },
    });
    return {
      result: { dossierId: record.id, evidenceId: evidence.id, fileName: file.fileName },
      audit: {
        entityType: "Dossier",
        entityId: record.id,
        after: { evidence: evidence.id, attachment: file.id, kind: input.kind, title: input.title, issuedOn: input.issuedOn, expiresOn: input.expiresOn, itemCodes, sha256: file.sha256 },
      },
    };
  },
  revalidate: (r) => paths(r.dossierId),
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadEvidence(formData: FormData): Promise<ActionResult<{ dossierId: string; evidenceId: string; fileName: string }>> {
  return uploadEvidenceAction({
    dossierId: formData.get("dossierId"),
    kind: formData.get("kind"),
    title: formData.get("title") ?? "",
    issuedOn: formData.get("issuedOn") ?? "",
    expiresOn: formData.get("expiresOn") ?? "",
    itemCodes: formData.getAll("itemCodes"),
    file: formData.get("file"),
  });
}

/** Removes a paper while the dossier is editable; the file is kept in storage, marked deleted. */
export const removeEvidence = defineAction({
  name: "dossier.removeEvidence",
  input: removeEvidenceSchema,
  permission: "dossier.edit",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ input, record, tx }) => {
    if (!isEditableByOwner(DOSSIER_MACHINE, record.status)) throw new AppError("INVALID_TRANSITION");
    const evidence = await tx.dossierEvidence.findFirst({
      where: { id: input.evidenceId, dossierId: record.id, attachment: { deletedAt: null } },
      select: { id: true, attachmentId: true, kind: true, title: true },
    });
    if (!evidence) throw new AppError("NOT_FOUND");
    await tx.attachment.update({ where: { id: evidence.attachmentId }, data: { deletedAt: new Date() } });
    return { result: { dossierId: record.id }, audit: { entityType: "Dossier", entityId: record.id, before: { evidence } } };
  },
  revalidate: (r) => paths(r.dossierId),
});

// ---- Form 03 ----

/** The ward's report (Mẫu số 03) on a dossier it received; saved as a draft until forwarding. */
export const saveForm03 = defineAction({
  name: "dossier.saveForm03",
  input: saveForm03Schema,
  permission: "dossier.preAssess",
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION");
    if (input.version !== record.updatedAt.toISOString()) throw new AppError("CONFLICT");
    const { count } = await tx.dossier.updateMany({
      where: { id: record.id, status: "SUBMITTED", updatedAt: record.updatedAt },
      data: { form03: input.form03, form03ById: actor.userId, form03At: new Date() },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.dossier.findUniqueOrThrow({ where: { id: record.id }, select: { updatedAt: true } });
    return {
      result: { dossierId: record.id, version: saved.updatedAt.toISOString(), missing: missingForm03Items(input.form03) },
      audit: { entityType: "Dossier", entityId: record.id, before: { form03: record.form03 }, after: { form03: input.form03 } },
    };
  },
  revalidate: (r) => paths(r.dossierId),
});

// ---- Workflow ----

const toWard = (d: DossierRecord): Audience => ({ kind: "ward", wardId: d.producer.wardId });
const toProducer = (d: DossierRecord): Audience => ({ kind: "producer", producerId: d.producerId });
const toOffice: Audience = { kind: "role", role: "ECONOMIC_OFFICE" };

const NOTICE: Record<DossierDeskAction, { kind: string; to: (d: DossierRecord, from: DossierState) => Audience[] }> = {
  submit: { kind: "dossierNotices.submitted", to: (d) => [toWard(d)] },
  resubmit: { kind: "dossierNotices.resubmitted", to: (d) => [toWard(d)] },
  supplement: { kind: "dossierNotices.supplemented", to: (d) => [toOffice, toWard(d)] },
  // Past the ward, the office is working on it too.
  withdraw: { kind: "dossierNotices.withdrawn", to: (d, from) => (["DRAFT", "SUBMITTED", "RETURNED"].includes(from) ? [toWard(d)] : [toWard(d), toOffice]) },
  return: { kind: "dossierNotices.returned", to: (d) => [toProducer(d)] },
  forward: { kind: "dossierNotices.forwarded", to: (d) => [toOffice, toProducer(d)] },
  reject: { kind: "dossierNotices.rejected", to: (d, from) => (from === "SUBMITTED" ? [toProducer(d)] : [toProducer(d), toWard(d)]) },
  "request-supplement": { kind: "dossierNotices.supplementRequested", to: (d) => [toProducer(d), toWard(d)] },
};

// Where each desk may decline: the ward at SUBMITTED, the office at intake. A knocked-out
// council result is rejected with the results (result.manage), not from here.
const REJECT_FROM: readonly DossierState[] = ["SUBMITTED", "FORWARDED", "ADVISORY_REVIEW"];

/**
 * Everything a submission needs, as field errors naming what is missing: Form 01 and Form 02
 * parts, a complete self-score on the sheet, and the papers the intake rules require.
 */
async function submissionProblems(tx: Tx, d: DossierRecord, sheet: DossierSheet): Promise<Record<string, string[]>> {
  const issues = dossierSubmissionIssues({
    productName: d.productName,
    evaluationType: d.evaluationType,
    criteriaSetNo: d.criteriaSetNo,
    sampleCount: d.sampleCount,
    form01: readForm(form01Schema, d.form01),
    form02: readForm(form02Schema, d.form02),
  });
  const check = checkAnswersAgainstSheet(sheet.data, readStoredAnswers(d.selfScore));
  if (!check.ok) Object.assign(issues, prefixed("selfScore", check.fieldErrors));
  else if (!check.score.complete) {
    issues.selfScore = ["dossiers.selfScoreIncomplete"];
    for (const code of check.score.missingItems) issues[`selfScore.items.${code}`] = ["dossiers.notScored"];
  }
  const kinds = new Set((await listDossierEvidence(d, tx)).map((e) => e.kind));
  for (const kind of requiredEvidenceKinds(sheet.data)) if (!kinds.has(kind)) issues[`evidence.${kind}`] = ["dossiers.evidenceMissing"];
  return issues;
}

async function snapshotOf(tx: Tx, d: DossierRecord, version: number) {
  const evidence = await listDossierEvidence(d, tx);
  return {
    version,
    productName: d.productName,
    evaluationType: d.evaluationType,
    criteriaSetNo: d.criteriaSetNo,
    previousCertificateId: d.previousCertificateId,
    sampleCount: d.sampleCount,
    form01: d.form01,
    form02: d.form02,
    selfScore: d.selfScore,
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, expiresOn: e.expiresOn, itemCodes: e.itemCodes, attachmentId: e.attachment.id })),
  };
}

async function applyDossierTransition(tx: Tx, actor: Actor, d: DossierRecord, input: { action: DossierDeskAction; comment: string; missingItems: string[] }) {
  const { action } = input;
  const to = transition(DOSSIER_MACHINE, d.status, action);
  if (!to || (action === "reject" && !REJECT_FROM.includes(d.status))) throw new AppError("INVALID_TRANSITION");
  const now = new Date();
  const today = vietnamDateOf(now);
  const data: Record<string, unknown> = { status: to };

  if (action === "submit" || action === "resubmit" || action === "supplement") {
    if (d.producer.verificationStatus !== "VERIFIED") throw new AppError("PRODUCER_NOT_VERIFIED");
    const sheet = await sheetForDossier(d, today, tx);
    if (!sheet) throw new AppError("INCOMPLETE", undefined, { criteriaSetNo: ["dossiers.noSheet"] });
    const problems = await submissionProblems(tx, d, sheet);
    if (Object.keys(problems).length > 0) throw new AppError("INCOMPLETE", undefined, problems);
    // The rule set in force on the first submission stays the dossier's (QĐ26 Art. 12;
    // architecture.md §3.5): a resubmission months later is still judged by it.
    const ruleSetCode = d.ruleSetCode ?? sheet.ruleSetCode;
    if (!d.ruleSetCode) Object.assign(data, { ruleSetCode, sheetId: sheet.id });
    const version = d.version + 1;
    Object.assign(data, { version, submittedAt: now, missingItems: [] });
    if (action !== "supplement") {
      // 15 working days for the commune's check and Form 03 (QĐ26 Art. 7.2), from each arrival.
      const due = isRuleSetCode(ruleSetCode) ? communePreAssessmentDeadline(today, getRuleSet(ruleSetCode), HOLIDAYS) : null;
      data.wardDueOn = due ? new Date(`${due}T00:00:00Z`) : null;
    }
    await tx.dossierRevision.create({ data: { dossierId: d.id, version, snapshot: JSON.parse(JSON.stringify(await snapshotOf(tx, d, version))) } });
  }

  if (action === "return" || action === "request-supplement") data.missingItems = input.missingItems;

  if (action === "forward") {
    const missing = missingForm03Items(d.form03 as Record<string, unknown> | null);
    if (missing.length > 0) throw new AppError("INCOMPLETE", undefined, Object.fromEntries(missing.map((k) => [`form03.${k}`, ["dossiers.form03ItemMissing"]])));
    if (!d.productCode) {
      const codes = await wardAndProvinceCodes(d.producer.wardId, tx);
      if (!codes.provinceCode) throw new Error(`ward ${d.producer.wardId} has no province above it`);
      // The evaluation year is the dossier's OCOP cycle: the ward numbers its products per
      // cycle, and a late proposal the office still puts in that year's last round keeps it.
      const year = d.cycleYear;
      const sequence = await nextProductSequence(tx, codes.provinceCode, codes.wardCode, year);
      data.productCode = formatProductCode({ provinceCode: codes.provinceCode, wardCode: codes.wardCode, sequence, year });
    }
    data.forwardedAt = now;
  }
  if (action === "reject") data.decidedAt = now;
  // Leaving the ward's desk ends its deadline, so handled dossiers no longer sort as pending.
  if (to !== "SUBMITTED") data.wardDueOn = null;

  const { count } = await tx.dossier.updateMany({ where: { id: d.id, status: d.status, updatedAt: d.updatedAt }, data });
  if (count !== 1) throw new AppError("CONFLICT");
  await recordStatusChange(tx, actor, { entityType: "Dossier", entityId: d.id, action, fromStatus: d.status, toStatus: to, comment: input.comment });
  // A draft never submitted is private: withdrawing it tells nobody.
  if (!(action === "withdraw" && d.version === 0)) {
    const notice = NOTICE[action];
    await notify(tx, actor, notice.to(d, d.status), {
      kind: notice.kind,
      params: { name: d.productName, producer: d.producer.name },
      href: `/dossiers/${d.id}`,
    });
  }
  return { to, productCode: (data.productCode as string | undefined) ?? d.productCode };
}

export const transitionDossier = defineAction({
  name: "dossier.transition",
  input: dossierTransitionSchema,
  permission: (input, record: DossierRecord) => dossierActionPermission(input.action, record.status),
  load: ({ actor, input, tx }) => findDossier(actor, input.dossierId, tx),
  resource: dossierResource,
  run: async ({ actor, input, record, tx }) => {
    const { to, productCode } = await applyDossierTransition(tx, actor, record, input);
    return {
      result: { dossierId: record.id, status: to, productCode },
      audit: {
        entityType: "Dossier",
        entityId: record.id,
        before: { status: record.status },
        after: { status: to, action: input.action, comment: input.comment, missingItems: input.missingItems, productCode },
      },
    };
  },
  revalidate: (r) => paths(r.dossierId),
});
