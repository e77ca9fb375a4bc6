"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { verifyProducer } from "@/lib/actions/producers";
import { callAction } from "@/components/forms/call-action";
import { useRouter } from "next/navigation";

export function VerifyPanel({ producerId, name }: { producerId: string; name: string }) {
  const router = useRouter();
  const t = useTranslations();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (decision: "VERIFIED" | "REJECTED") => {
    if (decision === "REJECTED" && note.trim().length >= 3 && !window.confirm(t("verify.confirmReject", { name }))) return;
    startTransition(async () => {
      const result = await callAction(() => verifyProducer({ producerId, decision, note }));
      if (result.ok) {
        setMessage(t("verify.done"));
        router.refresh();
      }
      else setMessage(t(result.fieldErrors?.note ? (result.fieldErrors.note[0] as never) : (`errors.${result.code}` as never)));
    });
  };
  return (
    <section aria-labelledby="verify" className="mt-6 max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="verify" className="text-lg font-semibold">{t("verify.title")}</h2>
      <label htmlFor="verify-note" className="mt-3 block text-sm font-medium">{t("verify.note")}</label>
      <textarea id="verify-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className="mt-1 w-full rounded-md border border-stone-400 bg-white p-2" />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClass("primary")} disabled={pending} onClick={() => decide("VERIFIED")}>{t("verify.approve")}</button>
        <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={() => decide("REJECTED")}>{t("verify.reject")}</button>
      </div>
      <p role="status" className="mt-2 text-sm">{message}</p>
    </section>
  );
}
