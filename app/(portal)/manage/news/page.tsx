import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canManageNews, listNewsForDesk, NEWS_DESK_PAGE_SIZE, PUBLICATION_STATES } from "@/lib/db/news";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { StatusPill } from "@/components/ocop/status-pill";

/** The news desk: drafts first (they wait for someone), then published and archived articles. */
export default async function NewsDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/news");
  if (!canManageNews(actor)) notFound();
  const t = await getTranslations("news");
  const f = { status: enumParam(sp, "status", PUBLICATION_STATES), q: textParam(sp, "q", 120), page: intParam(sp, "page", 1, 100_000) ?? 1 };
  const { rows, total, counts } = await listNewsForDesk(actor, f);
  const all = PUBLICATION_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
        <Link href="/manage/news/new" className={buttonClass("primary")}>
          {t("newArticle")}
        </Link>
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("deskIntro")}</p>
      <StatusTabs
        label={t("statusLabel")}
        basePath="/manage/news"
        searchParams={sp}
        current={f.status}
        tabs={[{ key: undefined, label: t("allStatuses"), count: all }, ...PUBLICATION_STATES.map((s) => ({ key: s, label: t(`status.${s}`), count: counts[s] ?? 0 }))]}
      />
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        {f.status ? <input type="hidden" name="status" value={f.status} /> : null}
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" defaultValue={f.q} maxLength={120} className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("deskCount", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("deskEmpty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("colTitle")}</th>
                <th scope="col" className="p-2">{t("colStatus")}</th>
                <th scope="col" className="p-2">{t("colPublishedAt")}</th>
                <th scope="col" className="p-2">{t("colUpdatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100">
                  <td className="p-2">
                    <Link href={`/manage/news/${r.id}`} className="text-brand-700 underline underline-offset-2">
                      {r.title}
                    </Link>
                  </td>
                  <td className="p-2">
                    <StatusPill tone={r.status}>{t(`status.${r.status}`)}</StatusPill>
                  </td>
                  <td className="p-2 tabular-nums">{r.publishedAt ? formatDate(r.publishedAt) : "—"}</td>
                  <td className="p-2 tabular-nums">{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/news" searchParams={sp} page={f.page} pageSize={NEWS_DESK_PAGE_SIZE} total={total} />
    </>
  );
}
