import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { activeCertificatesOf, dossierIntake, dossierResource, findDossier, listDossierEvidence, sheetForDossier } from "@/lib/db/dossiers";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import { vietnamDateOf } from "@/lib/domain/dates";
import { requiredEvidenceKinds } from "@/lib/domain/dossier-intake";
import { DOSSIER_MACHINE, isEditableByOwner } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/i18n/format";
import { form01Schema, form02Schema, readForm } from "@/lib/validation/dossiers";
import { readStoredAnswers } from "@/lib/validation/sheet-answers";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { EvidenceList } from "../evidence-list";
import { EvidenceUpload } from "../evidence-upload";
import { DossierForm } from "./dossier-form";

export default async function EditDossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const saved = textParam(await searchParams, "saved") === "1";
  const actor = await requireActor(`/dossiers/${id}/edit`);
  const dossier = await findDossier(actor, id);
  if (!dossier || !can(actor, "dossier.edit", dossierResource(dossier))) notFound();
  if (!isEditableByOwner(DOSSIER_MACHINE, dossier.status)) redirect(`/dossiers/${id}`);
  const t = await getTranslations("dossiers");
  const today = vietnamDateOf(new Date());
  const [sheet, evidence, certificates, sets, intake] = await Promise.all([
    sheetForDossier(dossier, today),
    listDossierEvidence(dossier),
    activeCertificatesOf(actor, dossier.producerId),
    criteriaSetOptions(),
    dossierIntake(dossier),
  ]);
  const evidenceByItem: Record<string, { title: string; href: string }[]> = {};
  for (const e of evidence) for (const code of e.itemCodes) (evidenceByItem[code] ??= []).push({ title: e.title, href: `/api/files/${e.attachment.id}` });
  const required = sheet ? requiredEvidenceKinds(sheet.data) : [];
  const missingRequired = required.filter((k) => !evidence.some((e) => e.kind === k));
  return (
    <>
      <p className="text-sm"><Link href={`/dossiers/${dossier.id}`} className="text-brand-700 underline underline-offset-2">{dossier.productName}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("editTitle")}</h1>
      {dossier.missingItems.length > 0 ? (
        <p className="mt-2 max-w-3xl rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-amber-950">
          {t("missingReminder")} <Link href={`/dossiers/${dossier.id}#missing`} className="underline">{t("seeMissing")}</Link>
        </p>
      ) : null}
      <DossierForm
        saved={saved}
        pinned={dossier.sheetId !== null}
        sheet={sheet?.data ?? null}
        evidenceByItem={evidenceByItem}
        sets={sets}
        certificates={certificates.map((c) => ({ value: c.id, label: `${c.number} — ${c.productName} (${c.star}★, ${formatDate(c.expiresOn)})` }))}
        initial={{
          dossierId: dossier.id,
          version: dossier.updatedAt.toISOString(),
          productName: dossier.productName,
          criteriaSetNo: String(dossier.criteriaSetNo),
          evaluationType: dossier.evaluationType,
          previousCertificateId: dossier.previousCertificateId ?? "",
          sampleCount: dossier.sampleCount === null ? "" : String(dossier.sampleCount),
          form01: readForm(form01Schema, dossier.form01),
          form02: readForm(form02Schema, dossier.form02),
          selfScore: readStoredAnswers(dossier.selfScore),
        }}
      />
      <section aria-labelledby="evidence" className="mt-8 scroll-mt-24" id="section-evidence">
        <h2 id="evidence" className="text-xl font-semibold">{t("evidence")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("evidenceIntro")}</p>
        {missingRequired.length > 0 ? (
          <p className="mt-2 max-w-3xl rounded-md bg-red-50 p-3 text-sm text-red-900">{t("requiredEvidenceMissing")}</p>
        ) : null}
        <EvidenceList dossierId={dossier.id} evidence={evidence} flags={intake.flags} canRemove />
        <EvidenceUpload dossierId={dossier.id} maxMb={env.UPLOAD_MAX_MB} itemCodes={sheet ? listScoredItems(sheet.data).map((r) => ({ code: r.item.code, name: r.item.name })) : []} />
      </section>
    </>
  );
}
