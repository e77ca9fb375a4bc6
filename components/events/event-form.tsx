"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveEvent } from "@/lib/actions/events";
import { EVENT_KINDS, EVENT_LEVELS } from "@/lib/domain/events";
import { eventFormSchema, type EventFormInput } from "@/lib/validation/events";
import { useActionMessage } from "@/components/ocop/action-message";

/** Creates or edits an event (the office). What was typed survives a reload or a failed save. */
export function EventForm({ initial }: { initial: EventFormInput }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version] = useState(initial.version);
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<EventFormInput, unknown, z.output<typeof eventFormSchema>>({ resolver: zodResolver(eventFormSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`event:${initial.eventId ?? "new"}`, form, version === undefined ? undefined : String(version));
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => saveEvent({ ...getValues(), eventId: initial.eventId, version }));
      if (!r.ok) {
        applyServerErrors(setError, r.fieldErrors);
        return outcome.show(r, "");
      }
      unsaved.clear();
      outcome.show(r, t("events.saved"));
      router.push(`/manage/events/${r.data.eventId}`);
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid max-w-3xl gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("events.restored")}</p> : null}
      <Field label={t("events.name")} required registration={register("name")} error={err("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("events.kind")} required registration={register("kind")} error={err("kind")} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKinds.${k}`) }))} />
        <SelectField label={t("events.level")} required registration={register("level")} error={err("level")} options={EVENT_LEVELS.map((k) => ({ value: k, label: t(`eventLevels.${k}`) }))} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("events.startsOn")} type="date" required registration={register("startsOn")} error={err("startsOn")} />
        <Field label={t("events.endsOn")} type="date" required registration={register("endsOn")} error={err("endsOn")} />
        <Field label={t("events.registrationClosesOn")} type="date" hint={t("events.registrationClosesHint")} registration={register("registrationClosesOn")} error={err("registrationClosesOn")} />
      </div>
      <Field label={t("events.place")} required registration={register("place")} error={err("place")} />
      <Field label={t("events.organiser")} required registration={register("organiser")} error={err("organiser")} />
      <Field label={t("events.boothCapacity")} required hint={t("events.boothCapacityHint")} inputMode="numeric" registration={register("boothCapacity")} error={err("boothCapacity")} />
      <TextAreaField label={t("events.description")} rows={6} registration={register("description")} error={err("description")} />
      {outcome.node}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("common.save")}</button>
        <a href={initial.eventId ? `/manage/events/${initial.eventId}` : "/manage/events"} className={buttonClass("secondary")}>{t("common.back")}</a>
      </div>
    </form>
  );
}
