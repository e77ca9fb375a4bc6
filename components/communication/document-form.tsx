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
import { saveLibraryDocument } from "@/lib/actions/documents";
import { LIBRARY_KINDS, libraryDocumentSchema, type LibraryDocumentInput } from "@/lib/validation/communication";

/** The details of a library document; a new one becomes a draft and opens its page. */
export function DocumentForm({ initial, created = false }: { initial: LibraryDocumentInput; created?: boolean }) {
  const t = useTranslations("library");
  const e = useTranslations("errors");
  const c = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(initial.version);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(created ? { ok: true, text: t("createdGoOn") } : null);
  const form = useForm<LibraryDocumentInput, unknown, z.output<typeof libraryDocumentSchema>>({ resolver: zodResolver(libraryDocumentSchema), defaultValues: initial });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`library:${initial.documentId ?? "new"}`, form, version);
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => saveLibraryDocument({ ...getValues(), documentId: initial.documentId, version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        return setStatus({ ok: false, text: e(result.code) });
      }
      unsaved.clear();
      setVersion(result.data.version);
      if (!initial.documentId) return router.replace(`/manage/documents/${result.data.documentId}?created=1`);
      setStatus({ ok: true, text: t("saved") });
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-3xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{c("restored")}</p> : null}
      <TextAreaField label={t("fieldTitle")} registration={register("title")} error={err("title")} rows={2} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fieldNumber")} hint={t("numberHint")} registration={register("number")} error={err("number")} autoComplete="off" />
        <Field label={t("fieldIssuedOn")} type="date" registration={register("issuedOn")} error={err("issuedOn")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fieldIssuer")} hint={t("issuerHint")} registration={register("issuer")} error={err("issuer")} required />
        <SelectField
          label={t("fieldKind")}
          registration={register("kind")}
          error={err("kind")}
          required
          placeholder={t("chooseKind")}
          options={LIBRARY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </div>
      <TextAreaField label={t("fieldSummary")} registration={register("summary")} error={err("summary")} rows={5} />
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
