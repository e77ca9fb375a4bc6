"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, TextAreaField } from "@/components/forms/field";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { useConfirm } from "@/components/ocop/confirm-dialog";
import { approvePointOfSale, closePointOfSale, refusePointOfSale } from "@/lib/actions/points-of-sale";
import type { PointOfSaleAction } from "@/lib/domain/points-of-sale";
import { approvePointOfSaleSchema, pointOfSaleNoteSchema } from "@/lib/validation/trade";
import type { ActionResult } from "@/lib/errors";

type Props = { pointOfSaleId: string; version: number; name: string; actions: PointOfSaleAction[]; compliant: boolean; today: string };

function useOutcome() {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const after = (r: ActionResult<unknown>, done: string) => {
    setMessage(r.ok ? { ok: true, text: done } : { ok: false, text: t(`errors.${r.code}`) });
    if (r.ok) router.refresh();
  };
  const node = <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>{message?.text}</p>;
  return { after, node };
}

/** The office's decision on an application: approve with the decision, refuse or close with a reason. */
export function PointOfSaleDecision({ pointOfSaleId, version, name, actions, compliant, today }: Props) {
  const t = useTranslations();
  return (
    <section aria-labelledby="decision" className="mt-6 grid max-w-3xl gap-4">
      <h2 id="decision" className="text-lg font-semibold">{t("posDesk.decisionTitle")}</h2>
      {actions.includes("approve") ? <ApproveForm pointOfSaleId={pointOfSaleId} version={version} name={name} compliant={compliant} today={today} /> : null}
      {actions.includes("refuse") ? <NoteForm action="refuse" pointOfSaleId={pointOfSaleId} version={version} name={name} /> : null}
      {actions.includes("close") ? <NoteForm action="close" pointOfSaleId={pointOfSaleId} version={version} name={name} /> : null}
    </section>
  );
}

function ApproveForm({ pointOfSaleId, version, name, compliant, today }: Omit<Props, "actions">) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const { ask, dialog } = useConfirm("primary");
  const { after, node } = useOutcome();
  const { register, handleSubmit, setError, getValues, formState } = useForm<z.input<typeof approvePointOfSaleSchema>, unknown, z.output<typeof approvePointOfSaleSchema>>({
    resolver: zodResolver(approvePointOfSaleSchema),
    defaultValues: { pointOfSaleId, version, decisionNo: "", approvedOn: today, note: "" },
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(async () => {
    // Approving a point that does not meet the rules is the office's call, made knowingly.
    if (!(await ask(compliant ? t("posDesk.confirmApprove", { name }) : t("posDesk.confirmApproveNonCompliant", { name })))) return;
    startTransition(async () => {
      const r = await callAction(() => approvePointOfSale({ ...getValues(), pointOfSaleId, version }));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      after(r, t("posDesk.approved"));
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" aria-labelledby="approve-title">
      <h3 id="approve-title" className="font-semibold sm:col-span-2">{t("posDesk.approveTitle")}</h3>
      <Field label={t("posDesk.decisionNo")} hint={t("posDesk.decisionNoHint")} registration={register("decisionNo")} error={err("decisionNo")} required />
      <Field label={t("posDesk.approvedOn")} type="date" registration={register("approvedOn")} error={err("approvedOn")} required />
      <div className="sm:col-span-2">
        <TextAreaField label={t("posDesk.noteOptional")} registration={register("note")} error={err("note")} rows={2} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>{pending ? t("common.saving") : t("posDesk.approve")}</button>
        {node}
      </div>
      {dialog}
    </form>
  );
}

function NoteForm({ action, pointOfSaleId, version, name }: { action: "refuse" | "close"; pointOfSaleId: string; version: number; name: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const { ask, dialog } = useConfirm("danger");
  const { after, node } = useOutcome();
  const { register, handleSubmit, setError, getValues, formState } = useForm<z.input<typeof pointOfSaleNoteSchema>, unknown, z.output<typeof pointOfSaleNoteSchema>>({
    resolver: zodResolver(pointOfSaleNoteSchema),
    defaultValues: { pointOfSaleId, version, note: "" },
  });
  const err = useFieldError(formState.errors);
  const run = action === "refuse" ? refusePointOfSale : closePointOfSale;
  const onSubmit = handleSubmit(async () => {
    if (!(await ask(t(action === "refuse" ? "posDesk.confirmRefuse" : "posDesk.confirmClose", { name })))) return;
    startTransition(async () => {
      const r = await callAction(() => run({ ...getValues(), pointOfSaleId, version }));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      after(r, t(action === "refuse" ? "posDesk.refused" : "posDesk.closed"));
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby={`${action}-title`}>
      <h3 id={`${action}-title`} className="font-semibold">{t(action === "refuse" ? "posDesk.refuseTitle" : "posDesk.closeTitle")}</h3>
      <TextAreaField label={t("posDesk.reason")} hint={t("posDesk.reasonHint")} registration={register("note")} error={err("note")} rows={3} required />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("danger")}>{pending ? t("common.saving") : t(action === "refuse" ? "posDesk.refuse" : "posDesk.close")}</button>
        {node}
      </div>
      {dialog}
    </form>
  );
}
