"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/**
 * The outcome of an action said in words: the error, then each field's message (for actions on
 * records with no form field to mark, so the message must name what went wrong). With
 * `ownReason`, a refusal that carries its own sentence (a catalogue key under "_", e.g.
 * "registration is closed") says only that sentence.
 */
export function useActionMessage({ ownReason = false }: { ownReason?: boolean } = {}) {
  const t = useTranslations();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (r: ActionResult<unknown>, okText: string) => {
    if (r.ok) return setMessage({ ok: true, text: okText });
    const own = ownReason ? r.fieldErrors?._?.[0] : undefined;
    if (own) return setMessage({ ok: false, text: t(own as never) });
    const details = Object.values(r.fieldErrors ?? {}).flat();
    const unique = [...new Set(details)].slice(0, 3).map((key) => t(key as never));
    setMessage({ ok: false, text: [t(`errors.${r.code}` as never), ...unique].join(" ") });
  };
  const node = (
    <p role="status" aria-live="polite" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>
      {message?.text}
    </p>
  );
  return { show, node, say: (ok: boolean, text: string) => setMessage({ ok, text }), clear: () => setMessage(null) };
}
