import { getTranslations } from "next-intl/server";
import { EXPORT_MAX_ROWS } from "@/lib/export/limits";
import { withParams, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";

/**
 * "Xuất Excel" for a list: the list's export route with the list's current filters (the page
 * number dropped: the file holds every page). A plain link, not next/link, so nothing prefetches
 * the file; the response is an attachment, so the page stays where it is.
 */
export async function ExportLink({ href, searchParams = {}, total, className }: { href: string; searchParams?: SearchParams; total?: number; className?: string }) {
  const t = await getTranslations("reports");
  if (total === 0) return null;
  if (total !== undefined && total > EXPORT_MAX_ROWS) {
    return <p className={`text-sm text-amber-900 ${className ?? ""}`}>{t("export.tooManyHint", { max: EXPORT_MAX_ROWS })}</p>;
  }
  return (
    <a href={`${href}${withParams(searchParams, { page: undefined })}`} className={buttonClass("secondary", className)} data-testid="export-excel" rel="nofollow">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14v2.5h12V14" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t("export.excel")}
      <span className="sr-only">{total !== undefined ? t("export.excelHintCount", { count: total }) : t("export.excelHint")}</span>
    </a>
  );
}
