import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { findIdea, ideaResource } from "@/lib/db/ideas";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { PlanForm } from "../plan-form";
import { planFormValues } from "../plan-form-values";

export default async function NewPlanPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ideaId = textParam(await searchParams, "idea", 64);
  const actor = await requireActor(`/plans/new?idea=${ideaId ?? ""}`);
  const idea = ideaId ? await findIdea(actor, ideaId) : null;
  if (!idea || !can(actor, "plan.create", { ...ideaResource(idea), type: "plan" }) || idea.status !== "ACCEPTED") notFound();
  // One plan per idea: once it exists, it is read and edited at its own address.
  if (idea.plan) redirect(`/plans/${idea.plan.id}`);
  const t = await getTranslations("plans");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <p className="mt-1 text-stone-700">{t("forIdea", { name: idea.productName })}</p>
      <PlanForm initial={planFormValues({ ideaId: idea.id, startYear: idea.cycleYear })} />
    </>
  );
}
