"use client";
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export type PickedProduct = { id: string; name: string; producer: string; star: number | null };

/**
 * Finds listed catalogue products through /api/products/suggest (with or without diacritics)
 * and hands the chosen one to the form. The list answers as the visitor types.
 */
export function ProductPicker({ chosen, onPick, disabled }: { chosen: ReadonlySet<string>; onPick: (p: PickedProduct) => void; disabled?: boolean }) {
  const t = useTranslations();
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickedProduct[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    // A short pause so each keystroke does not send a request.
    const timer = setTimeout(() => {
      fetch(`/api/products/suggest?q=${encodeURIComponent(query.trim())}`, { signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<PickedProduct[]>) : Promise.reject(new Error(String(r.status)))))
        .then((rows) => {
          setResults(rows);
          setFailed(false);
        })
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== "AbortError") setFailed(true);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);
  return (
    <div className="rounded-lg border border-stone-200 bg-stone-50 p-3">
      <label htmlFor={`${id}-q`} className="text-sm font-medium">{t("trade.pickerLabel")}</label>
      <p id={`${id}-hint`} className="text-xs text-stone-600">{t("trade.pickerHint")}</p>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches; it must not submit the whole form.
          if (e.key === "Enter") e.preventDefault();
        }}
        aria-describedby={`${id}-hint`}
        aria-controls={`${id}-results`}
        autoComplete="off"
        maxLength={100}
        className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
      />
      <p role="status" aria-live="polite" className="mt-2 text-sm text-stone-700">
        {failed ? t("trade.pickerFailed") : results === null ? t("trade.pickerLoading") : results.length === 0 ? t("trade.pickerEmpty") : t("trade.pickerCount", { count: results.length })}
      </p>
      {results && results.length > 0 ? (
        <ul id={`${id}-results`} className="mt-1 max-h-80 divide-y divide-stone-200 overflow-y-auto rounded-md border border-stone-200 bg-white">
          {results.map((p) => {
            const taken = chosen.has(p.id);
            return (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 p-2">
                <span className="min-w-0 flex-1">
                  <span className="block font-medium break-words">{p.name}</span>
                  <span className="block text-xs text-stone-600">
                    {p.producer}
                    {p.star ? ` · ${t("common.stars", { count: p.star })}` : ""}
                  </span>
                </span>
                <button type="button" disabled={taken || disabled} onClick={() => onPick(p)} className={buttonClass(taken ? "ghost" : "secondary")}>
                  {taken ? t("trade.pickerChosen") : t("trade.pickerAdd")}
                  <span className="sr-only"> — {p.name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
