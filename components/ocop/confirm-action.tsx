"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type Props = {
  label: string;
  /** Read by screen readers after the label, e.g. whose account the button acts on. */
  context?: string;
  question: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
  variant?: "danger" | "secondary";
};

/** A destructive action behind a modal confirmation (native <dialog>: focus trap and Esc built in). */
export function ConfirmAction({ label, context, question, done, run, variant = "danger" }: Props) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const confirm = () =>
    startTransition(async () => {
      const result = await run();
      dialog.current?.close();
      setStatus(result.ok ? done : t(`errors.${result.code}`));
    });
  return (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.showModal()}>
        {label}
        {context ? <span className="sr-only"> — {context}</span> : null}
      </button>
      <span role="status" className="text-sm text-stone-700">
        {status}
      </span>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-5 shadow-xl" aria-label={label} aria-describedby={questionId}>
        <p id={questionId}>{question}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className={buttonClass(variant)} onClick={confirm} disabled={pending} aria-busy={pending}>
            {t("common.confirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}
