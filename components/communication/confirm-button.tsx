"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import type { ActionResult } from "@/lib/errors";

type Props = {
  label: string;
  question: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
  /** After success, e.g. refresh the page or go back to the list. */
  onDone?: () => void;
  variant?: "primary" | "danger" | "secondary";
};

/**
 * An action behind a modal confirmation (native <dialog>: focus trap and Esc built in). A refusal
 * that carries its own reason (fieldErrors._, a catalogue key) shows that reason rather than the
 * generic message of its code.
 */
export function ConfirmButton({ label, question, done, run, onDone, variant = "secondary" }: Props) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const confirm = () =>
    startTransition(async () => {
      const result = await callAction(run);
      dialog.current?.close();
      if (result.ok) {
        setStatus({ ok: true, text: done });
        onDone?.();
      } else {
        const reason = result.fieldErrors?._?.[0];
        setStatus({ ok: false, text: reason ? t(reason as never) : t(`errors.${result.code}`) });
      }
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <button type="button" className={buttonClass(variant === "danger" ? "secondary" : variant)} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {label}
      </button>
      <p role="status" className={status?.ok === false ? "text-sm text-red-700" : "text-sm text-brand-700"}>
        {status?.text}
      </p>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-lg p-5 shadow-xl" aria-label={label} aria-describedby={questionId}>
        <p id={questionId}>{question}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className={buttonClass(variant === "secondary" ? "primary" : variant)} onClick={confirm} disabled={pending} aria-busy={pending}>
            {t("common.confirm")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
