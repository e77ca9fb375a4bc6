"use client";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { ProductPicker } from "@/components/trade/product-picker";
import { applyForPointOfSale } from "@/lib/actions/points-of-sale";
import { checkPointOfSaleCompliance, CURRENT_POINT_OF_SALE_RULES, POINT_OF_SALE_LOCATIONS } from "@/lib/domain/points-of-sale";
import { pointOfSaleApplicationSchema, type PointOfSaleApplication, type PointOfSaleApplicationInput } from "@/lib/validation/trade";

// The form keeps each chosen product's name beside its id, so a restored form reads the same.
type Carried = { productId: string; name: string; producer: string; star: number | null; hasOcopStamp: boolean; hasTraceStamp: boolean };
type Values = Omit<PointOfSaleApplicationInput, "products"> & { products: Carried[] };

const EMPTY: Values = {
  name: "",
  operatorName: "",
  address: "",
  wardId: "",
  locationKind: "" as Values["locationKind"],
  contactName: "",
  phone: "",
  email: "",
  openingHours: "",
  description: "",
  totalItemCount: "",
  ocopLocalItemCount: "",
  products: [],
};

export function ApplyForm({ wards }: { wards: { id: string; name: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<Values, unknown, PointOfSaleApplication>({
    resolver: zodResolver(pointOfSaleApplicationSchema) as unknown as Resolver<Values, unknown, PointOfSaleApplication>,
    defaultValues: EMPTY,
  });
  const { register, control, handleSubmit, setError, getValues, formState } = form;
  // The stored copy is the raw form values, whatever the schema makes of them.
  const unsaved = useUnsavedInput("point-of-sale-application", form as unknown as UseFormReturn<Values>, undefined);
  const products = useFieldArray({ control, name: "products", keyName: "key" });
  const err = useFieldError(formState.errors);
  const watched = useWatch({ control, name: "products" });
  const total = useWatch({ control, name: "totalItemCount" });
  const ocopLocal = useWatch({ control, name: "ocopLocalItemCount" });
  const chosen = useMemo(() => new Set(watched.map((p) => p.productId)), [watched]);
  // What the office will check, as the applicant fills the form (every chosen product is listed).
  const preview = checkPointOfSaleCompliance({
    products: watched.map((p) => ({ star: p.star, listed: true, hasOcopStamp: p.hasOcopStamp, hasTraceStamp: p.hasTraceStamp })),
    totalItemCount: Number(String(total ?? "").replace(/[\s.]/g, "")) || 0,
    ocopLocalItemCount: Number(String(ocopLocal ?? "").replace(/[\s.]/g, "")) || 0,
  });
  const onSubmit = handleSubmit(
    () => {
      setStatus(null);
      startTransition(async () => {
        const result = await callAction(() => applyForPointOfSale(getValues()));
        if (!result.ok) {
          applyServerErrors(setError, result.fieldErrors);
          return setStatus(t(`errors.${result.code}`));
        }
        unsaved.clear();
        router.push(`/points-of-sale/track/${result.data.trackingCode}`);
      });
    },
    () => setStatus(t("errors.VALIDATION")),
  );
  const productsError = err("products") ?? (formState.errors.products?.root?.message ? t(formState.errors.products.root.message as never) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex max-w-3xl flex-col gap-6" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("pointsOfSale.restored")}</p> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("pointsOfSale.sectionPlace")}</legend>
        <div className="sm:col-span-2">
          <Field label={t("pointsOfSale.name")} hint={t("pointsOfSale.nameHint")} registration={register("name")} error={err("name")} required />
        </div>
        <Field label={t("pointsOfSale.operatorName")} hint={t("pointsOfSale.operatorHint")} registration={register("operatorName")} error={err("operatorName")} required autoComplete="organization" />
        <SelectField
          label={t("pointsOfSale.locationKind")}
          registration={register("locationKind")}
          error={err("locationKind")}
          required
          placeholder={t("pointsOfSale.choose")}
          options={POINT_OF_SALE_LOCATIONS.map((k) => ({ value: k, label: t(`trade.location.${k}`) }))}
        />
        <div className="sm:col-span-2">
          <Field label={t("pointsOfSale.address")} hint={t("pointsOfSale.addressHint")} registration={register("address")} error={err("address")} required autoComplete="street-address" />
        </div>
        <SelectField label={t("pointsOfSale.ward")} registration={register("wardId")} error={err("wardId")} required placeholder={t("pointsOfSale.choose")} options={wards.map((w) => ({ value: w.id, label: w.name }))} />
        <Field label={t("pointsOfSale.openingHours")} hint={t("pointsOfSale.openingHoursHint")} registration={register("openingHours")} error={err("openingHours")} />
        <div className="sm:col-span-2">
          <TextAreaField label={t("pointsOfSale.description")} hint={t("pointsOfSale.descriptionHint")} registration={register("description")} error={err("description")} rows={3} />
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("pointsOfSale.sectionContact")}</legend>
        <Field label={t("pointsOfSale.contactName")} registration={register("contactName")} error={err("contactName")} required autoComplete="name" />
        <Field label={t("pointsOfSale.phone")} registration={register("phone")} error={err("phone")} required type="tel" autoComplete="tel" inputMode="tel" />
        <div className="sm:col-span-2">
          <Field label={t("pointsOfSale.email")} hint={t("pointsOfSale.emailHint")} registration={register("email")} error={err("email")} type="email" autoComplete="email" />
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("pointsOfSale.sectionItems")}</legend>
        <p className="text-sm text-stone-700 sm:col-span-2">{t("pointsOfSale.itemsIntro")}</p>
        <Field label={t("pointsOfSale.totalItemCount")} registration={register("totalItemCount")} error={err("totalItemCount")} required inputMode="numeric" />
        <Field label={t("pointsOfSale.ocopLocalItemCount")} hint={t("pointsOfSale.ocopLocalHint")} registration={register("ocopLocalItemCount")} error={err("ocopLocalItemCount")} required inputMode="numeric" />
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">{t("pointsOfSale.sectionProducts")}</legend>
        <p className="mb-3 text-sm text-stone-700">{t("pointsOfSale.productsIntro", { count: CURRENT_POINT_OF_SALE_RULES.minQualifyingProducts, star: CURRENT_POINT_OF_SALE_RULES.minStar })}</p>
        <ProductPicker
          chosen={chosen}
          disabled={pending}
          onPick={(p) => products.append({ productId: p.id, name: p.name, producer: p.producer, star: p.star, hasOcopStamp: false, hasTraceStamp: false })}
        />
        <h3 className="mt-4 font-semibold" id="chosen-heading">{t("pointsOfSale.chosenTitle", { count: products.fields.length })}</h3>
        {productsError ? <p id="products-error" role="alert" className="mt-1 text-sm text-red-700">{productsError}</p> : null}
        {products.fields.length === 0 ? (
          <p className="mt-1 text-sm text-stone-600">{t("pointsOfSale.chosenEmpty")}</p>
        ) : (
          <ol aria-labelledby="chosen-heading" className="mt-2 space-y-2">
            {products.fields.map((f, i) => (
              <li key={f.key} className="rounded-md border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 flex-1">
                    <span className="block font-medium break-words">{f.name}</span>
                    <span className="block text-xs text-stone-600">
                      {f.producer}
                      {f.star ? ` · ${t("common.stars", { count: f.star })}` : ""}
                    </span>
                  </p>
                  <button type="button" className={buttonClass("ghost")} onClick={() => products.remove(i)}>
                    {t("pointsOfSale.removeProduct")}
                    <span className="sr-only"> — {f.name}</span>
                  </button>
                </div>
                <div className="mt-1 flex flex-wrap gap-x-6">
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="checkbox" className="h-5 w-5" {...register(`products.${i}.hasOcopStamp`)} />
                    {t("trade.hasOcopStamp")}
                    <span className="sr-only"> — {f.name}</span>
                  </label>
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="checkbox" className="h-5 w-5" {...register(`products.${i}.hasTraceStamp`)} />
                    {t("trade.hasTraceStamp")}
                    <span className="sr-only"> — {f.name}</span>
                  </label>
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="mt-4 rounded-md border border-stone-200 bg-white p-3 text-sm" aria-live="polite">
          <p className="font-medium">{t("pointsOfSale.previewTitle")}</p>
          <p>{t("trade.checkProducts", { count: preview.qualifyingProducts, required: preview.requiredProducts, star: CURRENT_POINT_OF_SALE_RULES.minStar })}</p>
          <p>
            {preview.share === null
              ? t("trade.checkShareNone")
              : t("trade.checkShare", { share: Math.round(preview.share * 1000) / 10, above: Math.round(preview.shareAbove * 100) })}
          </p>
          <p className="text-stone-600">{t("pointsOfSale.previewNote")}</p>
        </div>
      </fieldset>
      <div role="status" aria-live="polite">{status ? <p className="text-red-700">{status}</p> : null}</div>
      <div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("pointsOfSale.sending") : t("pointsOfSale.submit")}
        </button>
      </div>
    </form>
  );
}
