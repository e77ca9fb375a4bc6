"use client";
import { useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Keeps what was typed but not yet saved in this browser tab (sessionStorage: gone when the tab
 * closes, so a shared office computer does not hand one person's text to the next). After a
 * reload the form comes back as it was, unless the record was saved since (another version).
 */
export function useUnsavedInput<T extends FieldValues>(key: string, form: UseFormReturn<T>, version: string | undefined) {
  const [restored, setRestored] = useState(false);
  const ready = useRef(false);
  const storageKey = `ocop:unsaved:${key}`;
  useEffect(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      const saved = raw ? (JSON.parse(raw) as { version: string | null; values: T }) : null;
      if (saved && saved.version === (version ?? null)) {
        form.reset(saved.values, { keepDefaultValues: true });
        // Storage exists only in the browser, after hydration: the notice can only be set here.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setRestored(true);
      } else if (saved) sessionStorage.removeItem(storageKey);
    } catch {
      // Storage may be unavailable (private mode, quota): the form works without it.
    }
    ready.current = true;
    const sub = form.watch((values) => {
      if (!ready.current) return;
      try {
        sessionStorage.setItem(storageKey, JSON.stringify({ version: version ?? null, values }));
      } catch {
        /* see above */
      }
    });
    return () => sub.unsubscribe();
    // Restoring runs once per record and version, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey, version]);
  return {
    restored,
    /** After a successful save the stored copy is no longer needed. */
    clear: () => {
      try {
        sessionStorage.removeItem(storageKey);
      } catch {
        /* see above */
      }
      setRestored(false);
    },
  };
}
