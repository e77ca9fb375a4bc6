import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { activeCertificatesOf, plansForDossier } from "@/lib/db/dossiers";
import { findProducer } from "@/lib/db/producers";
import { formatDate } from "@/lib/i18n/format";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { NewDossierForm } from "./new-dossier-form";

export default async function NewDossierPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/dossiers/new");
  const producer = actor.producerId ? await findProducer(actor, actor.producerId) : null;
  if (!producer || !can(actor, "dossier.create", { type: "producer", id: producer.id, wardId: producer.wardId })) notFound();
  const t = await getTranslations("dossiers");
  const [plans, certificates, sets] = await Promise.all([plansForDossier(actor), activeCertificatesOf(actor, producer.id), criteriaSetOptions()]);
  const wanted = textParam(sp, "plan", 64);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("newIntro")}</p>
      {producer.verificationStatus !== "VERIFIED" ? <p className="mt-3 max-w-3xl rounded-md bg-amber-50 p-3 text-amber-900">{t("notVerified")}</p> : null}
      <NewDossierForm
        plans={plans.map((p) => ({ id: p.id, productName: p.idea.productName, criteriaSetNo: p.idea.criteriaSetNo }))}
        certificates={certificates.map((c) => ({ id: c.id, label: `${c.number} — ${c.productName} (${c.star}★, ${formatDate(c.expiresOn)})`, criteriaSetNo: c.criteriaSetNo, productName: c.productName }))}
        sets={sets}
        initialPlanId={plans.some((p) => p.id === wanted) ? wanted : undefined}
      />
    </>
  );
}
