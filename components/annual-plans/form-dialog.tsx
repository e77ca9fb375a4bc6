"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/**
 * A button that opens a form in a native modal dialog (focus kept inside, Esc closes): the
 * office's add and edit forms of the annual plan, so the tables stay readable on a phone. The form
 * is mounted only while the dialog is open, so each opening starts from the saved values.
 */
export function FormDialog({
  label,
  context,
  title,
  variant = "secondary",
  children,
}: {
  label: string;
  /** Read by screen readers after the label: which row the button acts on. */
  context?: string;
  title: string;
  variant?: "primary" | "secondary" | "ghost";
  children: (close: () => void) => ReactNode;
}) {
  const t = useTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  // The dialog follows the state: opened modal once the form is in the tree, closed with it.
  useEffect(() => {
    if (open) ref.current?.showModal();
    else ref.current?.close();
  }, [open]);
  const close = () => setOpen(false);
  return (
    <>
      <button
        type="button"
        className={buttonClass(variant)}
        onClick={() => setOpen(true)}
      >
        {label}
        {context ? <span className="sr-only"> — {context}</span> : null}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(40rem,calc(100vw-1rem))] rounded-lg p-4 shadow-xl sm:p-5"
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
      >
        <div className="flex items-start justify-between gap-2">
          <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
          <button type="button" className={buttonClass("ghost")} onClick={close}>{t("common.cancel")}</button>
        </div>
        {open ? children(close) : null}
      </dialog>
    </>
  );
}
