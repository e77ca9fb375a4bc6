"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { transitionIdea } from "@/lib/actions/ideas";
import { callAction } from "@/components/forms/call-action";
import type { IdeaAction } from "@/lib/domain/workflow";

const NEEDS_COMMENT: IdeaAction[] = ["return", "reject"];

export function IdeaActions({ ideaId, name, actions, nextHref }: { ideaId: string; name: string; actions: IdeaAction[]; nextHref: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [andNext, setAndNext] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const reviewing = actions.some((a) => a !== "submit" && a !== "resubmit" && a !== "withdraw");
  const run = (action: IdeaAction) => {
    if (action === "reject" && !window.confirm(t("workflow.confirmReject", { name }))) return;
    if (action === "withdraw" && !window.confirm(t("workflow.confirmWithdraw", { name }))) return;
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => transitionIdea({ ideaId, action, comment }));
      if (result.ok) {
        setComment("");
        if (reviewing && andNext && nextHref) router.push(nextHref);
        else {
          setMessage({ ok: true, lines: [t("workflow.done")] });
          router.refresh();
        }
        return;
      }
      const lines = [t(`errors.${result.code}` as never)];
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) lines.push(`${field === "comment" ? "" : t(`ideas.${field}` as never) + ": "}${t(keys[0] as never)}`);
      setMessage({ ok: false, lines });
    });
  };
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="actions" className="sr-only">{t("ideas.status")}</h2>
      {actions.some((a) => NEEDS_COMMENT.includes(a) || a === "forward" || a === "accept") ? (
        <>
          <label htmlFor="transition-comment" className="block text-sm font-medium">{t("workflow.commentLabel")}</label>
          <textarea id="transition-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
        </>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {actions.map((a) => (
          <button key={a} type="button" disabled={pending} onClick={() => run(a)} className={buttonClass(a === "reject" || a === "withdraw" ? "secondary" : "primary")}>
            {t(`workflow.${a}`)}
          </button>
        ))}
      </div>
      {reviewing && nextHref ? (
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={andNext} onChange={(e) => setAndNext(e.target.checked)} className="h-5 w-5" />
          {t("workflow.saveAndNext")}
        </label>
      ) : null}
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {message?.lines.map((l) => (
          <p key={l} className={message.ok ? "text-brand-700" : "text-red-700"}>{l}</p>
        ))}
      </div>
    </section>
  );
}
