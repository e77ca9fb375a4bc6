"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { buttonClass } from "@/components/ui/button";
import { savePlanDraft } from "@/lib/actions/plans";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { STANDARDS, planDraftSchema, type PlanDraftInput } from "@/lib/validation/plans";

export function PlanForm({ initial, saved = false }: { initial: PlanDraftInput; saved?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(saved ? { ok: true, text: t("plans.saved") } : null);
  const planId = initial.planId;
  const [version, setVersion] = useState(initial.version);
  const form = useForm<PlanDraftInput, unknown, z.output<typeof planDraftSchema>>({
    resolver: zodResolver(planDraftSchema),
    defaultValues: initial,
  });
  const { register, control, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`plan:${planId ?? `new:${initial.ideaId}`}`, form, version);
  const milestones = useFieldArray({ control, name: "milestones" });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => savePlanDraft({ ...getValues(), planId, version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        return setStatus({ ok: false, text: t(`errors.${result.code}`) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      setStatus({ ok: true, text: t("plans.saved") });
      if (!planId) router.replace(`/plans/${result.data.planId}/edit?saved=1`);
      else router.refresh();
    });
  });
  const area = (k: "market" | "production" | "capacity" | "rawMaterialArea" | "packaging" | "capital" | "fundingSources" | "labour", rows = 3) => (
    <TextAreaField label={t(`plans.${k}`)} registration={register(k)} error={err(k)} rows={rows} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("common.restored")}</p> : null}
      {area("market", 4)}
      {area("production", 4)}
      {area("capacity", 2)}
      {area("rawMaterialArea")}
      {area("packaging")}
      <fieldset>
        <legend className="text-sm font-medium">{t("plans.standards")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {STANDARDS.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={s} {...register("standards")} className="h-5 w-5" />
              {t(`standardNames.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {area("capital")}
      {area("fundingSources")}
      {area("labour", 2)}
      <fieldset>
        <legend className="text-sm font-medium">{t("plans.financials")}</legend>
        <p className="text-xs text-stone-600">{t("plans.moneyHint")} · {t("plans.profitAuto")}</p>
        <div className="mt-2 grid gap-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="grid grid-cols-2 gap-2 rounded-md border border-stone-200 bg-white p-3 sm:grid-cols-4">
              <Field label={t("plans.year")} registration={register(`financials.${i}.year`)} error={err(`financials.${i}.year`)} inputMode="numeric" />
              <Field label={t("plans.revenue")} registration={register(`financials.${i}.revenue`)} error={err(`financials.${i}.revenue`)} inputMode="decimal" />
              <Field label={t("plans.cost")} registration={register(`financials.${i}.cost`)} error={err(`financials.${i}.cost`)} inputMode="decimal" />
              <Field label={t("plans.profit")} registration={register(`financials.${i}.profit`)} error={err(`financials.${i}.profit`)} inputMode="decimal" />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("plans.milestones")}</legend>
        <ol className="mt-2 grid gap-3">
          {milestones.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-stone-200 bg-white p-3 sm:grid-cols-[1fr_11rem_auto] sm:items-end">
              <Field label={t("plans.milestoneRow", { n: i + 1 })} registration={register(`milestones.${i}.title`)} error={err(`milestones.${i}.title`)} />
              <Field label={t("plans.dueOn")} type="date" registration={register(`milestones.${i}.dueOn`)} error={err(`milestones.${i}.dueOn`)} />
              <button type="button" className={buttonClass("ghost")} onClick={() => milestones.remove(i)}>{t("plans.removeMilestone")}</button>
            </li>
          ))}
        </ol>
        <button type="button" className={buttonClass("secondary", "mt-2")} onClick={() => milestones.append({ title: "", dueOn: "" })}>{t("plans.addMilestone")}</button>
      </fieldset>
      <div role="status" aria-live="polite">{status ? <p className={status.ok ? "text-brand-700" : "text-red-700"}>{status.text}</p> : null}</div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("plans.saveDraft")}</button>
        {planId ? <a href={`/plans/${planId}`} className={buttonClass("secondary")}>{t("common.back")}</a> : null}
      </div>
    </form>
  );
}
