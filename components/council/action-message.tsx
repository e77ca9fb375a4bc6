"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/**
 * The outcome of a council action, said in words: the error, then each field's message (council
 * pages act on records with no form field to mark, so the message must name what went wrong).
 */
export function useActionMessage() {
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (r: ActionResult<unknown>, okText: string) => {
    if (r.ok) return setMessage({ ok: true, text: okText });
    const details = Object.values(r.fieldErrors ?? {}).flat();
    const unique = [...new Set(details)].slice(0, 3).map((key) => t(key as never));
    setMessage({ ok: false, text: [t(`errors.${r.code}` as never), ...unique].join(" ") });
  };
  const node = (
    <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>
      {message?.text}
    </p>
  );
  return { show, node, clear: () => setMessage(null) };
}
