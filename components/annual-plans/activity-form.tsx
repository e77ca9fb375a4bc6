"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useActionMessage } from "@/components/ocop/action-message";
import { buttonClass } from "@/components/ui/button";
import { saveAnnualActivity, setAnnualActivityDone } from "@/lib/actions/annual-plans";
import { CYCLE_STEP_NOS } from "@/lib/domain/annual-plan";
import { annualActivitySchemaFor, type AnnualActivityInput } from "@/lib/validation/annual-plans";
import { FormDialog } from "./form-dialog";

export type ActivityValues = { activityId: string; stepNo: number; title: string; owner: string; startsOn: string; endsOn: string };

/** An activity of one of the six steps, dated inside the cycle year (the server checks again with the plan's year). */
export function ActivityForm({ planId, year, initial, defaultStep, onDone }: { planId: string; year: number; initial?: ActivityValues; defaultStep?: number; onDone: () => void }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const schema = annualActivitySchemaFor(year);
  const form = useForm<AnnualActivityInput, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      planId,
      activityId: initial?.activityId,
      stepNo: initial?.stepNo ?? defaultStep ?? 1,
      title: initial?.title ?? "",
      owner: initial?.owner ?? "",
      startsOn: initial?.startsOn ?? "",
      endsOn: initial?.endsOn ?? "",
    },
  });
  const err = useFieldError(form.formState.errors);
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => saveAnnualActivity({ ...form.getValues(), planId, activityId: initial?.activityId }));
      if (!r.ok) applyServerErrors(form.setError, r.fieldErrors);
      outcome.show(r, t("saved"));
      if (r.ok) {
        router.refresh();
        onDone();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4 sm:grid-cols-2" aria-busy={pending}>
      <div className="sm:col-span-2">
        <SelectField label={t("step")} required registration={form.register("stepNo")} error={err("stepNo")} options={CYCLE_STEP_NOS.map((n) => ({ value: String(n), label: t("stepLabel", { step: n, name: t(`steps.${n}`) }) }))} />
      </div>
      <div className="sm:col-span-2">
        <Field label={t("activityTitle")} required registration={form.register("title")} error={err("title")} />
      </div>
      <div className="sm:col-span-2">
        <Field label={t("owner")} hint={t("ownerHint")} registration={form.register("owner")} error={err("owner")} />
      </div>
      <Field label={t("startsOn")} type="date" required hint={t("datesHint", { year })} registration={form.register("startsOn")} error={err("startsOn")} />
      <Field label={t("endsOn")} type="date" required registration={form.register("endsOn")} error={err("endsOn")} />
      <div className="sm:col-span-2">
        {outcome.node}
        <button type="submit" disabled={pending} className={buttonClass("primary", "mt-2")}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}

export function AddActivityButton({ planId, year, stepNo, stepName }: { planId: string; year: number; stepNo: number; stepName: string }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("addActivity")} context={stepName} title={t("addActivityTo", { step: stepNo })} variant="secondary">
      {(close) => <ActivityForm planId={planId} year={year} defaultStep={stepNo} onDone={close} />}
    </FormDialog>
  );
}

export function EditActivityButton({ planId, year, activity }: { planId: string; year: number; activity: ActivityValues }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("edit")} context={activity.title} title={t("editActivity")} variant="ghost">
      {(close) => <ActivityForm planId={planId} year={year} initial={activity} onDone={close} />}
    </FormDialog>
  );
}

/** Marks an activity done on a day (today by default), or takes the mark back. */
export function ActivityDone({ planId, activityId, title, doneOn, today }: { planId: string; activityId: string; title: string; doneOn: string | null; today: string }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [date, setDate] = useState(today);
  const outcome = useActionMessage({ ownReason: true });
  const run = (done: boolean) =>
    startTransition(async () => {
      const r = await callAction(() => setAnnualActivityDone({ planId, activityId, done, doneOn: done ? date : "" }));
      outcome.show(r, done ? t("markedDone") : t("unmarkedDone"));
      if (r.ok) router.refresh();
    });
  if (doneOn) {
    return (
      <div>
        <button type="button" disabled={pending} className={buttonClass("ghost")} onClick={() => run(false)}>
          {t("undoDone")}<span className="sr-only"> — {title}</span>
        </button>
        {outcome.node}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-sm">
        {t("doneOn")}<span className="sr-only"> — {title}</span>
        <input type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
      </label>
      <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run(true)}>
        {t("markDone")}<span className="sr-only"> — {title}</span>
      </button>
      <div className="basis-full">{outcome.node}</div>
    </div>
  );
}
