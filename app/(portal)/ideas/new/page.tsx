import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { listCycleYears } from "@/lib/db/cycles";
import { findProducer } from "@/lib/db/producers";
import { vietnamDateOf } from "@/lib/domain";
import { IdeaForm } from "../idea-form";

export default async function NewIdeaPage() {
  const actor = await requireActor("/ideas/new");
  const producer = actor.producerId ? await findProducer(actor, actor.producerId) : null;
  if (!producer || !can(actor, "idea.create", { type: "producer", id: producer.id, wardId: producer.wardId })) notFound();
  const t = await getTranslations("ideas");
  const thisYear = Number(vietnamDateOf(new Date()).slice(0, 4));
  const years = [...new Set([thisYear, ...(await listCycleYears())])].sort((a, b) => b - a);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      {producer.verificationStatus !== "VERIFIED" ? <p className="mt-2 rounded-md bg-amber-50 p-3 text-amber-900">{t("notVerified")}</p> : null}
      <IdeaForm
        setOptions={await criteriaSetOptions()}
        years={years}
        initial={{ productName: "", novelty: "NEW_PRODUCT", criteriaSetNo: "", description: "", rawMaterials: "", localLabour: "", localWorkerCount: "", ideaOrigin: "", localIdentity: "", targetMarket: "", cycleYear: thisYear }}
      />
    </>
  );
}
