"use client";
import { useTransition } from "react";
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
import { saveAnnualBudgetLine } from "@/lib/actions/annual-plans";
import { CYCLE_STEP_NOS, FUNDING_SOURCES, type FundingSource } from "@/lib/domain/annual-plan";
import { annualBudgetLineSchema, type AnnualBudgetLineInput } from "@/lib/validation/annual-plans";
import { formatVndInput } from "@/lib/validation/money";
import { FormDialog } from "./form-dialog";

/** An amount travels to the browser as digits (BigInt does not cross into a client component). */
export type BudgetLineValues = { lineId: string; source: FundingSource; stepNo: number | null; description: string; amount: string };

/** A budget line in đồng, typed the Vietnamese way ("150.000.000", "1,5 tỷ"), as the plans' support amounts. */
export function BudgetLineForm({ planId, initial, onDone }: { planId: string; initial?: BudgetLineValues; onDone: () => void }) {
  const t = useTranslations("annualPlans");
  const root = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<AnnualBudgetLineInput, unknown, z.output<typeof annualBudgetLineSchema>>({
    resolver: zodResolver(annualBudgetLineSchema),
    defaultValues: {
      planId,
      lineId: initial?.lineId,
      source: initial?.source ?? "CITY",
      stepNo: initial?.stepNo ? String(initial.stepNo) : "",
      description: initial?.description ?? "",
      // Safe: a plan's line is far below 2^53 đồng; the schema refuses anything larger.
      amount: initial ? formatVndInput(Number(initial.amount)) : "",
    },
  });
  const err = useFieldError(form.formState.errors);
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => saveAnnualBudgetLine({ ...form.getValues(), planId, lineId: initial?.lineId }));
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
      <SelectField label={t("source")} required registration={form.register("source")} error={err("source")} options={FUNDING_SOURCES.map((s) => ({ value: s, label: root(`fundingSource.${s}`) }))} />
      <SelectField label={t("step")} registration={form.register("stepNo")} error={err("stepNo")} placeholder={t("allSteps")} options={CYCLE_STEP_NOS.map((n) => ({ value: String(n), label: t("stepLabel", { step: n, name: t(`steps.${n}`) }) }))} />
      <div className="sm:col-span-2">
        <Field label={t("description")} required hint={t("descriptionHint")} registration={form.register("description")} error={err("description")} />
      </div>
      <Field label={t("amount")} required inputMode="decimal" hint={t("moneyHint")} registration={form.register("amount")} error={err("amount")} />
      <div className="sm:col-span-2">
        {outcome.node}
        <button type="submit" disabled={pending} className={buttonClass("primary", "mt-2")}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}

export function AddBudgetLineButton({ planId }: { planId: string }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("addLine")} title={t("addLine")} variant="primary">
      {(close) => <BudgetLineForm planId={planId} onDone={close} />}
    </FormDialog>
  );
}

export function EditBudgetLineButton({ planId, line }: { planId: string; line: BudgetLineValues }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("edit")} context={line.description} title={t("editLine")} variant="ghost">
      {(close) => <BudgetLineForm planId={planId} initial={line} onDone={close} />}
    </FormDialog>
  );
}
