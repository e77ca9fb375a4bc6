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
import { registerForEvent, withdrawFromEvent } from "@/lib/actions/events";
import { ConfirmWithNote } from "@/components/ocop/confirm-with-note";
import { eventRegistrationSchema, type EventRegistrationInput } from "@/lib/validation/events";
import { useActionMessage } from "@/components/ocop/action-message";

type Product = { id: string; name: string; star: number | null };

/** A producer registers its own listed products for an event (or changes its waiting registration). */
export function RegistrationForm({ eventId, products, initial, maxBooths, updating }: { eventId: string; products: Product[]; initial: Omit<EventRegistrationInput, "eventId">; maxBooths: number; updating: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<EventRegistrationInput, unknown, z.output<typeof eventRegistrationSchema>>({
    resolver: zodResolver(eventRegistrationSchema),
    defaultValues: { ...initial, eventId },
  });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`event-registration:${eventId}`, form, undefined);
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => registerForEvent({ ...getValues(), eventId }));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      outcome.show(r, updating ? t("events.registrationUpdated") : t("events.registeredDone"));
      if (r.ok) {
        unsaved.clear();
        router.refresh();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid max-w-2xl gap-4 rounded-lg border border-stone-200 bg-white p-4" aria-busy={pending} aria-labelledby="register-heading">
      <h2 id="register-heading" className="text-lg font-semibold">{updating ? t("events.changeRegistration") : t("events.registerHeading")}</h2>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("events.restored")}</p> : null}
      <fieldset aria-describedby={err("productIds") ? "products-error" : undefined}>
        <legend className="text-sm font-medium">
          {t("events.productsToShow")}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </legend>
        <ul className="mt-1 grid gap-1">
          {products.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" value={p.id} {...register("productIds")} className="h-5 w-5" />
                <span>
                  {p.name}
                  {p.star ? <span className="text-sm text-stone-600"> · {t("common.stars", { count: p.star })}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {err("productIds") ? <p id="products-error" className="text-sm text-red-700">{err("productIds")}</p> : null}
      </fieldset>
      <Field label={t("events.boothsWanted")} hint={t("events.boothsWantedHint", { max: maxBooths })} required inputMode="numeric" registration={register("booths")} error={err("booths")} />
      <TextAreaField label={t("events.registrationNote")} hint={t("events.registrationNoteHint")} rows={3} registration={register("note")} error={err("note")} />
      {outcome.node}
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("events.working") : updating ? t("events.saveRegistration") : t("events.register")}
        </button>
      </div>
    </form>
  );
}

export function WithdrawButton({ participantId, name }: { participantId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const outcome = useActionMessage({ ownReason: true });
  return (
    <div className="mt-2">
      <ConfirmWithNote
        label={t("events.withdraw")}
        context={name}
        question={t("events.withdrawQuestion", { name })}
        onConfirm={async () => {
          const r = await callAction(() => withdrawFromEvent({ participantId }));
          outcome.show(r, t("events.withdrawnDone"));
          if (r.ok) router.refresh();
        }}
      />
      {outcome.node}
    </div>
  );
}
