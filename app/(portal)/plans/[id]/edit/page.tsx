import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { findPlan, planResource } from "@/lib/db/plans";
import { BUSINESS_PLAN_MACHINE, isEditableByOwner } from "@/lib/domain/workflow";
import { PlanForm } from "../../plan-form";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { planFormValues } from "../../plan-form-values";

export default async function EditPlanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const saved = textParam(await searchParams, "saved") === "1";
  const actor = await requireActor(`/plans/${id}/edit`);
  const plan = await findPlan(actor, id);
  if (!plan || !can(actor, "plan.edit", planResource(plan))) notFound();
  if (!isEditableByOwner(BUSINESS_PLAN_MACHINE, plan.status)) redirect(`/plans/${id}`);
  const t = await getTranslations("plans");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      <p className="mt-1 text-stone-700">{t("forIdea", { name: plan.idea.productName })}</p>
      <PlanForm
        saved={saved}
        initial={planFormValues({
          planId: plan.id,
          ideaId: plan.ideaId,
          version: plan.updatedAt.toISOString(),
          startYear: plan.idea.cycleYear,
          fields: plan,
          standards: plan.standards,
          financials: plan.financials,
          milestones: plan.milestones,
        })}
      />
    </>
  );
}
