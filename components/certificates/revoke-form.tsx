"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Field, SelectField, TextAreaField } from "@/components/forms/field";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors, useFieldError } from "@/components/forms/use-field-error";
import { buttonClass } from "@/components/ui/button";
import { revokeCertificate } from "@/lib/actions/certificates";
import { REVOCATION_GROUNDS, revokeCertificateSchema, type RevokeCertificateInput } from "@/lib/validation/certificates";
import { useActionStatus } from "./action-status";
import { useConfirm } from "@/components/ocop/confirm-dialog";

/** The inspection whose revocation proposal the decision answers: the form starts from its ground and findings. */
type Proposal = { findings: string; revocationGround: RevokeCertificateInput["ground"] | null } | null;

/** The office's revocation panel (QĐ26 Art. 8): ground, signed decision, finding; confirmed before it runs. */
export function RevokeForm({ certificateId, number, today, proposal = null }: { certificateId: string; number: string; today: string; proposal?: Proposal }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionStatus();
  const { ask, dialog } = useConfirm("danger");
  const { register, handleSubmit, setError, getValues, formState } = useForm<RevokeCertificateInput, unknown, z.output<typeof revokeCertificateSchema>>({
    resolver: zodResolver(revokeCertificateSchema),
    defaultValues: { certificateId, ground: proposal?.revocationGround ?? "B", decisionNumber: "", decidedOn: today, signerName: "", signerTitle: "", note: proposal?.findings ?? "" },
  });
  const err = useFieldError(formState.errors);
  const onSubmit = handleSubmit(async () => {
    if (!(await ask(t("certificates.revokeConfirm", { number })))) return;
    startTransition(async () => {
      const r = await callAction(() => revokeCertificate(getValues()));
      if (!r.ok) applyServerErrors(setError, r.fieldErrors);
      show(r, t("certificates.revoked"));
      if (r.ok) router.refresh();
    });
  });
  return (
    <section aria-labelledby="revoke-title" className="mt-8 max-w-3xl rounded-lg border border-red-200 bg-white p-4">
      <h2 id="revoke-title" className="text-lg font-semibold text-red-800">{t("certificates.revokeTitle")}</h2>
      <p className="mt-1 text-sm text-stone-700">{t("certificates.revokeIntro")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <SelectField label={t("certificates.ground")} required registration={register("ground")} error={err("ground")} options={REVOCATION_GROUNDS.map((g) => ({ value: g, label: t(`revocationGrounds.${g}`) }))} />
        </div>
        <Field label={t("certificates.decisionNumber")} required registration={register("decisionNumber")} error={err("decisionNumber")} />
        <Field label={t("certificates.decidedOn")} required type="date" registration={register("decidedOn")} error={err("decidedOn")} />
        <Field label={t("certificates.signerName")} required registration={register("signerName")} error={err("signerName")} autoComplete="off" />
        <Field label={t("certificates.signerTitle")} required registration={register("signerTitle")} error={err("signerTitle")} />
        <div className="sm:col-span-2">
          <TextAreaField label={t("certificates.note")} hint={t("certificates.noteHint")} required rows={3} registration={register("note")} error={err("note")} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("danger")}>
            {t("certificates.revokeSubmit")}
          </button>
          {node}
        </div>
      </form>
      {dialog}
    </section>
  );
}
