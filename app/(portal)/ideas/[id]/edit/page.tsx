import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { listCycleYears } from "@/lib/db/cycles";
import { findIdea, ideaResource } from "@/lib/db/ideas";
import { IDEA_MACHINE, isEditableByOwner } from "@/lib/domain/workflow";
import { IdeaForm } from "../../idea-form";

export default async function EditIdeaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/ideas/${id}/edit`);
  const idea = await findIdea(actor, id);
  if (!idea) notFound();
  if (!can(actor, "idea.edit", ideaResource(idea))) notFound();
  // Under review the producer reads, not edits (the form would refuse to save anyway).
  if (!isEditableByOwner(IDEA_MACHINE, idea.status)) redirect(`/ideas/${id}`);
  const t = await getTranslations("ideas");
  const years = [...new Set([idea.cycleYear, ...(await listCycleYears())])].sort((a, b) => b - a);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      <IdeaForm
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
