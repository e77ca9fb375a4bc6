import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { dossierActionPermission } from "@/lib/auth/workflow-permissions";
import { dossierBackground, dossierIntake, dossierResource, findDossier, listDossierEvidence, listDossierRevisions, sheetForDossier } from "@/lib/db/dossiers";
import { findDossierCertificate, findVisibleResult } from "@/lib/db/decisions";
import { listStatusEvents } from "@/lib/db/timeline";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { vietnamDateOf } from "@/lib/domain/dates";
import { missingForm03Items } from "@/lib/domain/dossier-intake";
import { getRuleSet, isRuleSetCode } from "@/lib/domain/rule-sets";
import { DOSSIER_MACHINE, allowedActions, isEditableByOwner } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { DOSSIER_DESK_ACTIONS, FORM_02_CHECKBOXES, form01Schema, form02Schema, form03Schema, readForm, type DossierDeskAction } from "@/lib/validation/dossiers";
import { checkAnswersAgainstSheet, readStoredAnswers } from "@/lib/validation/sheet-answers";
import { ResultExplanation } from "@/components/ocop/result-explanation";
import { StatusPill } from "@/components/ocop/status-pill";
import { Timeline } from "@/components/ocop/timeline";
import { buttonClass } from "@/components/ui/button";
import { DOSSIER_TONE } from "../dossier-ui";
import { DueDate, IntakeFlagList } from "../intake-flags";
import { DossierActions } from "./dossier-actions";
import { EvidenceList } from "./evidence-list";
import { EvidenceUpload } from "./evidence-upload";
import { SelfScoreView } from "./self-score-view";

const FORM_01_KEYS = ["unitName", "legalRepresentativeName", "position", "contactAddress", "phone", "email"] as const;
const FORM_02_PARTS = [
  ["part1", ["entityName", "organizationType", "address", "phone", "email", "legalRepresentativeFullName", "legalRepresentativeGender", "legalRepresentativeEthnicity", "legalRepresentativePermanentAddress", "establishmentDate", "businessRegistrationNo", "productDescription", "entityHistory", "organizationStructure"]],
  ["part2", ["rawMaterialAndProductionTechnology", "productQualityChanges", "distributionMarkets", "businessResults"]],
  ["part3", ["reassessmentUpdates"]],
  ["part4", ["productionBusinessPlan"]],
] as const;
const FORM_03_KEYS = ["communeName", "entityName", "organizationType", "address", "legalRepresentativeFullName", "registeredProduct", "localRawMaterialUse", "localLabourUse", "productIdeaOrigin", "localIdentity"] as const;
// Steps the council and the results take are shown on their own screens.
const REJECT_FROM = ["SUBMITTED", "FORWARDED", "ADVISORY_REVIEW"];

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/dossiers/${id}`);
  const dossier = await findDossier(actor, id);
  if (!dossier) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const resource = dossierResource(dossier);
  const [events, evidence, revisions, background, intake, sheet, result, certificate] = await Promise.all([
    listStatusEvents({ entityType: "Dossier", id: dossier.id }),
    listDossierEvidence(dossier),
    listDossierRevisions(dossier),
    dossierBackground(dossier),
    dossierIntake(dossier),
    sheetForDossier(dossier, today),
    // The council's result shows to the producer and the ward only once released (findVisibleResult).
    findVisibleResult(actor, dossier),
    findDossierCertificate(actor, dossier.id),
  ]);
  const actions = allowedActions(DOSSIER_MACHINE, dossier.status).filter(
    (a): a is DossierDeskAction =>
      (DOSSIER_DESK_ACTIONS as readonly string[]).includes(a) && (a !== "reject" || REJECT_FROM.includes(dossier.status)) && can(actor, dossierActionPermission(a, dossier.status), resource),
  );
  const canEdit = can(actor, "dossier.edit", resource) && isEditableByOwner(DOSSIER_MACHINE, dossier.status);
  const canPreAssess = can(actor, "dossier.preAssess", resource);
  const form01 = readForm(form01Schema, dossier.form01);
  const form02 = readForm(form02Schema, dossier.form02);
  const form03 = dossier.form03 ? readForm(form03Schema, dossier.form03) : null;
  const form03Missing = missingForm03Items(dossier.form03 as Record<string, unknown> | null);
  const answers = readStoredAnswers(dossier.selfScore);
  const selfScore = sheet ? checkAnswersAgainstSheet(sheet.data, answers) : null;
  const ruleSet = dossier.ruleSetCode && isRuleSetCode(dossier.ruleSetCode) ? getRuleSet(dossier.ruleSetCode) : null;
  const due = dossier.status === "SUBMITTED" && dossier.wardDueOn ? vietnamDateOf(dossier.wardDueOn) : null;
  const asking = dossier.status === "RETURNED" || dossier.status === "SUPPLEMENT_REQUESTED";
  const lastRequest = [...events].reverse().find((e) => e.action === "return" || e.action === "request-supplement");
  const value = (v: string | null | undefined) => (v && v.trim() ? v : "—");
  const gender = (g: string) => (g === "male" ? t("dossierForms.male") : g === "female" ? t("dossierForms.female") : "—");
  const evidenceByItem: Record<string, { title: string; href: string }[]> = {};
  for (const e of evidence) for (const code of e.itemCodes) (evidenceByItem[code] ??= []).push({ title: e.title, href: `/api/files/${e.attachment.id}` });

  return (
    <>
      <p className="text-sm"><Link href="/dossiers" className="text-brand-700 underline underline-offset-2">{t("dossiers.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{dossier.productName}</h1>
      <p className="text-stone-700">{dossier.producer.name} · {dossier.producer.ward.name}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <StatusPill tone={DOSSIER_TONE[dossier.status]}>{t(`dossierStatus.${dossier.status}`)}</StatusPill>
        {dossier.productCode ? <span>{t("dossiers.productCode")}: <strong className="tabular-nums">{dossier.productCode}</strong></span> : null}
        {due ? <span className="inline-flex items-baseline gap-1">{t("dossiers.wardDueOn")}: <DueDate due={due} today={today} /></span> : null}
      </div>

      {asking && (dossier.missingItems.length > 0 || lastRequest?.comment) ? (
        <section aria-labelledby="missing" className="mt-4 max-w-3xl rounded-lg border-2 border-amber-500 bg-amber-50 p-4" data-testid="missing-items">
          <h2 id="missing" className="text-lg font-semibold text-amber-950">
            {dossier.status === "RETURNED" ? t("dossiers.missingTitleWard") : t("dossiers.missingTitleOffice")}
          </h2>
          {dossier.missingItems.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {dossier.missingItems.map((m) => <li key={m}>{t(`missingItem.${m}` as never)}</li>)}
            </ul>
          ) : null}
          {lastRequest?.comment ? <p className="mt-2 whitespace-pre-line rounded bg-white p-2 text-sm">{lastRequest.comment}</p> : null}
          {canEdit ? <p className="mt-3"><Link href={`/dossiers/${dossier.id}/edit`} className={buttonClass("primary")}>{t("dossiers.completeNow")}</Link></p> : null}
        </section>
      ) : null}

      {dossier.producer.verificationStatus !== "VERIFIED" && canEdit ? <p className="mt-3 max-w-3xl rounded-md bg-amber-50 p-3 text-amber-900">{t("dossiers.notVerified")}</p> : null}

      <div className="mt-4 flex flex-wrap gap-2">
        {canEdit ? <Link href={`/dossiers/${dossier.id}/edit`} className={buttonClass("secondary")}>{t("dossiers.edit")}</Link> : null}
        {canPreAssess ? <Link href={`/dossiers/${dossier.id}/form-03`} className={buttonClass("secondary")}>{form03 ? t("dossiers.editForm03") : t("dossiers.fillForm03")}</Link> : null}
      </div>

      <DossierActions
        dossierId={dossier.id}
        name={dossier.productName}
        actions={actions}
        form03Missing={canPreAssess ? form03Missing.length : 0}
      />

      {result ? <ResultExplanation result={result} certificate={certificate} /> : null}

      <section aria-labelledby="summary" className="mt-6">
        <h2 id="summary" className="text-lg font-semibold">{t("dossiers.summary")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
          <Row label={t("dossierForms.evaluationType")}>{t(`evaluationType.${dossier.evaluationType}`)}</Row>
          <Row label={t("dossierForms.criteriaSetNo")}>{`${dossier.criteriaSet.no}. ${dossier.criteriaSet.name}`}</Row>
          {background.previousCertificate ? (
            <Row label={t("dossierForms.previousCertificateId")}>
              {`${background.previousCertificate.number} (${background.previousCertificate.star}★, ${t("dossiers.expires", { date: formatDate(background.previousCertificate.expiresOn) })})`}
            </Row>
          ) : null}
          {background.plan ? (
            <Row label={t("dossiers.plan")}>
              <Link href={`/plans/${background.plan.id}`} className="text-brand-700 underline underline-offset-2">{background.plan.idea.productName}</Link>
            </Row>
          ) : null}
          <Row label={t("dossierForms.sampleCount")}>{dossier.sampleCount ?? "—"}</Row>
          <Row label={t("dossiers.ruleSet")}>{ruleSet ? `${ruleSet.name}${sheet ? ` — ${t("dossiers.sheetVersion", { version: sheet.version })}` : ""}` : t("dossiers.ruleSetOnSubmit")}</Row>
          <Row label={t("dossiers.submittedAt")}>{dossier.submittedAt ? formatDateTime(dossier.submittedAt) : "—"}</Row>
          {dossier.forwardedAt ? <Row label={t("dossiers.forwardedAt")}>{formatDateTime(dossier.forwardedAt)}</Row> : null}
        </dl>
      </section>

      <section aria-labelledby="intake" className="mt-6 max-w-3xl">
        <h2 id="intake" className="text-lg font-semibold">{t("dossiers.intakeFlags")}</h2>
        <div className="mt-2"><IntakeFlagList flags={intake.flags} referenceDate={intake.referenceDate} /></div>
      </section>

      <section aria-labelledby="form01" className="mt-6">
        <h2 id="form01" className="text-lg font-semibold">{t("dossierForms.form01Title")}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
          <Row label={t("dossierForms.productName")}>{dossier.productName}</Row>
          {FORM_01_KEYS.map((k) => <Row key={k} label={t(`dossierForms.form01.${k}`)}>{value(form01[k])}</Row>)}
        </dl>
      </section>

      <section aria-labelledby="form02" className="mt-6">
        <h2 id="form02" className="text-lg font-semibold">{t("dossierForms.form02Title")}</h2>
        {FORM_02_PARTS.map(([part, keys]) => (
          <details key={part} className="mt-2 rounded-lg border border-stone-200 bg-white" open={part === "part1"}>
            <summary className="min-h-11 cursor-pointer p-3 font-medium">{t(`dossierForms.${part}`)}</summary>
            <dl className="grid gap-x-6 gap-y-2 px-4 pb-4 sm:grid-cols-[14rem_1fr]">
              {keys.map((k) => (
                <Row key={k} label={t(`dossierForms.form02.${k}`)}>{k === "legalRepresentativeGender" ? gender(form02[k]) : value(form02[k])}</Row>
              ))}
              {part === "part1" ? (
                <Row label={t("dossierForms.checklist")}>
                  {FORM_02_CHECKBOXES.some((k) => form02[k]) ? (
                    <ul className="list-disc pl-5">{FORM_02_CHECKBOXES.filter((k) => form02[k]).map((k) => <li key={k}>{t(`dossierForms.form02.${k}`)}</li>)}</ul>
                  ) : "—"}
                </Row>
              ) : null}
            </dl>
          </details>
        ))}
      </section>

      <section aria-labelledby="selfscore" className="mt-6">
        <h2 id="selfscore" className="text-lg font-semibold">{t("dossierForms.selfScore")}</h2>
        {selfScore?.ok ? (
          <p className="mt-2" data-testid="self-score-total">
            <strong className="tabular-nums">{t("dossiers.selfScoreTotal", { total: selfScore.score.total })}</strong>{" "}
            <span className="text-sm text-stone-700">
              ({(["A", "B", "C"] as const).map((p) => t("dossiers.partPoints", { part: p, points: selfScore.score.byPart[p] })).join(" · ")})
            </span>
            {selfScore.score.missingItems.length > 0 ? <span className="block text-sm text-amber-900">{t("dossiers.unscoredCount", { count: selfScore.score.missingItems.length })}</span> : null}
          </p>
        ) : null}
        {sheet ? <SelfScoreView sheet={sheet.data} value={answers} evidenceByItem={evidenceByItem} /> : <p className="mt-2 text-stone-600">{t("dossiers.noSheetYet")}</p>}
      </section>

      <section aria-labelledby="evidence" className="mt-6">
        <h2 id="evidence" className="text-lg font-semibold">{t("dossiers.evidence")}</h2>
        <EvidenceList dossierId={dossier.id} evidence={evidence} flags={intake.flags} canRemove={canEdit} />
        {canEdit ? <EvidenceUpload dossierId={dossier.id} maxMb={env.UPLOAD_MAX_MB} itemCodes={sheet ? sheetItemCodes(sheet.data) : []} /> : null}
      </section>

      {form03 ? (
        <section aria-labelledby="form03" className="mt-6">
          <h2 id="form03" className="text-lg font-semibold">{t("dossierForms.form03Title")}</h2>
          <dl className="mt-2 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
            {FORM_03_KEYS.map((k) => <Row key={k} label={t(`dossierForms.form03.${k}`)}>{value(form03[k])}</Row>)}
            <Row label={t("dossiers.form03At")}>{formatDateTime(dossier.form03At)}</Row>
          </dl>
        </section>
      ) : null}

      {revisions.length > 0 ? (
        <section aria-labelledby="revisions" className="mt-6">
          <h2 id="revisions" className="text-lg font-semibold">{t("dossiers.revisions")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {revisions.map((r) => <li key={r.version}>{t("dossiers.revision", { version: r.version, date: formatDateTime(r.submittedAt) })}</li>)}
          </ul>
        </section>
      ) : null}

      <Timeline events={events} statusNamespace="dossierStatus" />
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-stone-700">{label}</dt>
      <dd className="whitespace-pre-line break-words">{children}</dd>
    </div>
  );
}

function sheetItemCodes(sheet: CriteriaSheetData): { code: string; name: string }[] {
  return listScoredItems(sheet).map((r) => ({ code: r.item.code, name: r.item.name }));
}
