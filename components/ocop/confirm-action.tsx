"use client";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import type { ActionResult } from "@/lib/errors";
import { ConfirmDialog, type ConfirmVariant } from "./confirm-dialog";

type Props = {
  label: string;
  /** Read by screen readers after the label, e.g. whose account the button acts on. */
  context?: string;
  question: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
  /** After success, e.g. refresh the page or go back to the list. */
  onDone?: () => void;
  variant?: ConfirmVariant;
};

/**
 * An action behind a modal confirmation, saying how it went beside the button. A refusal that
 * carries its own reason (fieldErrors._, a catalogue key) shows that reason rather than the
 * generic message of its code.
 */
export function ConfirmAction({ label, context, question, done, run, onDone, variant = "danger" }: Props) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
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
    <>
      <button type="button" className={buttonClass(variant === "primary" ? "primary" : "secondary")} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {label}
        {context ? <span className="sr-only"> — {context}</span> : null}
      </button>
      <span role="status" className={status?.ok === false ? "text-sm text-red-700" : "text-sm text-stone-700"}>
        {status?.text}
      </span>
      <ConfirmDialog dialogRef={dialog} name={label} question={question} variant={variant} pending={pending} onConfirm={confirm} />
    </>
  );
}
