"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/**
 * The outcome of an events or training action in words. A refusal with its own sentence (a
 * catalogue key under "_", e.g. "registration is closed") says that sentence instead of the
 * generic error; field messages follow the error otherwise.
 */
export function useOutcome() {
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (r: ActionResult<unknown>, okText: string) => {
    if (r.ok) return setMessage({ ok: true, text: okText });
    const own = r.fieldErrors?._?.[0];
    if (own) return setMessage({ ok: false, text: t(own as never) });
    const details = [...new Set(Object.values(r.fieldErrors ?? {}).flat())].slice(0, 3).map((key) => t(key as never));
    setMessage({ ok: false, text: [t(`errors.${r.code}` as never), ...details].join(" ") });
  };
  const node = (
    <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>
      {message?.text}
    </p>
  );
  return { show, node, say: (ok: boolean, text: string) => setMessage({ ok, text }), clear: () => setMessage(null) };
}
