"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { buttonClass } from "@/components/ui/button";
import { saveNewsArticle } from "@/lib/actions/news";
import { newsArticleSchema, type NewsArticleInput } from "@/lib/validation/communication";

/** Title, summary and text of an article; a new one becomes a draft and opens its page. */
export function NewsForm({ initial, created = false }: { initial: NewsArticleInput; created?: boolean }) {
  const t = useTranslations("news");
  const e = useTranslations("errors");
  const c = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(created ? { ok: true, text: t("createdGoOn") } : null);
  const form = useForm<NewsArticleInput, unknown, z.output<typeof newsArticleSchema>>({ resolver: zodResolver(newsArticleSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`news:${initial.articleId ?? "new"}`, form, version);
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => saveNewsArticle({ ...getValues(), articleId: initial.articleId, version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        return setStatus({ ok: false, text: e(result.code) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      if (!initial.articleId) return router.replace(`/manage/news/${result.data.articleId}?created=1`);
      setStatus({ ok: true, text: t("saved") });
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{c("restored")}</p> : null}
      <Field label={t("fieldTitle")} registration={register("title")} error={err("title")} required />
      <TextAreaField label={t("fieldSummary")} hint={t("summaryHint")} registration={register("summary")} error={err("summary")} rows={3} required />
      <TextAreaField label={t("fieldBody")} hint={t("bodyHint")} registration={register("body")} error={err("body")} rows={16} required />
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
