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
import { saveCourse } from "@/lib/actions/training";
import { TRAINING_AUDIENCES } from "@/lib/domain/training";
import { courseFormSchema, type CourseFormInput } from "@/lib/validation/training";
import { useActionMessage } from "@/components/ocop/action-message";

/** Creates or edits a training course (the office). */
export function CourseForm({ initial }: { initial: CourseFormInput }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version] = useState(initial.version);
  const outcome = useActionMessage({ ownReason: true });
  const form = useForm<CourseFormInput, unknown, z.output<typeof courseFormSchema>>({ resolver: zodResolver(courseFormSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`course:${initial.courseId ?? "new"}`, form, version === undefined ? undefined : String(version));
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => saveCourse({ ...getValues(), courseId: initial.courseId, version }));
      if (!r.ok) {
        applyServerErrors(setError, r.fieldErrors);
        return outcome.show(r, "");
      }
      unsaved.clear();
      outcome.show(r, t("training.saved"));
      router.push(`/manage/training/${r.data.courseId}`);
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid max-w-3xl gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("events.restored")}</p> : null}
      <Field label={t("training.courseTitle")} required registration={register("title")} error={err("title")} />
      <SelectField label={t("training.audience")} required registration={register("audience")} error={err("audience")} options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: t(`trainingAudience.${a}`) }))} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("training.startsOn")} type="date" required registration={register("startsOn")} error={err("startsOn")} />
        <Field label={t("training.endsOn")} type="date" required registration={register("endsOn")} error={err("endsOn")} />
        <Field label={t("training.registrationClosesOn")} type="date" hint={t("training.registrationClosesHint")} registration={register("registrationClosesOn")} error={err("registrationClosesOn")} />
      </div>
      <Field label={t("training.place")} required registration={register("place")} error={err("place")} />
      <Field label={t("training.capacity")} required inputMode="numeric" registration={register("capacity")} error={err("capacity")} />
      <TextAreaField label={t("training.description")} rows={6} registration={register("description")} error={err("description")} />
      {outcome.node}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("common.save")}</button>
        <a href={initial.courseId ? `/manage/training/${initial.courseId}` : "/manage/training"} className={buttonClass("secondary")}>{t("common.back")}</a>
      </div>
    </form>
  );
}
