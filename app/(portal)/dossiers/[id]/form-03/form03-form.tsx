"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveForm03 } from "@/lib/actions/dossiers";
import { FORM_03_ASSESSMENT_KEYS, type Form03AssessmentKey } from "@/lib/domain/dossier-intake";
import { saveForm03Schema, type Form03, type SaveForm03Input } from "@/lib/validation/dossiers";

const GENERAL = ["communeName", "entityName", "organizationType", "address", "legalRepresentativeFullName", "legalRepresentativeEthnicity", "legalRepresentativePermanentAddress", "registeredProduct", "provinceName"] as const;

/** The ward's report: general information, then the four assessments, each beside the producer's own account. */
export function Form03Form({ dossierId, version: initialVersion, initial, producerSays }: { dossierId: string; version: string; initial: Form03; producerSays: Record<Form03AssessmentKey, string> }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<SaveForm03Input, unknown, z.output<typeof saveForm03Schema>>({
    resolver: zodResolver(saveForm03Schema),
    defaultValues: { dossierId, version: initialVersion, form03: initial },
  });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`form03:${dossierId}`, form, version);
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const r = await callAction(() => saveForm03({ ...getValues(), dossierId, version }));
      if (!r.ok) {
        applyServerErrors(setError, r.fieldErrors);
        return setStatus({ ok: false, text: t(`errors.${r.code}`) });
      }
      unsaved.clear();
      setVersion(r.data.version);
      setStatus({ ok: true, text: r.data.missing.length === 0 ? t("dossiers.form03SavedComplete") : t("dossiers.form03SavedIncomplete", { count: r.data.missing.length }) });
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-6" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="max-w-3xl rounded-md bg-amber-50 p-3 text-amber-900">{t("common.restored")}</p> : null}
      <section aria-labelledby="f3-general" className="flex max-w-3xl flex-col gap-4">
        <h2 id="f3-general" className="text-xl font-semibold">{t("dossierForms.form03General")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {GENERAL.map((k) => <Field key={k} label={t(`dossierForms.form03.${k}`)} registration={register(`form03.${k}`)} error={err(`form03.${k}`)} />)}
          <SelectField
            label={t("dossierForms.form02.legalRepresentativeGender")}
            registration={register("form03.legalRepresentativeGender")}
            error={err("form03.legalRepresentativeGender")}
            options={[{ value: "", label: "—" }, { value: "male", label: t("dossierForms.male") }, { value: "female", label: t("dossierForms.female") }]}
          />
        </div>
      </section>
      <section aria-labelledby="f3-assess" className="flex flex-col gap-4">
        <h2 id="f3-assess" className="text-xl font-semibold">{t("dossierForms.form03Assessment")}</h2>
        {FORM_03_ASSESSMENT_KEYS.map((k) => (
          <div key={k} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 lg:grid-cols-[1fr_22rem]">
            <TextAreaField label={t(`dossierForms.form03.${k}`)} hint={t(`dossiers.form03Hint.${k}`)} registration={register(`form03.${k}`)} error={err(`form03.${k}`)} required rows={5} />
            <aside aria-label={t("dossiers.producerSays")} className="rounded-md bg-stone-50 p-3 text-sm">
              <p className="font-medium">{t("dossiers.producerSays")}</p>
              <p className="mt-1 whitespace-pre-line">{producerSays[k] || t("dossiers.producerSaysNothing")}</p>
            </aside>
          </div>
        ))}
      </section>
      <div role="status" aria-live="polite">{status ? <p className={status.ok ? "text-brand-700" : "text-red-700"}>{status.text}</p> : null}</div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("dossiers.saveForm03")}</button>
        <a href={`/dossiers/${dossierId}`} className={buttonClass("secondary")}>{t("dossiers.backToDossier")}</a>
      </div>
    </form>
  );
}
