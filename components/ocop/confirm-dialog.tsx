"use client";
import { useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export type ConfirmVariant = "danger" | "primary" | "secondary";

type DialogProps = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  question: string;
  /** The dialog's accessible name; without it the question names the dialog. */
  name?: string;
  variant?: ConfirmVariant;
  pending?: boolean;
  /** Shown on the confirm button while the step runs. */
  pendingLabel?: string;
  /** Extra fields between the question and the buttons (e.g. a reason). */
  children?: ReactNode;
  onConfirm: () => void;
  /** Cancel button and Esc; closing the dialog is done here already. */
  onCancel?: () => void;
};

/**
 * The one confirmation dialog of the portal: a native modal <dialog> (focus kept inside, Esc
 * cancels) asking a question, Cancel focused first so a stray Enter does nothing irreversible.
 */
export function ConfirmDialog({ dialogRef, question, name, variant = "danger", pending = false, pendingLabel, children, onConfirm, onCancel }: DialogProps) {
  const t = useTranslations();
  const questionId = useId();
  const cancel = () => {
    dialogRef.current?.close();
    onCancel?.();
  };
  return (
    <dialog
      ref={dialogRef}
      className={children ? "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl" : "m-auto max-w-sm rounded-lg p-5 shadow-xl"}
      {...(name ? { "aria-label": name, "aria-describedby": questionId } : { "aria-labelledby": questionId })}
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <p id={questionId}>{question}</p>
      {children}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={cancel} autoFocus>
          {t("common.cancel")}
        </button>
        <button type="button" className={buttonClass(variant === "danger" ? "danger" : "primary")} onClick={onConfirm} disabled={pending} aria-busy={pending}>
          {pending && pendingLabel ? pendingLabel : t("common.confirm")}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A confirmation asked from code before a step runs (release, revocation, publication): `ask`
 * opens the dialog and answers a promise; render `dialog` once in the component.
 */
export function useConfirm(variant: ConfirmVariant = "danger") {
  const ref = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((yes: boolean) => void) | null>(null);
  const [question, setQuestion] = useState("");
  const answer = (yes: boolean) => {
    ref.current?.close();
    resolver.current?.(yes);
    resolver.current = null;
  };
  const ask = (q: string) =>
    new Promise<boolean>((resolve) => {
      setQuestion(q);
      resolver.current = resolve;
      ref.current?.showModal();
    });
  const dialog = <ConfirmDialog dialogRef={ref} question={question} variant={variant} onConfirm={() => answer(true)} onCancel={() => answer(false)} />;
  return { ask, dialog };
}
