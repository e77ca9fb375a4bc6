import Link from "next/link";
import clsx from "clsx";
import { withParams, type SearchParams } from "@/lib/validation/search-params";

export type StatusTab = { key: string | undefined; label: string; count: number };

/**
 * A desk's status filter as links (the choice lives in the URL, `status`), each with the number of
 * records behind it; choosing one goes back to the first page and keeps the other filters.
 */
export function StatusTabs({ label, basePath, searchParams, current, tabs }: { label: string; basePath: string; searchParams: SearchParams; current: string | undefined; tabs: StatusTab[] }) {
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {tabs.map(({ key, label: text, count }) => (
          <li key={key ?? "all"}>
            <Link
              href={`${basePath}${withParams(searchParams, { status: key, page: undefined })}`}
              aria-current={current === key ? "page" : undefined}
              className={clsx("inline-flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm", current === key ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}
            >
              {text} <span className="tabular-nums">({count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
