"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveProductProfile } from "@/lib/actions/products";
import { ECOMMERCE_PLATFORMS, QUALITY_SYSTEMS, productProfileSchema, type ProductProfileInput } from "@/lib/validation/product-profile";

/** The producer's (or the office's) editor of a product's public page. */
export function ProfileForm({ initial, publicHref }: { initial: ProductProfileInput; publicHref: string }) {
  const t = useTranslations("productProfile");
  const tc = useTranslations("catalogue");
  const root = useTranslations();
  const router = useRouter();
  const platformsId = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(initial.version);
  const form = useForm<ProductProfileInput, unknown, z.output<typeof productProfileSchema>>({
    resolver: zodResolver(productProfileSchema),
    defaultValues: initial,
  });
  const { register, control, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`product:${initial.productId}`, form, version);
  const links = useFieldArray({ control, name: "ecommerceLinks" });
  const streams = useFieldArray({ control, name: "livestreams" });
  const err = useFieldError(formState.errors);

  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => saveProductProfile({ ...getValues(), version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        return setStatus({ ok: false, text: root(`errors.${result.code}`) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      setStatus({ ok: true, text: t("saved") });
      router.refresh();
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("restored")}</p> : null}
      <TextAreaField label={t("summary")} hint={t("summaryHint")} registration={register("summary")} error={err("summary")} rows={2} />
      <TextAreaField label={t("story")} hint={t("storyHint")} registration={register("story")} error={err("story")} rows={8} />
      <TextAreaField label={t("packaging")} hint={t("packagingHint")} registration={register("packaging")} error={err("packaging")} rows={2} />
      <Field label={t("priceFrom")} hint={t("priceHint")} registration={register("priceFromVnd")} error={err("priceFromVnd")} inputMode="decimal" />
      <Field label={t("website")} hint={t("urlHint")} type="url" registration={register("website")} error={err("website")} inputMode="url" />

      <fieldset>
        <legend className="text-sm font-medium">{t("qualitySystems")}</legend>
        <p className="text-xs text-stone-600">{t("qualityHint")}</p>
        <div className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {QUALITY_SYSTEMS.map((q) => (
            <label key={q} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={q} {...register("qualitySystems")} className="h-5 w-5" />
              {tc(`quality.${q}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium">{t("ecommerceLinks")}</legend>
        <p className="text-xs text-stone-600">{t("ecommerceHint")}</p>
        <datalist id={platformsId}>
          {ECOMMERCE_PLATFORMS.map((p) => <option key={p} value={p} />)}
        </datalist>
        <ol className="mt-2 grid gap-3">
          {links.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-stone-200 bg-white p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
              <div className="flex flex-col gap-1">
                <label htmlFor={`${platformsId}-p${i}`} className="text-sm font-medium">{t("platform", { n: i + 1 })}</label>
                <input id={`${platformsId}-p${i}`} list={platformsId} {...register(`ecommerceLinks.${i}.platform`)} aria-invalid={err(`ecommerceLinks.${i}.platform`) ? true : undefined} aria-describedby={err(`ecommerceLinks.${i}.platform`) ? `${platformsId}-p${i}-error` : undefined} className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700" />
                {err(`ecommerceLinks.${i}.platform`) ? <p id={`${platformsId}-p${i}-error`} className="text-sm text-red-700">{err(`ecommerceLinks.${i}.platform`)}</p> : null}
              </div>
              <Field label={t("linkUrl", { n: i + 1 })} type="url" inputMode="url" registration={register(`ecommerceLinks.${i}.url`)} error={err(`ecommerceLinks.${i}.url`)} />
              <button type="button" className={buttonClass("ghost")} onClick={() => links.remove(i)}>{t("remove")}<span className="sr-only"> — {t("platform", { n: i + 1 })}</span></button>
            </li>
          ))}
        </ol>
        <button type="button" className={buttonClass("secondary", "mt-2")} onClick={() => links.append({ platform: "", url: "" })} disabled={links.fields.length >= 10}>{t("addLink")}</button>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium">{t("livestreams")}</legend>
        <p className="text-xs text-stone-600">{t("livestreamHint")}</p>
        <ol className="mt-2 grid gap-3">
          {streams.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-stone-200 bg-white p-3 sm:grid-cols-2">
              <Field label={t("livestreamTitle", { n: i + 1 })} registration={register(`livestreams.${i}.title`)} error={err(`livestreams.${i}.title`)} />
              <Field label={t("livestreamStartsAt", { n: i + 1 })} type="datetime-local" registration={register(`livestreams.${i}.startsAt`)} error={err(`livestreams.${i}.startsAt`)} />
              <div className="sm:col-span-2">
                <Field label={t("livestreamUrl", { n: i + 1 })} type="url" inputMode="url" registration={register(`livestreams.${i}.url`)} error={err(`livestreams.${i}.url`)} />
              </div>
              <div>
                <button type="button" className={buttonClass("ghost")} onClick={() => streams.remove(i)}>{t("remove")}<span className="sr-only"> — {t("livestreamTitle", { n: i + 1 })}</span></button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className={buttonClass("secondary", "mt-2")} onClick={() => streams.append({ title: "", startsAt: "", url: "" })} disabled={streams.fields.length >= 20}>{t("addLivestream")}</button>
      </fieldset>

      <div role="status" aria-live="polite">{status ? <p className={status.ok ? "text-brand-700" : "text-red-700"}>{status.text}</p> : null}</div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? root("common.saving") : t("save")}</button>
        <a href={publicHref} className={buttonClass("secondary")}>{t("viewPublic")}</a>
      </div>
    </form>
  );
}
