"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

type Props = {
  label: string;
  /** Read by screen readers after the label: what the button acts on. */
  context?: string;
  question: string;
  /** With a label, the dialog asks for a note (a reason for the people notified). */
  noteLabel?: string;
  variant?: "danger" | "primary" | "secondary";
  disabled?: boolean;
  onConfirm: (note: string) => Promise<void>;
};

/** A step that cannot be undone (cancel, decline, withdraw) behind a native modal dialog. */
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
      <dialog ref={dialog} aria-labelledby={`${id}-q`} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl">
        <p id={`${id}-q`}>{question}</p>
        {noteLabel ? (
          <div className="mt-3">
            <label htmlFor={`${id}-note`} className="block text-sm font-medium">{noteLabel}</label>
            <textarea id={`${id}-note`} rows={3} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 p-2" />
          </div>
        ) : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className={buttonClass(variant === "secondary" ? "primary" : variant)} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? t("events.working") : t("common.confirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}
