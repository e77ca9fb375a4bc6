"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useActionMessage } from "@/components/ocop/action-message";
import { buttonClass } from "@/components/ui/button";
import { editInspectionPlan, planInspection } from "@/lib/actions/inspections";
import { INSPECTION_KINDS, type InspectionKind } from "@/lib/domain/inspections";
import { planInspectionSchema } from "@/lib/validation/inspections";

const planFields = planInspectionSchema.pick({ kind: true, plannedOn: true, team: true });
type Values = z.input<typeof planFields>;

type Props =
  | { mode: "new"; certificateId: string; defaults: Values }
  | { mode: "edit"; inspectionId: string; version: number; defaults: { kind: InspectionKind; plannedOn: string; team: string } };

/**
 * Kind, date and team of an inspection: a new plan for a chosen certificate (then its page opens),
 * or the change of a plan with the version it was read at.
 */
export function InspectionPlanForm(props: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof planFields>>({ resolver: zodResolver(planFields), defaultValues: props.defaults });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      if (props.mode === "new") {
        const r = await callAction(() => planInspection({ ...values, certificateId: props.certificateId }));
        if (!r.ok) {
          applyServerErrors(setError, r.fieldErrors);
          return show(r, "");
        }
        router.push(`/inspections/${r.data.inspectionId}`);
      } else {
        const r = await callAction(() => editInspectionPlan({ ...values, inspectionId: props.inspectionId, version: props.version }));
        if (!r.ok) applyServerErrors(setError, r.fieldErrors);
        show(r, t("inspections.saved"));
        if (r.ok) router.refresh();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid max-w-2xl gap-3 sm:grid-cols-2">
      <SelectField label={t("inspections.kind")} required registration={register("kind")} error={err("kind")} options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))} />
      <Field label={t("inspections.plannedOn")} required type="date" registration={register("plannedOn")} error={err("plannedOn")} />
      <div className="sm:col-span-2">
        <TextAreaField label={t("inspections.team")} hint={t("inspections.teamHint")} rows={3} registration={register("team")} error={err("team")} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>
          {pending ? t("inspections.working") : props.mode === "new" ? t("inspections.planSubmit") : t("inspections.save")}
        </button>
        {node}
      </div>
    </form>
  );
}
