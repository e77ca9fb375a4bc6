"use client";
import { useCallback, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Field, SelectField, TextAreaField, type Option } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { SheetAnswersEditor } from "@/components/scoring/sheet-answers-editor";
import { buttonClass } from "@/components/ui/button";
import { saveDossierDraft } from "@/lib/actions/dossiers";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { EVALUATION_TYPES, FORM_02_CHECKBOXES, type EvaluationTypeValue, type Form01, type Form02 } from "@/lib/validation/dossiers";
import type { StoredAnswers } from "@/lib/validation/sheet-answers";
import { EvidenceAside, type EvidenceLinks } from "../self-score-view";
import { useProblemList } from "../dossier-actions";

type Nullable<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends string | null ? string | null : T[K] };
export type DossierFormValues = {
  dossierId: string;
  version: string;
  productName: string;
  criteriaSetNo: string;
  evaluationType: EvaluationTypeValue;
  previousCertificateId: string;
  sampleCount: string;
  form01: Nullable<Form01>;
  form02: Nullable<Form02>;
  selfScore: StoredAnswers;
};

const FORM_01_FIELDS = [
  ["unitName", true],
  ["legalRepresentativeName", true],
  ["position", true],
  ["contactAddress", true],
  ["phone", true],
  ["email", false],
] as const;
const PART_1_TEXT = ["entityName", "organizationType", "address", "phone", "email", "legalRepresentativeFullName"] as const;
const PART_1_MORE = ["legalRepresentativeEthnicity", "legalRepresentativePermanentAddress"] as const;
const PART_2 = ["rawMaterialAndProductionTechnology", "productQualityChanges", "distributionMarkets", "businessResults"] as const;
const REQUIRED_02 = new Set(["entityName", "address", "legalRepresentativeFullName", "productDescription", "rawMaterialAndProductionTechnology", "distributionMarkets", "businessResults", "productionBusinessPlan"]);

const SECTIONS = ["general", "form01", "form02", "selfScore", "evidence"] as const;

/**
 * The producer's dossier as one draft in sections (general, Form 01, Form 02, self-score), saved
 * together; evidence is added below, each paper on its own. What is typed survives a reload
 * (useUnsavedInput) until it is saved.
 */
export function DossierForm({
  initial,
  saved = false,
  pinned,
  sheet,
  evidenceByItem,
  sets,
  certificates,
}: {
  initial: DossierFormValues;
  saved?: boolean;
  pinned: boolean;
  sheet: CriteriaSheetData | null;
  evidenceByItem: EvidenceLinks;
  sets: Option[];
  certificates: Option[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const problemList = useProblemList();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(saved ? { ok: true, text: t("dossiers.saved") } : null);
  const form = useForm<DossierFormValues>({ defaultValues: initial });
  const { register, handleSubmit, setError, getValues, setValue, control, formState } = form;
  const unsaved = useUnsavedInput(`dossier:${initial.dossierId}`, form, version);
  const err = useFieldError(formState.errors);
  const evaluationType = useWatch({ control, name: "evaluationType" });
  const criteriaSetNo = useWatch({ control, name: "criteriaSetNo" });
  const setChanged = criteriaSetNo !== initial.criteriaSetNo;

  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => saveDossierDraft({ ...getValues(), dossierId: initial.dossierId, version }));
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        // Self-score paths carry item codes with dots ("1.2"); they are listed, not put on fields.
        applyServerErrors(setError, Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => !k.startsWith("selfScore"))) as never);
        return setStatus({ ok: false, text: t(`errors.${result.code}`), problems: problemList(fieldErrors) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      setStatus({ ok: true, text: t("dossiers.saved") });
      router.refresh();
    });
  });

  const onSetChange = (next: string) => {
    const answered = Object.keys(getValues("selfScore").items).length > 0;
    // A different set has a different sheet: the self-score starts again on it.
    if (answered && !window.confirm(t("dossiers.confirmSetChange"))) {
      setValue("criteriaSetNo", getValues("criteriaSetNo"));
      return false;
    }
    setValue("selfScore", { items: {} }, { shouldDirty: true });
    setValue("criteriaSetNo", next, { shouldDirty: true });
    return true;
  };

  const typeRequired = (k: string) => (k === "productQualityChanges" && evaluationType === "UPGRADE") || (k === "reassessmentUpdates" && evaluationType === "RE_EVALUATION");

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-8" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="max-w-3xl rounded-md bg-amber-50 p-3 text-amber-900">{t("common.restored")}</p> : null}
      <nav aria-label={t("dossiers.sections")} className="flex flex-wrap gap-2 text-sm">
        {SECTIONS.map((s) => (
          <a key={s} href={`#section-${s}`} className="rounded-full border border-stone-300 bg-white px-3 py-1.5 underline-offset-2 hover:underline">{t(`dossiers.section.${s}`)}</a>
        ))}
      </nav>

      <section id="section-general" aria-labelledby="h-general" className="flex max-w-3xl scroll-mt-24 flex-col gap-4">
        <h2 id="h-general" className="text-xl font-semibold">{t("dossiers.section.general")}</h2>
        <Field label={t("dossierForms.productName")} registration={register("productName")} error={err("productName")} required />
        {pinned ? (
          // The sheet was fixed at the first submission; the set cannot change any more.
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium">{t("dossierForms.criteriaSetNo")}</p>
            <p>{sets.find((o) => o.value === initial.criteriaSetNo)?.label ?? initial.criteriaSetNo}</p>
            <p className="text-xs text-stone-600">{t("dossiers.setPinnedHint")}</p>
          </div>
        ) : (
          <div className="flex flex-col gap-1">
            <SelectField
              label={t("dossierForms.criteriaSetNo")}
              registration={{ ...register("criteriaSetNo"), onChange: async (e) => { onSetChange((e.target as HTMLSelectElement).value); } }}
              error={err("criteriaSetNo")}
              options={sets}
              hint={t("dossiers.criteriaSetHint")}
              required
            />
            {setChanged ? <p className="text-sm text-amber-900">{t("dossiers.setChangedHint")}</p> : null}
          </div>
        )}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{t("dossierForms.evaluationType")}</legend>
          {EVALUATION_TYPES.map((type) => (
            <label key={type} className="flex min-h-11 items-center gap-2">
              <input type="radio" value={type} className="size-5" {...register("evaluationType")} />
              {t(`evaluationType.${type}`)}
            </label>
          ))}
        </fieldset>
        {evaluationType !== "FIRST" ? (
          <SelectField
            label={t("dossierForms.previousCertificateId")}
            registration={register("previousCertificateId")}
            error={err("previousCertificateId")}
            options={certificates}
            placeholder={t("dossiers.chooseCertificate")}
            hint={certificates.length === 0 ? t("dossiers.noActiveCertificate") : undefined}
            required
          />
        ) : null}
        <Field label={t("dossierForms.sampleCount")} hint={t("dossiers.sampleHint")} registration={register("sampleCount")} error={err("sampleCount")} inputMode="numeric" />
      </section>

      <section id="section-form01" aria-labelledby="h-form01" className="flex max-w-3xl scroll-mt-24 flex-col gap-4">
        <h2 id="h-form01" className="text-xl font-semibold">{t("dossierForms.form01Title")}</h2>
        <p className="text-sm text-stone-700">{t("dossiers.prefilledHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {FORM_01_FIELDS.map(([k, required]) => (
            <Field
              key={k}
              label={t(`dossierForms.form01.${k}`)}
              registration={register(`form01.${k}`)}
              error={err(`form01.${k}`)}
              required={required}
              type={k === "email" ? "email" : k === "phone" ? "tel" : "text"}
              inputMode={k === "phone" ? "tel" : undefined}
            />
          ))}
        </div>
      </section>

      <section id="section-form02" aria-labelledby="h-form02" className="flex max-w-3xl scroll-mt-24 flex-col gap-4">
        <h2 id="h-form02" className="text-xl font-semibold">{t("dossierForms.form02Title")}</h2>
        <h3 className="font-semibold">{t("dossierForms.part1")}</h3>
        <div className="grid gap-4 sm:grid-cols-2">
          {PART_1_TEXT.map((k) => (
            <Field key={k} label={t(`dossierForms.form02.${k}`)} registration={register(`form02.${k}`)} error={err(`form02.${k}`)} required={REQUIRED_02.has(k)} type={k === "email" ? "email" : k === "phone" ? "tel" : "text"} />
          ))}
          <SelectField
            label={t("dossierForms.form02.legalRepresentativeGender")}
            registration={register("form02.legalRepresentativeGender")}
            error={err("form02.legalRepresentativeGender")}
            options={[{ value: "", label: "—" }, { value: "male", label: t("dossierForms.male") }, { value: "female", label: t("dossierForms.female") }]}
          />
          {PART_1_MORE.map((k) => <Field key={k} label={t(`dossierForms.form02.${k}`)} registration={register(`form02.${k}`)} error={err(`form02.${k}`)} />)}
          <Field label={t("dossierForms.form02.establishmentDate")} type="date" registration={register("form02.establishmentDate")} error={err("form02.establishmentDate")} />
          <Field label={t("dossierForms.form02.businessRegistrationNo")} registration={register("form02.businessRegistrationNo")} error={err("form02.businessRegistrationNo")} />
        </div>
        <TextAreaField label={t("dossierForms.form02.productDescription")} registration={register("form02.productDescription")} error={err("form02.productDescription")} required rows={4} />
        <fieldset>
          <legend className="text-sm font-medium">{t("dossierForms.checklist")}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {FORM_02_CHECKBOXES.map((k) => (
              <label key={k} className="flex min-h-11 items-start gap-2 text-sm">
                <input type="checkbox" className="mt-0.5 size-5 shrink-0" {...register(`form02.${k}`)} />
                <span lang="vi">{t(`dossierForms.form02.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("dossierForms.form02.otherIntellectualPropertyDetail")} registration={register("form02.otherIntellectualPropertyDetail")} error={err("form02.otherIntellectualPropertyDetail")} />
        <TextAreaField label={t("dossierForms.form02.entityHistory")} registration={register("form02.entityHistory")} error={err("form02.entityHistory")} rows={3} />
        <TextAreaField label={t("dossierForms.form02.organizationStructure")} registration={register("form02.organizationStructure")} error={err("form02.organizationStructure")} rows={3} />
        <h3 className="font-semibold">{t("dossierForms.part2")}</h3>
        {PART_2.map((k) => (
          <TextAreaField key={k} label={t(`dossierForms.form02.${k}`)} registration={register(`form02.${k}`)} error={err(`form02.${k}`)} required={REQUIRED_02.has(k) || typeRequired(k)} rows={4} />
        ))}
        <h3 className="font-semibold">{t("dossierForms.part3")}</h3>
        <TextAreaField
          label={t("dossierForms.form02.reassessmentUpdates")}
          hint={t("dossiers.reassessmentHint")}
          registration={register("form02.reassessmentUpdates")}
          error={err("form02.reassessmentUpdates")}
          required={typeRequired("reassessmentUpdates")}
          rows={4}
        />
        <h3 className="font-semibold">{t("dossierForms.part4")}</h3>
        <TextAreaField label={t("dossierForms.form02.productionBusinessPlan")} registration={register("form02.productionBusinessPlan")} error={err("form02.productionBusinessPlan")} required rows={4} />
      </section>

      <section id="section-selfScore" aria-labelledby="h-self" className="scroll-mt-24">
        <h2 id="h-self" className="text-xl font-semibold">{t("dossierForms.selfScore")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("dossiers.selfScoreIntro")}</p>
        <div className="mt-3 max-w-5xl">
          {sheet && !setChanged ? (
            <SelfScoreField control={control} setValue={setValue} sheet={sheet} evidenceByItem={evidenceByItem} />
          ) : (
            <p className="rounded-md bg-stone-100 p-3 text-sm">{sheet ? t("dossiers.setChangedHint") : t("dossiers.noSheetYet")}</p>
          )}
        </div>
      </section>

      <div className="max-w-3xl border-t border-stone-300 pt-3">
        <div role="status" aria-live="polite">
          {status ? (
            <div className={status.ok ? "text-brand-700" : "text-red-700"}>
              <p>{status.text}</p>
              {status.problems && status.problems.length > 0 ? <ul className="list-disc pl-5 text-sm">{status.problems.slice(0, 8).map((p) => <li key={p}>{p}</li>)}</ul> : null}
            </div>
          ) : null}
        </div>
        <div className="mt-1 flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("dossiers.saveDraft")}</button>
          <a href={`/dossiers/${initial.dossierId}`} className={buttonClass("secondary")}>{t("dossiers.backToDossier")}</a>
        </div>
      </div>
    </form>
  );
}

/** Only this part re-renders when an answer changes; the editor's items are memoised. */
function SelfScoreField({ control, setValue, sheet, evidenceByItem }: { control: Control<DossierFormValues>; setValue: UseFormSetValue<DossierFormValues>; sheet: CriteriaSheetData; evidenceByItem: EvidenceLinks }) {
  const value = useWatch({ control, name: "selfScore" });
  const onChange = useCallback((next: StoredAnswers) => setValue("selfScore", next, { shouldDirty: true }), [setValue]);
  const aside = useCallback((code: string) => <EvidenceAside links={evidenceByItem[code]} />, [evidenceByItem]);
  return <SheetAnswersEditor sheet={sheet} value={value} onChange={onChange} aside={aside} idPrefix="own" />;
}
