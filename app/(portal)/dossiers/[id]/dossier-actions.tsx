"use client";
import { useId, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { transitionDossier } from "@/lib/actions/dossiers";
import { MISSING_ITEM_CHOICES, type DossierDeskAction } from "@/lib/validation/dossiers";
import { fieldLabelKey } from "../dossier-ui";

type Failure = { code: string; fieldErrors?: Record<string, string[]> };

/** Turns a refusal's field errors into sentences naming what is missing (the self-score's items are counted, not listed). */
export function useProblemList() {
  const t = useTranslations();
  return (fieldErrors: Record<string, string[]> | undefined) => {
    const entries = Object.entries(fieldErrors ?? {});
    const unscored = entries.filter(([k]) => /^selfScore\.items\./.test(k) && fieldErrors![k]![0] === "dossiers.notScored").length;
    return entries
      .filter(([k, v]) => !(/^selfScore\.items\./.test(k) && v[0] === "dossiers.notScored"))
      .map(([path, keys]) => {
        const { key, values } = fieldLabelKey(path);
        const message = path === "selfScore" && unscored > 0 ? t("dossiers.unscoredCount", { count: unscored }) : t(keys[0] as never);
        // A field this screen has no words for is still reported, under a generic name.
        const label = t.has(key as never) ? t(key as never, values as never) : t("dossierForms.other");
        return `${label}: ${message}`;
      });
  };
}

const NEEDS_REASON: readonly DossierDeskAction[] = ["return", "reject", "request-supplement"];
const CHECKLIST: readonly DossierDeskAction[] = ["return", "request-supplement"];
const CONFIRM: readonly DossierDeskAction[] = ["reject", "withdraw"];

/** The steps the actor may take on the dossier now, each with what it needs (reason, checklist, confirmation). */
export function DossierActions({ dossierId, name, actions, form03Missing }: { dossierId: string; name: string; actions: DossierDeskAction[]; form03Missing: number }) {
  const t = useTranslations();
  const router = useRouter();
  const problemList = useProblemList();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<DossierDeskAction | null>(null);
  const [result, setResult] = useState<{ ok: true; text: string } | ({ ok: false; text: string; problems: string[] }) | null>(null);
  if (actions.length === 0) return null;
  const withReason = actions.some((a) => NEEDS_REASON.includes(a));
  const withChecklist = actions.some((a) => CHECKLIST.includes(a));

  const run = (action: DossierDeskAction) => {
    dialog.current?.close();
    setConfirming(null);
    startTransition(async () => {
      const r = await callAction(() => transitionDossier({ dossierId, action, comment, missingItems: CHECKLIST.includes(action) ? missing : [] }));
      if (r.ok) {
        setResult({ ok: true, text: action === "forward" && r.data.productCode ? t("dossiers.forwardedWithCode", { code: r.data.productCode }) : t("workflow.done") });
        setComment("");
        setMissing([]);
        router.refresh();
        return;
      }
      const failure = r as Failure;
      setResult({ ok: false, text: t(`errors.${failure.code}` as never), problems: problemList(failure.fieldErrors) });
    });
  };
  const start = (action: DossierDeskAction) => {
    if (CONFIRM.includes(action)) {
      setConfirming(action);
      dialog.current?.showModal();
    } else run(action);
  };

  return (
    <section className="mt-6 max-w-3xl rounded-lg border border-stone-200 bg-white p-4" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="text-lg font-semibold">{t("dossiers.actionsTitle")}</h2>
      {actions.includes("forward") && form03Missing > 0 ? (
        <p className="mt-2 text-sm text-amber-900">
          {t("dossiers.forwardNeedsForm03", { count: form03Missing })}{" "}
          <Link href={`/dossiers/${dossierId}/form-03`} className="underline">{t("dossiers.fillForm03")}</Link>
        </p>
      ) : null}
      {withChecklist ? (
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">{t("dossiers.checklistLegend")}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {MISSING_ITEM_CHOICES.map((m) => (
              <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5 shrink-0"
                  checked={missing.includes(m)}
                  onChange={(e) => setMissing((list) => (e.target.checked ? [...list, m] : list.filter((x) => x !== m)))}
                />
                {t(`missingItem.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {withReason ? (
        <div className="mt-3">
          <label htmlFor={`${ids}-comment`} className="block text-sm font-medium">{t("dossiers.reasonLabel")}</label>
          <p id={`${ids}-hint`} className="text-xs text-stone-600">{t("dossiers.reasonHint")}</p>
          <textarea id={`${ids}-comment`} aria-describedby={`${ids}-hint`} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {actions.map((a) => (
          <button key={a} type="button" disabled={pending} aria-busy={pending} onClick={() => start(a)} className={buttonClass(a === "reject" || a === "withdraw" ? "secondary" : a === "return" || a === "request-supplement" ? "secondary" : "primary")}>
            {t(`dossierAction.${a}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {result ? (
          result.ok ? (
            <p className="text-brand-700">{result.text}</p>
          ) : (
            <div className="text-red-700">
              <p>{result.text}</p>
              {result.problems.length > 0 ? <ul className="mt-1 list-disc pl-5">{result.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
              {result.problems.length > 0 && actions.some((a) => a === "submit" || a === "resubmit" || a === "supplement") ? (
                <p className="mt-1"><Link href={`/dossiers/${dossierId}/edit`} className="underline">{t("dossiers.completeNow")}</Link></p>
              ) : null}
            </div>
          )
        ) : null}
      </div>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-5 shadow-xl" aria-labelledby={`${ids}-q`} onClose={() => setConfirming(null)}>
        <p id={`${ids}-q`}>{confirming === "reject" ? t("dossiers.confirmReject", { name }) : t("dossiers.confirmWithdraw", { name })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>{t("common.cancel")}</button>
          <button type="button" className={buttonClass("danger")} disabled={pending} onClick={() => confirming && run(confirming)}>{t("common.confirm")}</button>
        </div>
      </dialog>
    </section>
  );
}
