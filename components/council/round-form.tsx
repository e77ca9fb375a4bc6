"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { createRound, updateRound } from "@/lib/actions/rounds";
import { createRoundSchema, EVALUATION_LEVELS, KNOCK_OUT_RULES, updateRoundSchema, type CreateRoundInput, type UpdateRoundInput } from "@/lib/validation/rounds";
import { useActionMessage } from "@/components/ocop/action-message";

type Shared = { title: string; level: string; proposalsBy: string; completeBy: string; maxSpread: string | number; knockOutRule: string; councilDecision: string };

function RoundFields({ register, err }: { register: UseFormRegister<Shared>; err: (k: keyof Shared) => string | undefined }) {
  const t = useTranslations();
  return (
    <>
      <div className="sm:col-span-2">
        <Field label={t("rounds.fieldTitle")} registration={register("title")} error={err("title")} />
      </div>
      <SelectField label={t("rounds.fieldLevel")} registration={register("level")} error={err("level")} options={EVALUATION_LEVELS.map((l) => ({ value: l, label: t(`evaluationLevel.${l}`) }))} />
      <Field label={t("rounds.fieldMaxSpread")} hint={t("rounds.fieldMaxSpreadHint")} inputMode="numeric" registration={register("maxSpread")} error={err("maxSpread")} />
      <Field label={t("rounds.fieldProposalsBy")} type="date" registration={register("proposalsBy")} error={err("proposalsBy")} />
      <Field label={t("rounds.fieldCompleteBy")} type="date" registration={register("completeBy")} error={err("completeBy")} />
      <SelectField label={t("rounds.fieldKnockOutRule")} hint={t("rounds.fieldKnockOutRuleHint")} registration={register("knockOutRule")} error={err("knockOutRule")} options={KNOCK_OUT_RULES.map((k) => ({ value: k, label: t(`knockOutRule.${k}`) }))} />
      <div className="sm:col-span-2">
        <TextAreaField label={t("rounds.fieldCouncilDecision")} hint={t("rounds.fieldCouncilDecisionHint")} rows={2} registration={register("councilDecision")} error={err("councilDecision")} />
      </div>
    </>
  );
}

/** A new round, prefilled with the defaults of the rule set in force (the page computes them). */
export function NewRoundForm({ defaults }: { defaults: CreateRoundInput & Shared }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const { register, handleSubmit, setError, getValues, formState } = useForm<CreateRoundInput, unknown, z.output<typeof createRoundSchema>>({
    resolver: zodResolver(createRoundSchema),
    defaultValues: defaults,
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => createRound(getValues()));
      if (!r.ok) {
        applyServerErrors(setError, r.fieldErrors);
        return show(r, "");
      }
      router.push(`/rounds/${r.data.roundId}`);
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid max-w-3xl gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-label={t("rounds.newTitle")}>
      <input type="hidden" {...register("cycleYear")} />
      <RoundFields register={register as unknown as UseFormRegister<Shared>} err={(k) => err(k)} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>{t("rounds.create")}</button>
        {node}
      </div>
    </form>
  );
}

/** Editing a round's dates, threshold and council decision (the office, until it is closed). */
export function EditRoundForm({ values }: { values: UpdateRoundInput & Shared }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const { register, handleSubmit, setError, getValues, formState } = useForm<UpdateRoundInput, unknown, z.output<typeof updateRoundSchema>>({
    resolver: zodResolver(updateRoundSchema),
    defaultValues: values,
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => updateRound(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("rounds.saved"));
      if (r.ok) router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4 sm:grid-cols-2" aria-label={t("rounds.editTitle")}>
      <RoundFields register={register as unknown as UseFormRegister<Shared>} err={(k) => err(k)} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>{t("rounds.save")}</button>
        {node}
      </div>
    </form>
  );
}
