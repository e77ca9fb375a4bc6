"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { bulkDecideIdeas } from "@/lib/actions/ideas";
import { callAction } from "@/components/forms/call-action";

/** Wraps the queue table; when enabled, the office accepts or returns the ticked ideas at once. */
export function BulkDecision({ enabled, ids, children }: { enabled: boolean; ids: { id: string; name: string }[]; children: React.ReactNode }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [comment, setComment] = useState("");
  const [summary, setSummary] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  if (!enabled) return <div className="mt-2">{children}</div>;
  const run = (action: "accept" | "return") => {
    const chosen = new FormData(form.current!).getAll("ideaIds").map(String);
    if (chosen.length === 0) return setSummary([t("ideas.bulkNone")]);
    if (!window.confirm(t("workflow.confirmBulk", { count: chosen.length }))) return;
    startTransition(async () => {
      const result = await callAction(() => bulkDecideIdeas({ ideaIds: chosen, action, comment }));
      if (!result.ok) {
        const first = result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined;
        return setSummary([first ? t(first as never) : t(`errors.${result.code}`)]);
      }
      const skipped = result.data.outcomes.filter((o) => !o.changed).map((o) => o.name || ids.find((i) => i.id === o.ideaId)?.name || o.ideaId);
      setSummary([t("ideas.bulkResult", { changed: result.data.changed, skipped: result.data.skipped }), ...(skipped.length ? [t("ideas.bulkSkipped", { names: skipped.join("; ") })] : [])]);
      router.refresh();
    });
  };
  return (
    <form ref={form} className="mt-2" onSubmit={(e) => e.preventDefault()}>
      {children}
      <div className="mt-3 flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:max-w-2xl">
        <label htmlFor="bulk-comment" className="text-sm font-medium">{t("workflow.commentLabel")}</label>
        <textarea id="bulk-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="rounded-md border border-stone-400 p-2" />
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => run("accept")}>{t("ideas.bulkAccept")}</button>
          <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={() => run("return")}>{t("ideas.bulkReturn")}</button>
        </div>
        <div role="status" aria-live="polite" data-testid="bulk-summary" className="text-sm">
          {summary?.map((s) => <p key={s}>{s}</p>)}
        </div>
      </div>
    </form>
  );
}
