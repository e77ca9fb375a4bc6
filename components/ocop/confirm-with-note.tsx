"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmVariant } from "./confirm-dialog";

type Props = {
  label: string;
  /** Read by screen readers after the label: what the button acts on. */
  context?: string;
  question: string;
  /** With a label, the dialog asks for a note (a reason for the people notified). */
  noteLabel?: string;
  variant?: ConfirmVariant;
  disabled?: boolean;
  /** Runs the step; the caller says how it went (the dialog closes afterwards). */
  onConfirm: (note: string) => Promise<void>;
};

/** A step that cannot be undone (cancel, decline, withdraw) confirmed in the shared dialog, optionally with a note. */
export function ConfirmWithNote({ label, context, question, noteLabel, variant = "danger", disabled, onConfirm }: Props) {
  const t = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [note, setNote] = useState("");
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      await onConfirm(note);
      dialog.current?.close();
      setNote("");
    });
  return (
    <>
      <button type="button" disabled={disabled || pending} className={buttonClass(variant === "primary" ? "primary" : "secondary")} onClick={() => dialog.current?.showModal()}>
        {label}
        {context ? <span className="sr-only"> — {context}</span> : null}
      </button>
      <ConfirmDialog dialogRef={dialog} question={question} variant={variant} pending={pending} pendingLabel={t("events.working")} onConfirm={confirm}>
        {noteLabel ? (
          <div className="mt-3">
            <label htmlFor={`${id}-note`} className="block text-sm font-medium">{noteLabel}</label>
            <textarea id={`${id}-note`} rows={3} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
