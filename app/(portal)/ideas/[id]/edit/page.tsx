import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { listCycleYears } from "@/lib/db/cycles";
import { findIdea, ideaNamesNear, ideaResource } from "@/lib/db/ideas";
import { findSimilarNames } from "@/lib/domain";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { IDEA_MACHINE, isEditableByOwner } from "@/lib/domain/workflow";
import { IdeaForm } from "../../idea-form";

export default async function EditIdeaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const saved = textParam(await searchParams, "saved") === "1";
  const actor = await requireActor(`/ideas/${id}/edit`);
  const idea = await findIdea(actor, id);
  if (!idea) notFound();
  if (!can(actor, "idea.edit", ideaResource(idea))) notFound();
  // Under review the producer reads, not edits (the form would refuse to save anyway).
  if (!isEditableByOwner(IDEA_MACHINE, idea.status)) redirect(`/ideas/${id}`);
  const t = await getTranslations("ideas");
  // The similar-name warning is repeated here, so a producer who comes back sees it too.
  const near = await ideaNamesNear({ id: idea.producerId, wardId: idea.producer.wardId }, idea.id);
  const own = findSimilarNames(idea.productName, near.own).map((m) => m.name);
  const wardCount = findSimilarNames(idea.productName, near.ward).length;
  const similar = [...(own.length ? [t("similarOwn", { names: own.join("; ") })] : []), ...(wardCount ? [t("similarWard", { count: wardCount })] : [])];
  const years = [...new Set([idea.cycleYear, ...(await listCycleYears())])].sort((a, b) => b - a);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      <IdeaForm
        notice={{ saved, similar }}
        setOptions={await criteriaSetOptions()}
        years={years}
        initial={{
          ideaId: idea.id,
          version: idea.updatedAt.toISOString(),
          productName: idea.productName,
          novelty: idea.novelty,
          criteriaSetNo: idea.criteriaSetNo === null ? "" : idea.criteriaSetNo,
          description: idea.description,
          rawMaterials: idea.rawMaterials,
          localLabour: idea.localLabour,
          localWorkerCount: idea.localWorkerCount ?? "",
          ideaOrigin: idea.ideaOrigin ?? "",
          localIdentity: idea.localIdentity,
          targetMarket: idea.targetMarket,
          cycleYear: idea.cycleYear,
        }}
      />
    </>
  );
}
