"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useActionMessage } from "@/components/ocop/action-message";
import { buttonClass } from "@/components/ui/button";
import { createAnnualPlan, updateAnnualPlanHeader } from "@/lib/actions/annual-plans";
import { FormDialog } from "./form-dialog";
import { annualPlanCreateSchema, annualPlanHeaderSchema, type AnnualPlanCreateInput, type AnnualPlanHeaderInput } from "@/lib/validation/annual-plans";

type Header = { title: string; decisionNumber: string; approvedOn: string; note: string };

function HeaderFields({ register, err }: { register: (name: keyof Header) => UseFormRegisterReturn; err: (name: keyof Header) => string | undefined }) {
  const t = useTranslations("annualPlans");
  return (
    <>
      <Field label={t("planTitle")} required registration={register("title")} error={err("title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("decisionNumber")} hint={t("decisionNumberHint")} registration={register("decisionNumber")} error={err("decisionNumber")} />
        <Field label={t("approvedOn")} type="date" registration={register("approvedOn")} error={err("approvedOn")} />
      </div>
      <TextAreaField label={t("note")} rows={4} registration={register("note")} error={err("note")} />
    </>
  );
}

/** The office opens the plan of a cycle that has none. */
export function CreatePlanForm({ year }: { year: number }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<AnnualPlanCreateInput, unknown, z.output<typeof annualPlanCreateSchema>>({
    resolver: zodResolver(annualPlanCreateSchema),
    defaultValues: { year, title: t("defaultTitle", { year }), decisionNumber: "", approvedOn: "", note: "" },
  });
  const err = useFieldError(form.formState.errors);
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => createAnnualPlan({ ...form.getValues(), year }));
      if (!r.ok) applyServerErrors(form.setError, r.fieldErrors);
      outcome.show(r, t("created"));
      if (r.ok) router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid max-w-3xl gap-4 rounded-lg border border-stone-200 bg-white p-4" aria-busy={pending} aria-label={t("createTitle", { year })}>
      <HeaderFields register={(n) => form.register(n)} err={(n) => err(n)} />
      {outcome.node}
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("saving") : t("create")}</button>
      </div>
    </form>
  );
}

/** The plan's header, saved under the version it was read at (someone else's save in between is a conflict). */
export function EditPlanHeaderForm({ planId, version, initial, onDone }: { planId: string; version: number; initial: Header; onDone?: () => void }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<AnnualPlanHeaderInput, unknown, z.output<typeof annualPlanHeaderSchema>>({
    resolver: zodResolver(annualPlanHeaderSchema),
    defaultValues: { planId, version, ...initial },
  });
  const err = useFieldError(form.formState.errors);
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => updateAnnualPlanHeader({ ...form.getValues(), planId, version }));
      if (!r.ok) applyServerErrors(form.setError, r.fieldErrors);
      outcome.show(r, t("saved"));
      if (r.ok) {
        router.refresh();
        onDone?.();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4" aria-busy={pending}>
      <HeaderFields register={(n) => form.register(n)} err={(n) => err(n)} />
      {outcome.node}
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}

export function EditPlanHeaderButton({ planId, version, initial }: { planId: string; version: number; initial: Header }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("editHeader")} title={t("editHeader")}>
      {(close) => <EditPlanHeaderForm planId={planId} version={version} initial={initial} onDone={close} />}
    </FormDialog>
  );
}
