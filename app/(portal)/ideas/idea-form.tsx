"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField, type Option } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { buttonClass } from "@/components/ui/button";
import { saveIdeaDraft } from "@/lib/actions/ideas";
import { callAction } from "@/components/forms/call-action";
import { useUnsavedInput } from "@/components/forms/use-unsaved-input";
import { ideaDraftSchema, type IdeaDraftInput } from "@/lib/validation/ideas";

type Props = { initial: IdeaDraftInput; setOptions: Option[]; years: number[]; notice?: { saved: boolean; similar: string[] } };

export function IdeaForm({ initial, setOptions, years, notice }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string; similar?: string[] } | null>(
    notice && (notice.saved || notice.similar.length) ? { ok: true, text: notice.saved ? t("ideas.saved") : "", similar: notice.similar } : null,
  );
  const ideaId = initial.ideaId;
  const [version, setVersion] = useState(initial.version);
  const form = useForm<IdeaDraftInput, unknown, z.output<typeof ideaDraftSchema>>({
    resolver: zodResolver(ideaDraftSchema),
    defaultValues: initial,
  });
  const { register, handleSubmit, setError, getValues, formState } = form;
  const unsaved = useUnsavedInput(`idea:${ideaId ?? "new"}`, form, version);
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() => {
    setStatus(null);
    startTransition(async () => {
      const result = await callAction(() => saveIdeaDraft({ ...getValues(), ideaId, version }));
      if (!result.ok) {
        applyServerErrors(setError, result.fieldErrors);
        setStatus({ ok: false, text: t(`errors.${result.code}`) });
        return;
      }
      const similar: string[] = [];
      if (result.data.similarOwn.length) similar.push(t("ideas.similarOwn", { names: result.data.similarOwn.join("; ") }));
      if (result.data.similarWardCount) similar.push(t("ideas.similarWard", { count: result.data.similarWardCount }));
      unsaved.clear();
      setVersion(result.data.version);
      setStatus({ ok: true, text: t("ideas.saved"), similar });
      // A new draft moves to its own address, so a reload or tomorrow's visit finds it; the edit
      // page repeats the "saved" notice and the similar-name warnings.
      if (!ideaId) router.replace(`/ideas/${result.data.ideaId}/edit?saved=1`);
      else router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex max-w-2xl flex-col gap-4" aria-busy={pending}>
      {unsaved.restored ? <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">{t("common.restored")}</p> : null}
      <Field label={t("ideas.productName")} registration={register("productName")} error={err("productName")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("ideas.novelty")} registration={register("novelty")} error={err("novelty")} options={(["NEW_PRODUCT", "EXISTING_PRODUCT"] as const).map((v) => ({ value: v, label: t(`novelty.${v}`) }))} />
        <SelectField label={t("ideas.cycleYear")} registration={register("cycleYear")} error={err("cycleYear")} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <SelectField label={t("ideas.classification")} hint={t("ideas.classificationHint")} registration={register("criteriaSetNo")} error={err("criteriaSetNo")} options={setOptions} placeholder={t("ideas.chooseSet")} />
      <TextAreaField label={t("ideas.description")} registration={register("description")} error={err("description")} />
      <TextAreaField label={t("ideas.rawMaterials")} registration={register("rawMaterials")} error={err("rawMaterials")} rows={3} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextAreaField label={t("ideas.localLabour")} registration={register("localLabour")} error={err("localLabour")} rows={2} />
        <Field label={t("ideas.localWorkerCount")} registration={register("localWorkerCount")} error={err("localWorkerCount")} inputMode="numeric" />
      </div>
      <SelectField label={t("ideas.ideaOrigin")} registration={register("ideaOrigin")} error={err("ideaOrigin")} placeholder="—" options={(["TRADITIONAL", "NEW"] as const).map((v) => ({ value: v, label: t(`ideaOrigin.${v}`) }))} />
      <TextAreaField label={t("ideas.localIdentity")} registration={register("localIdentity")} error={err("localIdentity")} rows={3} />
      <TextAreaField label={t("ideas.targetMarket")} registration={register("targetMarket")} error={err("targetMarket")} rows={2} />
      <div role="status" aria-live="polite">
        {status ? (
          <div className={status.ok ? "text-brand-700" : "text-red-700"}>
            <p>{status.text}</p>
            {status.similar?.map((s) => (
              <p key={s} className="mt-1 rounded-md bg-amber-50 p-2 text-amber-900" data-testid="similar-warning">{s}</p>
            ))}
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("common.saving") : t("ideas.saveDraft")}
        </button>
        {ideaId ? (
          <a href={`/ideas/${ideaId}`} className={buttonClass("secondary")}>{t("common.back")}</a>
        ) : null}
      </div>
    </form>
  );
}
