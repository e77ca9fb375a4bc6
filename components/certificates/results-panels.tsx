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
import { buttonClass } from "@/components/ui/button";
import { checkResult, recordRecognitionDecision, recordReferralOutcome, releaseRoundResults, returnResult } from "@/lib/actions/results";
import { LEVELS, recognitionDecisionSchema, referralOutcomeSchema, type RecognitionDecisionInput, type ReferralOutcomeInput } from "@/lib/validation/results";
import { useActionStatus } from "./action-status";
import { useConfirm } from "@/components/ocop/confirm-dialog";

/** Check a staged result, or send a checked one back with the reason. */
export function ResultRowActions({ dossierId, status, productName }: { dossierId: string; status: string; productName: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState("");
  const { show, node } = useActionStatus();
  const run = (call: () => ReturnType<typeof checkResult>) =>
    startTransition(async () => {
      const r = await callAction(call);
      show(r, t("results.done"));
      if (r.ok) {
        setReturning(false);
        setNote("");
        router.refresh();
      }
    });
  if (status === "STAGED") {
    return (
      <div>
        <button type="button" disabled={pending} aria-busy={pending} className={buttonClass("secondary")} onClick={() => run(() => checkResult({ dossierId }))}>
          {t("results.check")}
          <span className="sr-only"> — {productName}</span>
        </button>
        {node}
      </div>
    );
  }
  if (status !== "CHECKED") return null;
  return (
    <div>
      {returning ? (
        <div className="grid gap-2">
          <label className="text-sm font-medium" htmlFor={`return-${dossierId}`}>{t("results.returnNote")}</label>
          <textarea id={`return-${dossierId}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className="w-full rounded-md border border-stone-400 p-2" />
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={pending} aria-busy={pending} className={buttonClass("secondary")} onClick={() => run(() => returnResult({ dossierId, note }))}>
              {t("results.returnConfirm")}
            </button>
            <button type="button" className={buttonClass("ghost")} onClick={() => setReturning(false)}>{t("common.cancel")}</button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass("ghost")} onClick={() => setReturning(true)}>
          {t("results.returnToStaged")}
          <span className="sr-only"> — {productName}</span>
        </button>
      )}
      {node}
    </div>
  );
}

/** The signed recognition decision of a round (number, date, signer). */
export function DecisionForm({ roundId, today }: { roundId: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionStatus();
  const { register, handleSubmit, setError, getValues, reset, formState } = useForm<RecognitionDecisionInput, unknown, z.output<typeof recognitionDecisionSchema>>({
    resolver: zodResolver(recognitionDecisionSchema),
    defaultValues: { roundId, number: "", signedOn: today, signerName: "", signerTitle: "", note: "" },
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => recordRecognitionDecision(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("results.decisionSaved"));
      if (r.ok) {
        reset({ roundId, number: "", signedOn: today, signerName: getValues("signerName"), signerTitle: getValues("signerTitle"), note: "" });
        router.refresh();
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid max-w-3xl gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-label={t("results.addDecision")}>
      <Field label={t("results.decisionNumber")} hint={t("results.decisionNumberHint")} required registration={register("number")} error={err("number")} autoComplete="off" />
      <Field label={t("results.signedOn")} type="date" required registration={register("signedOn")} error={err("signedOn")} />
      <Field label={t("results.signerName")} required registration={register("signerName")} error={err("signerName")} autoComplete="off" />
      <Field label={t("results.signerTitle")} hint={t("results.signerTitleHint")} required registration={register("signerTitle")} error={err("signerTitle")} />
      <div className="sm:col-span-2">
        <TextAreaField label={t("results.note")} rows={2} registration={register("note")} error={err("note")} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>{t("results.addDecision")}</button>
        {node}
      </div>
    </form>
  );
}

/** Releases the round's checked results together, after a confirmation. */
export function ReleasePanel({ roundId, checked, decisions, needsDecision }: { roundId: string; checked: number; decisions: { id: string; label: string }[]; needsDecision: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Until the officer picks one, the newest decision is proposed (also one recorded after this
  // panel first rendered).
  const [choice, setDecisionId] = useState<string | null>(null);
  const decisionId = choice ?? decisions[0]?.id ?? "";
  const { show, node } = useActionStatus();
  const { ask, dialog } = useConfirm("primary");
  // After a release the list is empty again: keep the outcome message in view.
  if (checked === 0) return <div className="mt-2"><p className="text-stone-700">{t("results.releaseNothing")}</p>{node}</div>;
  const release = async () => {
    if (!(await ask(t("results.releaseConfirm", { count: checked })))) return;
    startTransition(async () => {
      const r = await callAction(() => releaseRoundResults({ roundId, decisionId }));
      if (r.ok) show(r, t("results.released", { recognised: r.data.recognised, referred: r.data.referred, notRecognised: r.data.notRecognised, rejected: r.data.rejected }));
      else show(r, "");
      if (r.ok) router.refresh();
    });
  };
  return (
    <div className="mt-3 max-w-3xl rounded-lg border border-brand-100 bg-white p-4">
      <p>{t("results.releaseExplain", { count: checked })}</p>
      <label className="mt-3 flex flex-col gap-1 text-sm font-medium" htmlFor="release-decision">
        {t("results.releaseDecision")}
      </label>
      <select id="release-decision" value={decisionId} onChange={(e) => setDecisionId(e.target.value)} className="min-h-11 w-full max-w-xl rounded-md border border-stone-400 bg-white px-2" aria-describedby={needsDecision && decisions.length === 0 ? "release-needs-decision" : undefined}>
        {decisions.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
        <option value="">{t("results.releaseNoDecision")}</option>
      </select>
      {needsDecision && decisions.length === 0 ? <p id="release-needs-decision" className="mt-1 text-sm text-red-700">{t("results.decisionRequired")}</p> : null}
      <button type="button" disabled={pending} aria-busy={pending} className={buttonClass("primary", "mt-3")} onClick={() => void release()}>
        {t("results.releaseSubmit", { count: checked })}
      </button>
      {node}
      {dialog}
    </div>
  );
}

/** What the higher level answered on a referral: star, score, decision, level. */
export function ReferralOutcomeForm({ referralId, today, defaultLevel }: { referralId: string; today: string; defaultLevel: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionStatus();
  const { register, handleSubmit, setError, getValues, formState } = useForm<ReferralOutcomeInput, unknown, z.output<typeof referralOutcomeSchema>>({
    resolver: zodResolver(referralOutcomeSchema),
    defaultValues: { referralId, star: "5", average: "", decidedOn: today, decisionNumber: "", level: defaultLevel as ReferralOutcomeInput["level"], signerName: "", signerTitle: "", note: "" },
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      const r = await callAction(() => recordReferralOutcome(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("results.outcomeSaved"));
      if (r.ok) router.refresh();
    }),
  );
  const stars = [
    { value: "5", label: t("common.stars", { count: 5 }) },
    { value: "4", label: t("common.stars", { count: 4 }) },
    { value: "3", label: t("common.stars", { count: 3 }) },
    { value: "", label: t("results.outcomeNoStar") },
  ];
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2" aria-label={t("results.outcomeTitle")}>
      <SelectField label={t("results.outcomeStar")} required registration={register("star")} error={err("star")} options={stars} />
      <Field label={t("results.outcomeAverage")} hint={t("results.outcomeAverageHint")} inputMode="decimal" registration={register("average")} error={err("average")} />
      <Field label={t("results.outcomeDecidedOn")} type="date" required registration={register("decidedOn")} error={err("decidedOn")} />
      <Field label={t("results.outcomeDecisionNumber")} registration={register("decisionNumber")} error={err("decisionNumber")} autoComplete="off" />
      <SelectField
        label={t("results.outcomeLevel")}
        hint={t("results.outcomeLevelHint")}
        registration={register("level")}
        error={err("level")}
        placeholder={t("results.chooseLevel")}
        options={LEVELS.map((l) => ({ value: l, label: t(`certificates.levels.${l}`) }))}
      />
      <Field label={t("results.signerTitle")} registration={register("signerTitle")} error={err("signerTitle")} />
      <Field label={t("results.signerName")} registration={register("signerName")} error={err("signerName")} autoComplete="off" />
      <TextAreaField label={t("results.note")} rows={2} registration={register("note")} error={err("note")} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary")}>{t("results.outcomeSubmit")}</button>
        {node}
      </div>
    </form>
  );
}
