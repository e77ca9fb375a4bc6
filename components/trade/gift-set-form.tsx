"use client";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveGiftSet } from "@/lib/actions/gift-sets";
import { giftSetSchema, MAX_GIFT_SET_ITEMS, type GiftSetInput } from "@/lib/validation/trade";
import { ProductPicker } from "./product-picker";

export type GiftSetItemValue = { productId: string; note: string; name: string; producer: string; star: number | null; listed: boolean };
export type GiftSetFormValues = Omit<GiftSetInput, "items" | "priceVnd"> & { priceVnd: string; items: GiftSetItemValue[] };

/** Create or edit a gift set: its words, its price and the products in it, in order. */
export function GiftSetForm({ initial }: { initial: GiftSetFormValues }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<GiftSetFormValues, unknown, z.output<typeof giftSetSchema>>({
    resolver: zodResolver(giftSetSchema) as unknown as Resolver<GiftSetFormValues, unknown, z.output<typeof giftSetSchema>>,
    defaultValues: initial,
  });
  const { register, control, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`gift-set:${initial.giftSetId ?? "new"}`, form as unknown as UseFormReturn<GiftSetFormValues>, initial.version);
  const items = useFieldArray({ control, name: "items", keyName: "key" });
  const err = useFieldError(formState.errors);
  const watched = useWatch({ control, name: "items" });
  const chosen = useMemo(() => new Set(watched.map((i) => i.productId)), [watched]);
  const onSubmit = handleSubmit(
    () => {
      setStatus(null);
      startTransition(async () => {
        const result = await callAction(() => saveGiftSet(getValues()));
        if (!result.ok) {
          applyServerErrors(setError, result.fieldErrors);
          return setStatus({ ok: false, text: t(`errors.${result.code}`) });
        }
        unsaved.clear();
        router.push(`/manage/gift-sets/${result.data.id}?saved=1`);
      });
    },
    () => setStatus({ ok: false, text: t("errors.VALIDATION") }),
  );
  const itemsError = err("items") ?? (formState.errors.items?.root?.message ? t(formState.errors.items.root.message as never) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("giftSets.restored")}</p> : null}
      <Field label={t("giftSets.name")} registration={register("name")} error={err("name")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("giftSets.occasion")} hint={t("giftSets.occasionHint")} registration={register("occasion")} error={err("occasion")} />
        <Field label={t("giftSets.price")} hint={t("giftSets.priceHint")} registration={register("priceVnd")} error={err("priceVnd")} inputMode="decimal" />
      </div>
      <TextAreaField label={t("giftSets.story")} hint={t("giftSets.storyHint")} registration={register("story")} error={err("story")} rows={10} />
      <fieldset>
        <legend className="text-lg font-semibold">{t("giftSets.itemsTitle", { count: items.fields.length, max: MAX_GIFT_SET_ITEMS })}</legend>
        {itemsError ? <p role="alert" className="mt-1 text-sm text-red-700">{itemsError}</p> : null}
        {items.fields.length === 0 ? <p className="mt-1 text-sm text-stone-600">{t("giftSets.itemsEmpty")}</p> : (
          <ol className="mt-2 space-y-2">
            {items.fields.map((f, i) => (
              <li key={f.key} className="rounded-md border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 flex-1">
                    <span className="block font-medium break-words">{i + 1}. {f.name}</span>
                    <span className="block text-xs text-stone-600">
                      {f.producer}
                      {f.listed ? (f.star ? ` · ${t("common.stars", { count: f.star })}` : "") : ` · ${t("trade.notRecognised")}`}
                    </span>
                  </p>
                  <div className="flex flex-wrap gap-1">
                    <button type="button" className={buttonClass("ghost")} disabled={i === 0} onClick={() => items.move(i, i - 1)}>
                      {t("giftSets.moveUp")}<span className="sr-only"> — {f.name}</span>
                    </button>
                    <button type="button" className={buttonClass("ghost")} disabled={i === items.fields.length - 1} onClick={() => items.move(i, i + 1)}>
                      {t("giftSets.moveDown")}<span className="sr-only"> — {f.name}</span>
                    </button>
                    <button type="button" className={buttonClass("ghost")} onClick={() => items.remove(i)}>
                      {t("giftSets.removeItem")}<span className="sr-only"> — {f.name}</span>
                    </button>
                  </div>
                </div>
                <div className="mt-2">
                  <Field label={t("giftSets.itemNote", { name: f.name })} registration={register(`items.${i}.note`)} error={err(`items.${i}.note`)} />
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="mt-3">
          {items.fields.length < MAX_GIFT_SET_ITEMS ? (
            <ProductPicker chosen={chosen} disabled={pending} onPick={(p) => items.append({ productId: p.id, note: "", name: p.name, producer: p.producer, star: p.star, listed: true })} />
          ) : (
            <p className="text-sm text-stone-700">{t("giftSets.itemsFull", { max: MAX_GIFT_SET_ITEMS })}</p>
          )}
        </div>
      </fieldset>
      <div role="status" aria-live="polite">{status ? <p className={status.ok ? "text-brand-700" : "text-red-700"}>{status.text}</p> : null}</div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("common.save")}</button>
        <a href={initial.giftSetId ? `/manage/gift-sets/${initial.giftSetId}` : "/manage/gift-sets"} className={buttonClass("secondary")}>{t("common.back")}</a>
      </div>
    </form>
  );
}
