"use client";
import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/**
 * A confirmation before a step that cannot be undone (release, revocation): a native modal
 * <dialog> (focus kept inside, Esc cancels) that answers a promise.
 */
export function useConfirm(variant: "danger" | "primary" = "danger") {
  const t = useTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((yes: boolean) => void) | null>(null);
  const [question, setQuestion] = useState("");
  const id = useId();
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
  const dialog = (
    <dialog
      ref={ref}
      aria-labelledby={id}
      className="m-auto max-w-md rounded-lg p-5 shadow-xl"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <p id={id}>{question}</p>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={() => answer(false)} autoFocus>
          {t("common.cancel")}
        </button>
        <button type="button" className={buttonClass(variant)} onClick={() => answer(true)}>
          {t("common.confirm")}
        </button>
      </div>
    </dialog>
  );
  return { ask, dialog };
}
