import type { ReactNode } from "react";
import clsx from "clsx";

/** A record's facts as a definition list: label beside value from the small breakpoint, stacked on a phone. */
export function Facts({ facts, narrow = false }: { facts: [string, ReactNode][]; /** A 10rem label column (public pages) instead of 14rem. */ narrow?: boolean }) {
  return (
    <dl className={clsx("mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4", narrow ? "sm:grid-cols-[10rem_1fr]" : "sm:grid-cols-[14rem_1fr]")}>
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-stone-700">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
