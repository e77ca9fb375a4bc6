"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { recordEventResults } from "@/lib/actions/events";
import { eventResultsSchema, type EventResultsInput } from "@/lib/validation/events";
import { useActionMessage } from "@/components/ocop/action-message";

/** After the event: the totals and, optionally, each confirmed participant's sales and contracts. */
export function ResultsForm({ initial, producers }: { initial: EventResultsInput; producers: Record<string, string> }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<EventResultsInput, unknown, z.output<typeof eventResultsSchema>>({ resolver: zodResolver(eventResultsSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`event-results:${initial.eventId}`, form, String(initial.version));
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => recordEventResults(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      outcome.show(r, t("events.resultsSaved"));
      if (r.ok) {
        unsaved.clear();
        router.refresh();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid max-w-3xl gap-4 rounded-lg border border-stone-200 bg-white p-4" aria-busy={pending} aria-labelledby="results-form-heading">
      <h3 id="results-form-heading" className="font-semibold">{t("events.recordResults")}</h3>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("events.restored")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("events.visitors")} inputMode="numeric" registration={register("visitorCount")} error={err("visitorCount")} />
        <Field label={t("events.sales")} hint={t("events.moneyHint")} inputMode="decimal" registration={register("salesVnd")} error={err("salesVnd")} />
        <Field label={t("events.contracts")} inputMode="numeric" registration={register("contractsSigned")} error={err("contractsSigned")} />
      </div>
      <TextAreaField label={t("events.resultNote")} rows={3} registration={register("resultNote")} error={err("resultNote")} />
      {initial.participants && initial.participants.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium">{t("events.perParticipant")}</legend>
          <p className="text-xs text-stone-600">{t("events.perParticipantHint")}</p>
          <ul className="mt-2 grid gap-3">
            {initial.participants.map((p, i) => (
              <li key={p.participantId} className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-2 sm:items-end">
                <Field label={t("events.participantSales", { producer: producers[p.participantId] ?? "" })} inputMode="decimal" registration={register(`participants.${i}.salesVnd`)} error={err(`participants.${i}.salesVnd`)} />
                <Field label={t("events.participantContracts", { producer: producers[p.participantId] ?? "" })} inputMode="numeric" registration={register(`participants.${i}.contractsSigned`)} error={err(`participants.${i}.contractsSigned`)} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {outcome.node}
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("events.saveResults")}</button>
      </div>
    </form>
  );
}
