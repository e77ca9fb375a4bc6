import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type ListFilter = { name: string; value: string | number; label: string };

/**
 * Filters a list receives from a dashboard figure but does not offer as a control of its own
 * (issue year, funnel stage…): kept as hidden fields so the list's form does not drop them, and
 * named above the form, with a way back to the unfiltered list.
 */
export async function ListFilterNote({ filters, clearHref }: { filters: ListFilter[]; clearHref: string }) {
  if (filters.length === 0) return null;
  const t = await getTranslations("dashboardFilters");
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-brand-50 px-3 py-2 text-sm" data-testid="list-filter-note">
      <span className="font-medium">{t("active")}</span>
      {filters.map((f) => (
        <span key={f.name} className="rounded-full border border-brand-700 bg-white px-2 py-0.5">{f.label}</span>
      ))}
      <Link href={clearHref} className="text-brand-700 underline underline-offset-2">{t("clear")}</Link>
    </p>
  );
}

/** The same filters as hidden fields of a GET form. */
export function HiddenFilters({ filters }: { filters: ListFilter[] }) {
  return filters.map((f) => <input key={f.name} type="hidden" name={f.name} value={String(f.value)} />);
}
