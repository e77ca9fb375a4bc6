import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { withParams, type SearchParams } from "@/lib/validation/search-params";

export async function Pagination({ basePath, searchParams, page, pageSize, total }: { basePath: string; searchParams: SearchParams; page: number; pageSize: number; total: number }) {
  const t = await getTranslations("ideas");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (p: number) => `${basePath}${withParams(searchParams, { page: p === 1 ? undefined : p })}`;
  return (
    <nav aria-label={t("page", { page, pages })} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={link(page - 1)} className="min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2" rel="prev">
          {t("prev")}
        </Link>
      ) : null}
      <span aria-current="page">{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link href={link(page + 1)} className="min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2" rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
