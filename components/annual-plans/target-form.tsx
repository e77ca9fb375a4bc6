"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useActionMessage } from "@/components/ocop/action-message";
import { buttonClass } from "@/components/ui/button";
import { saveAnnualTarget } from "@/lib/actions/annual-plans";
import { ANNUAL_TARGET_KINDS, TARGET_DEFINITIONS, TARGET_STARS, type AnnualTargetKind } from "@/lib/domain/annual-plan";
import { annualTargetSchema, type AnnualTargetInput } from "@/lib/validation/annual-plans";
import { FormDialog } from "./form-dialog";

export type WardOption = { id: string; name: string };
export type TargetValues = { targetId: string; kind: AnnualTargetKind; star: number | null; wardId: string | null; quantity: number };

/** Adds a target, or edits one; a second target of the same kind, star and ward is refused with a sentence. */
export function TargetForm({ planId, wards, initial, onDone }: { planId: string; wards: WardOption[]; initial?: TargetValues; onDone: () => void }) {
  const t = useTranslations("annualPlans");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<AnnualTargetInput, unknown, z.output<typeof annualTargetSchema>>({
    resolver: zodResolver(annualTargetSchema),
    defaultValues: {
      planId,
      targetId: initial?.targetId,
      kind: initial?.kind ?? "NEW_PRODUCTS",
      star: initial?.star === null || initial?.star === undefined ? "" : String(initial.star),
      wardId: initial?.wardId ?? "",
      quantity: initial?.quantity ?? 1,
    },
  });
  const err = useFieldError(form.formState.errors);
  const kind = useWatch({ control: form.control, name: "kind" }) as AnnualTargetKind;
  const byStar = TARGET_DEFINITIONS[kind]?.byStar ?? false;
  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      const values = form.getValues();
      const r = await callAction(() => saveAnnualTarget({ ...values, planId, targetId: initial?.targetId, star: byStar ? values.star : undefined }));
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
      <SelectField label={t("kind")} required registration={form.register("kind")} error={err("kind")} options={ANNUAL_TARGET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      {/* Only product kinds count stars; hidden, the field leaves the form (and its value with it). */}
      {byStar ? (
        <SelectField
          label={t("star")}
          hint={t("starHint")}
          registration={form.register("star", { shouldUnregister: true })}
          error={err("star")}
          placeholder={t("anyStar")}
          options={TARGET_STARS.map((s) => ({ value: String(s), label: t("starN", { count: s }) }))}
        />
      ) : null}
      <SelectField label={t("ward")} registration={form.register("wardId")} error={err("wardId")} placeholder={t("wholeCity")} options={wards.map((w) => ({ value: w.id, label: w.name }))} />
      <Field label={t("quantityLabel")} required inputMode="numeric" hint={t("quantityHint")} registration={form.register("quantity")} error={err("quantity")} />
      <div className="sm:col-span-2">
        {outcome.node}
        <button type="submit" disabled={pending} className={buttonClass("primary", "mt-2")}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}

export function AddTargetButton({ planId, wards }: { planId: string; wards: WardOption[] }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("addTarget")} title={t("addTarget")} variant="primary">
      {(close) => <TargetForm planId={planId} wards={wards} onDone={close} />}
    </FormDialog>
  );
}

export function EditTargetButton({ planId, wards, target, name }: { planId: string; wards: WardOption[]; target: TargetValues; name: string }) {
  const t = useTranslations("annualPlans");
  return (
    <FormDialog label={t("edit")} context={name} title={t("editTarget")} variant="ghost">
      {(close) => <TargetForm planId={planId} wards={wards} initial={target} onDone={close} />}
    </FormDialog>
  );
}
