import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { dossierBackground, dossierResource, findDossier, wardAndProvinceCodes } from "@/lib/db/dossiers";
import { FORM_03_ASSESSMENT_KEYS, type Form03AssessmentKey } from "@/lib/domain/dossier-intake";
import { form02Schema, form03Schema, readForm, type Form03 } from "@/lib/validation/dossiers";
import { Form03Form } from "./form03-form";

export default async function Form03Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/dossiers/${id}/form-03`);
  const dossier = await findDossier(actor, id);
  if (!dossier) notFound();
  // Form 03 is written while the dossier is at the ward (QĐ26 Art. 7.2); afterwards it is read on the dossier.
  if (!can(actor, "dossier.preAssess", dossierResource(dossier))) redirect(`/dossiers/${id}`);
  const t = await getTranslations();
  const [background, codes] = await Promise.all([dossierBackground(dossier), wardAndProvinceCodes(dossier.producer.wardId)]);
  const form02 = readForm(form02Schema, dossier.form02);
  const idea = background.plan?.idea ?? null;
  const stored = dossier.form03 ? readForm(form03Schema, dossier.form03) : null;
  // A first Form 03 starts from what the producer declared in Form 02 (general information).
  const initial: Form03 =
    stored ??
    form03Schema.parse({
      communeName: codes.wardName,
      entityName: form02.entityName || dossier.producer.name,
      organizationType: form02.organizationType,
      address: form02.address || dossier.producer.address,
      legalRepresentativeFullName: form02.legalRepresentativeFullName || dossier.producer.legalRepName,
      legalRepresentativeGender: form02.legalRepresentativeGender,
      legalRepresentativeEthnicity: form02.legalRepresentativeEthnicity,
      legalRepresentativePermanentAddress: form02.legalRepresentativePermanentAddress,
      registeredProduct: dossier.productName,
      provinceName: codes.provinceName ?? "",
    });
  const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join("\n\n");
  // What the producer said about each assessed point, shown beside the ward's own assessment.
  const producerSays: Record<Form03AssessmentKey, string> = {
    localRawMaterialUse: join(form02.rawMaterialAndProductionTechnology, idea?.rawMaterials, background.plan?.rawMaterialArea),
    localLabourUse: join(idea?.localLabour, idea?.localWorkerCount != null ? t("dossiers.workerCount", { count: idea.localWorkerCount }) : null, background.plan?.labour),
    productIdeaOrigin: join(idea?.ideaOrigin ? t(`ideaOrigin.${idea.ideaOrigin}`) : null, idea ? t(`novelty.${idea.novelty}`) : null, idea?.description),
    localIdentity: join(idea?.localIdentity, form02.entityHistory),
  };
  return (
    <>
      <p className="text-sm"><Link href={`/dossiers/${dossier.id}`} className="text-brand-700 underline underline-offset-2">{dossier.productName}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("dossierForms.form03Title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("dossiers.form03Intro")}</p>
      <Form03Form
        dossierId={dossier.id}
        version={dossier.updatedAt.toISOString()}
        initial={initial}
        producerSays={Object.fromEntries(FORM_03_ASSESSMENT_KEYS.map((k) => [k, producerSays[k]])) as Record<Form03AssessmentKey, string>}
      />
    </>
  );
}
