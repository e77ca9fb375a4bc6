"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/**
 * The outcome line under a form or button: the done message, or the translated error code with
 * the first message of each field error (what the office needs to fix, named).
 */
export function useActionStatus() {
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (r: ActionResult<unknown>, okText: string) => {
    if (r.ok) return setMessage({ ok: true, text: okText });
    const details = Object.values(r.fieldErrors ?? {}).map((keys) => t(keys[0] as never));
    setMessage({ ok: false, text: [t(`errors.${r.code}` as never), ...new Set(details)].join(" ") });
  };
  const node = (
    <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>
      {message?.text}
    </p>
  );
  return { show, node, clear: () => setMessage(null) };
}
