"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveRawMaterialArea } from "@/lib/actions/raw-material-areas";
import { RAW_MATERIAL_KINDS, RAW_MATERIAL_STANDARDS } from "@/lib/domain/raw-material-areas";
import { rawMaterialAreaSchema, type RawMaterialAreaInput } from "@/lib/validation/communication";

type Options = {
  /** Wards the actor may choose; null when the ward is fixed by the account (a ward officer). */
  wards: { id: string; name: string }[] | null;
  fixedWardName: string | null;
  producers: { id: string; name: string; wardName: string }[];
  products: { id: string; name: string; producerId: string }[];
};

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" && v ? [v] : []);

/** A raw-material area with its certificate and its links to producers and their products. */
export function AreaForm({ initial, options, created = false }: { initial: RawMaterialAreaInput; options: Options; created?: boolean }) {
  const t = useTranslations("areas");
  const e = useTranslations("errors");
  const c = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(created ? { ok: true, text: t("saved") } : null);
  const form = useForm<RawMaterialAreaInput, unknown, z.output<typeof rawMaterialAreaSchema>>({ resolver: zodResolver(rawMaterialAreaSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState, control } = form;
  const unsaved = useUnsavedInput(`area:${initial.areaId ?? "new"}`, form, version);
  const err = useFieldError(formState.errors);
  const standard = useWatch({ control, name: "standard" });
  const selectedProducers = new Set(asList(useWatch({ control, name: "producerIds" })));
  const shownProducts = options.products.filter((p) => selectedProducers.has(p.producerId));
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    const values = getValues();
    const producers = new Set(asList(values.producerIds));
    // A product whose producer was unticked goes with it.
    const productIds = asList(values.productIds).filter((id) => producers.has(options.products.find((p) => p.id === id)?.producerId ?? ""));
    startTransition(async () => {
      const result = await callAction(() => saveRawMaterialArea({ ...values, productIds, areaId: initial.areaId, version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        return setStatus({ ok: false, text: e(result.code) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      if (!initial.areaId) return router.replace(`/manage/raw-material-areas/${result.data.areaId}?created=1`);
      setStatus({ ok: true, text: t("saved") });
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{c("restored")}</p> : null}
      <Field label={t("fieldName")} hint={t("nameHint")} registration={register("name")} error={err("name")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        {options.wards ? (
          <SelectField
            label={t("fieldWard")}
            registration={register("wardId")}
            error={err("wardId")}
            required
            placeholder={t("chooseWard")}
            options={options.wards.map((w) => ({ value: w.id, label: w.name }))}
          />
        ) : (
          <p className="self-end pb-2 text-sm">{t("wardFixed", { name: options.fixedWardName ?? "" })}</p>
        )}
        <Field label={t("fieldLocation")} registration={register("location")} error={err("location")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("fieldAreaHa")} hint={t("areaHaHint")} registration={register("areaHa")} error={err("areaHa")} inputMode="decimal" required />
        <SelectField
          label={t("fieldKind")}
          registration={register("kind")}
          error={err("kind")}
          required
          placeholder={t("chooseKind")}
          options={RAW_MATERIAL_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Field label={t("fieldSubject")} hint={t("subjectHint")} registration={register("subject")} error={err("subject")} required />
      </div>
      <fieldset className="rounded-md border border-stone-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium">{t("certificateLegend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("fieldStandard")} registration={register("standard")} error={err("standard")} options={RAW_MATERIAL_STANDARDS.map((s) => ({ value: s, label: t(`standard.${s}`) }))} />
          {standard !== "NONE" ? (
            <>
              <Field label={t("fieldCertificateNo")} registration={register("standardCertificateNo")} error={err("standardCertificateNo")} required autoComplete="off" />
              <Field label={t("fieldIssuer")} registration={register("standardIssuer")} error={err("standardIssuer")} required />
              <Field label={t("fieldExpiresOn")} type="date" registration={register("standardExpiresOn")} error={err("standardExpiresOn")} required />
            </>
          ) : null}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("producersLegend")}</legend>
        <p className="text-xs text-stone-600">{t("producersHint")}</p>
        {options.producers.length === 0 ? (
          <p className="mt-1 text-sm text-stone-700">{t("noProducers")}</p>
        ) : (
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {options.producers.map((p) => (
              <label key={p.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" value={p.id} {...register("producerIds")} className="h-5 w-5 shrink-0" />
                <span>
                  {p.name} <span className="text-xs text-stone-600">· {p.wardName}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {err("producerIds") ? <p className="text-sm text-red-700">{err("producerIds")}</p> : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("productsLegend")}</legend>
        <p className="text-xs text-stone-600">{t("productsHint")}</p>
        {shownProducts.length === 0 ? (
          <p className="mt-1 text-sm text-stone-700">{t("noProducts")}</p>
        ) : (
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {shownProducts.map((p) => (
              <label key={p.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" value={p.id} {...register("productIds")} className="h-5 w-5 shrink-0" />
                <span>{p.name}</span>
              </label>
            ))}
          </div>
        )}
        {err("productIds") ? <p className="text-sm text-red-700">{err("productIds")}</p> : null}
      </fieldset>
      <TextAreaField label={t("fieldNote")} registration={register("note")} error={err("note")} rows={3} />
      <div role="status" aria-live="polite">
        {status ? <p className={status.ok ? "text-brand-700" : "text-red-700"}>{status.text}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? c("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
