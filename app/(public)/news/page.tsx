import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublishedNews, NEWS_PAGE_SIZE } from "@/lib/db/news";
import { formatDate } from "@/lib/i18n/format";
import { intParam, type SearchParams } from "@/lib/validation/search-params";
import { Pagination } from "@/components/ui/pagination";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const t = await getTranslations("news");
  const m = await getTranslations("meta");
  const page = intParam(await searchParams, "page", 1, 10_000) ?? 1;
  const title = page > 1 ? `${t("title")} · ${t("page", { page })}` : t("title");
  return {
    title,
    description: t("metaDescription"),
    alternates: { canonical: page > 1 ? `/news?page=${page}` : "/news" },
    openGraph: { type: "website", siteName: m("title"), locale: "vi_VN", title, description: t("metaDescription"), url: "/news" },
  };
}

/** Published news, newest first, a page at a time (the page number is in the URL). */
export default async function NewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations("news");
  const page = intParam(sp, "page", 1, 10_000) ?? 1;
  const { rows, total } = await listPublishedNews(page);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map((a) => (
            <li key={a.slug} className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white">
              {a.coverPhotoId ? (
                // Decorative here: the title next to it says what the article is.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={`/api/media/${a.coverPhotoId}`} alt="" width={640} height={360} loading="lazy" decoding="async" className="aspect-video w-full bg-stone-100 object-cover" />
              ) : null}
              <div className="flex flex-1 flex-col p-4">
                <h2 className="text-lg font-semibold leading-snug">
                  <Link href={`/news/${a.slug}`} className="text-stone-900 underline-offset-2 hover:underline">
                    {a.title}
                  </Link>
                </h2>
                {a.publishedAt ? (
                  <p className="mt-1 text-sm text-stone-600">
                    <time dateTime={a.publishedAt.toISOString()}>{t("publishedOn", { date: formatDate(a.publishedAt) })}</time>
                  </p>
                ) : null}
                <p className="mt-2 text-stone-800">{a.summary}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/news" searchParams={sp} page={page} pageSize={NEWS_PAGE_SIZE} total={total} />
    </div>
  );
}
