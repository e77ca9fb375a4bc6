"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { buttonClass } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import { commentOnPlan, logSupportActivity, reportMilestone, transitionPlan, updateSupportStatus } from "@/lib/actions/plans";
import type { BusinessPlanAction } from "@/lib/domain/workflow";
import { supportActivitySchema, type SupportActivityInput } from "@/lib/validation/plans";

function useResult() {
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (r: { ok: true } | { ok: false; code: string; fieldErrors?: Record<string, string[]> }, okText: string) => {
    if (r.ok) return setMessage({ ok: true, text: okText });
    // Name each missing or wrong field, since a plan's detail page has no form to mark.
    const fields = Object.entries(r.fieldErrors ?? {}).map(([field, keys]) => `${t(`plans.${field.split(".")[0]}` as never)}: ${t(keys[0] as never)}`);
    setMessage({ ok: false, text: [t(`errors.${r.code}` as never), ...fields].join(" ") });
  };
  const node = <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>{message?.text}</p>;
  return { show, node };
}

export function PlanActions({ planId, name, actions }: { planId: string; name: string; actions: BusinessPlanAction[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [pending, startTransition] = useTransition();
  const { show, node } = useResult();
  if (actions.length === 0) return null;
  const run = (action: BusinessPlanAction) => {
    if (action === "reject" && !window.confirm(t("workflow.confirmReject", { name }))) return;
    if (action === "withdraw" && !window.confirm(t("workflow.confirmWithdraw", { name }))) return;
    startTransition(async () => {
      const r = await callAction(() => transitionPlan({ planId, action, comment }));
      show(r, t("workflow.done"));
      if (r.ok) {
        setComment("");
        router.refresh();
      }
    });
  };
  return (
    <section className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-4" aria-label={t("ideas.status")}>
      {actions.some((a) => a === "return" || a === "reject" || a === "approve") ? (
        <>
          <label htmlFor="plan-comment" className="block text-sm font-medium">{t("workflow.commentLabel")}</label>
          <textarea id="plan-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
        </>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {actions.map((a) => (
          <button key={a} type="button" disabled={pending} onClick={() => run(a)} className={buttonClass(a === "reject" || a === "withdraw" ? "secondary" : "primary")}>
            {t(`workflow.${a}`)}
          </button>
        ))}
      </div>
      {node}
    </section>
  );
}

export function CommentPanel({ planId }: { planId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [pending, startTransition] = useTransition();
  const { show, node } = useResult();
  return (
    <section aria-labelledby="comments" className="mt-8 max-w-2xl">
      <h2 id="comments" className="text-lg font-semibold">{t("plans.comments")}</h2>
      <label htmlFor="ward-comment" className="mt-2 block text-sm font-medium">{t("plans.addComment")}</label>
      <p className="text-xs text-stone-600">{t("plans.commentHint")}</p>
      <textarea id="ward-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
      <button type="button" disabled={pending} className={buttonClass("secondary", "mt-2")} onClick={() => startTransition(async () => {
        const r = await callAction(() => commentOnPlan({ planId, comment }));
        show(r, t("workflow.done"));
        if (r.ok) { setComment(""); router.refresh(); }
      })}>{t("plans.addComment")}</button>
      {node}
    </section>
  );
}

const KINDS = ["TRAINING", "CONSULTING", "PACKAGING_DESIGN", "QUALITY_TESTING", "QMS_CERTIFICATION", "EQUIPMENT", "TRADE_PROMOTION", "CREDIT"] as const;
const SOURCES = ["NATIONAL_TARGET_PROGRAMME", "PROVINCE", "CITY", "PRODUCER", "OTHER"] as const;
const STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;

export function SupportForm({ planId, today }: { planId: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useResult();
  const { register, handleSubmit, setError, getValues, reset, formState } = useForm<SupportActivityInput, unknown, z.output<typeof supportActivitySchema>>({
    resolver: zodResolver(supportActivitySchema),
    defaultValues: { planId, kind: "TRAINING", fundingSource: "NATIONAL_TARGET_PROGRAMME", amount: "", date: today, status: "PLANNED", note: "" },
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => logSupportActivity(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("workflow.done"));
      if (r.ok) {
        reset({ ...getValues(), amount: "", note: "" });
        router.refresh();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid max-w-3xl gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-label={t("plans.addSupport")}>
      <SelectField label={t("plans.kind")} registration={register("kind")} error={err("kind")} options={KINDS.map((k) => ({ value: k, label: t(`supportKind.${k}`) }))} />
      <SelectField label={t("plans.fundingSource")} registration={register("fundingSource")} error={err("fundingSource")} options={SOURCES.map((k) => ({ value: k, label: t(`fundingSource.${k}`) }))} />
      <Field label={t("plans.amount")} hint={t("plans.moneyHint")} registration={register("amount")} error={err("amount")} inputMode="decimal" />
      <Field label={t("plans.date")} type="date" registration={register("date")} error={err("date")} />
      <SelectField label={t("plans.supportStatus")} registration={register("status")} error={err("status")} options={STATUSES.map((k) => ({ value: k, label: t(`supportStatus.${k}`) }))} />
      <TextAreaField label={t("plans.note")} registration={register("note")} error={err("note")} rows={2} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{t("plans.addSupport")}</button>
        {node}
      </div>
    </form>
  );
}

export function MilestoneReport({ planId, milestoneId, title, today }: { planId: string; milestoneId: string; title: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [doneOn, setDoneOn] = useState(today);
  const [report, setReport] = useState("");
  const [pending, startTransition] = useTransition();
  const { show, node } = useResult();
  if (!open) return <button type="button" className={buttonClass("ghost")} onClick={() => setOpen(true)}>{t("plans.reportMilestone")}<span className="sr-only"> — {title}</span></button>;
  return (
    <div className="mt-2 grid gap-2">
      <label className="text-sm">{t("plans.doneOn")}<input type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} className="ml-2 min-h-11 rounded-md border border-stone-400 px-2" /></label>
      <label className="text-sm">{t("plans.report")}<textarea rows={2} value={report} onChange={(e) => setReport(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" /></label>
      <button type="button" disabled={pending} className={buttonClass("primary", "justify-self-start")} onClick={() => startTransition(async () => {
        const r = await callAction(() => reportMilestone({ planId, milestoneId, doneOn, report }));
        show(r, t("workflow.done"));
        if (r.ok) router.refresh();
      })}>{t("plans.reportMilestone")}</button>
      {node}
    </div>
  );
}

export function SupportStatus({ planId, supportId, status }: { planId: string; supportId: string; status: (typeof STATUSES)[number] }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useResult();
  return (
    <div className="mt-1">
      <label className="text-sm">
        {t("plans.supportStatus")}{" "}
        <select
          defaultValue={status}
          disabled={pending}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
          onChange={(e) => {
            const next = e.target.value as (typeof STATUSES)[number];
            startTransition(async () => {
              const r = await callAction(() => updateSupportStatus({ planId, supportId, status: next }));
              show(r, t("workflow.done"));
              if (r.ok) router.refresh();
            });
          }}
        >
          {STATUSES.map((s) => <option key={s} value={s}>{t(`supportStatus.${s}`)}</option>)}
        </select>
      </label>
      {node}
    </div>
  );
}
