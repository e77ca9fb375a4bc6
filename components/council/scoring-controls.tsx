"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { buttonClass } from "@/components/ui/button";
import { closeScoring, remindMembers, reopenScoreSheet } from "@/lib/actions/scoring";
import { useActionMessage } from "@/components/ocop/action-message";

/** Reminds one late member (userId) or all of them. */
export function RemindButton({ roundId, userId, name }: { roundId: string; userId?: string; name?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const run = () =>
    startTransition(async () => {
      const r = await callAction(() => remindMembers({ roundId, userId }));
      show(r, r.ok ? t("rounds.reminded", { count: r.data.reminded }) : "");
      if (r.ok) router.refresh();
    });
  return (
    <span className="inline-flex flex-col">
      <button type="button" disabled={pending} aria-busy={pending} onClick={run} className={buttonClass(userId ? "secondary" : "primary")}>
        {userId ? t("rounds.remindOne") : t("rounds.remindAll")}
        {name ? <span className="sr-only"> — {name}</span> : null}
      </button>
      {node}
    </span>
  );
}

/** A dialog with a required text (the reason, the discussion's conclusion) before an action. */
function ReasonDialog({ label, context, title, hint, minLength, confirm, run, variant = "secondary" }: {
  label: string;
  context?: string;
  title: string;
  hint: string;
  minLength: number;
  confirm: string;
  run: (text: string) => Promise<{ ok: boolean; code?: string; fieldErrors?: Record<string, string[]> }>;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await run(text.trim());
      if (r.ok) {
        setText("");
        setError(null);
        dialog.current?.close();
        return;
      }
      const detail = Object.values(r.fieldErrors ?? {}).flat()[0];
      setError([t(`errors.${r.code}` as never), detail ? t(detail as never) : ""].join(" ").trim());
    });
  };
  return (
    <>
      <button type="button" className={buttonClass(variant)} onClick={() => dialog.current?.showModal()}>
        {label}
        {context ? <span className="sr-only"> — {context}</span> : null}
      </button>
      <dialog ref={dialog} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl" aria-labelledby={`${id}-title`}>
        <form onSubmit={submit}>
          <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
          <label htmlFor={`${id}-text`} className="mt-3 block text-sm font-medium">{hint}</label>
          <textarea
            id={`${id}-text`}
            required
            minLength={minLength}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 w-full rounded-md border border-stone-400 p-2"
          />
          {error ? <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
          <div className="mt-4 flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>{t("common.cancel")}</button>
            <button type="submit" disabled={pending || text.trim().length < minLength} aria-busy={pending} className={buttonClass("primary")}>{confirm}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** The chair reopens a member's submitted sheet; the reason goes on the sheet's record and to the member. */
export function ReopenSheet({ dossierId, userId, name }: { dossierId: string; userId: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  return (
    <ReasonDialog
      label={t("evaluation.reopen")}
      context={name}
      title={t("evaluation.reopenTitle", { name })}
      hint={t("evaluation.reopenReason")}
      minLength={10}
      confirm={t("evaluation.reopenConfirm")}
      run={async (reason) => {
        const r = await callAction(() => reopenScoreSheet({ dossierId, userId, reason }));
        if (r.ok) router.refresh();
        return r;
      }}
    />
  );
}

/**
 * Ends scoring of a dossier. With the totals within the threshold it is a plain confirmation;
 * above it, only the chair may close, with the discussion's conclusion on record.
 */
export function CloseScoring({ dossierId, name, discussion }: { dossierId: string; name: string; discussion: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { show, node } = useActionMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  if (discussion) {
    return (
      <ReasonDialog
        label={t("evaluation.closeWithDiscussion")}
        context={name}
        title={t("evaluation.closeTitle", { name })}
        hint={t("evaluation.discussionNote")}
        minLength={10}
        confirm={t("evaluation.closeConfirm")}
        variant="primary"
        run={async (discussionNote) => {
          const r = await callAction(() => closeScoring({ dossierId, discussionNote }));
          if (r.ok) router.refresh();
          return r;
        }}
      />
    );
  }
  const run = () =>
    startTransition(async () => {
      const r = await callAction(() => closeScoring({ dossierId }));
      dialog.current?.close();
      show(r, t("evaluation.closed"));
      if (r.ok) router.refresh();
    });
  return (
    <span className="inline-flex flex-col">
      <button type="button" className={buttonClass("primary")} onClick={() => dialog.current?.showModal()}>
        {t("evaluation.close")}<span className="sr-only"> — {name}</span>
      </button>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-5 shadow-xl" aria-label={t("evaluation.close")}>
        <p>{t("evaluation.closeQuestion", { name })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>{t("common.cancel")}</button>
          <button type="button" className={buttonClass("primary")} onClick={run} disabled={pending} aria-busy={pending}>{t("common.confirm")}</button>
        </div>
      </dialog>
      {node}
    </span>
  );
}
