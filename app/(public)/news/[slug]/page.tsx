import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { findPublishedNews, listOtherNews } from "@/lib/db/news";
import { formatDate } from "@/lib/i18n/format";
import { Paragraphs } from "@/components/communication/paragraphs";

export const dynamic = "force-dynamic";

// One query for the metadata and the page of the same request.
const articleBySlug = cache((slug: string) => findPublishedNews(slug.slice(0, 120)));

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const article = await articleBySlug((await params).slug);
  if (!article) return {};
  // The root translator here, so that this page's own namespace below is "news".
  const m = await getTranslations();
  const url = `/news/${article.slug}`;
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      siteName: m("meta.title"),
      locale: "vi_VN",
      title: article.title,
      description: article.summary,
      url,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      images: article.coverPhotoId ? [{ url: `/api/media/${article.coverPhotoId}`, alt: article.title }] : undefined,
    },
  };
}

/** A published article; a draft, an archived article or an unknown address is not found. */
export default async function NewsArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await articleBySlug((await params).slug);
  if (!article) notFound();
  const t = await getTranslations("news");
  const others = await listOtherNews(article.id);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p>
        <Link href="/news" className="text-sm text-brand-700 underline underline-offset-2">
          {t("allNews")}
        </Link>
      </p>
      <article className="mt-3">
        <h1 className="text-3xl font-bold leading-tight">{article.title}</h1>
        {article.publishedAt ? (
          <p className="mt-2 text-sm text-stone-600">
            <time dateTime={article.publishedAt.toISOString()}>{t("publishedOn", { date: formatDate(article.publishedAt) })}</time>
          </p>
        ) : null}
        <p className="mt-4 text-lg font-medium text-stone-800">{article.summary}</p>
        {article.coverPhotoId ? (
          // The cover is the first thing on screen: loaded at once (lazy loading would delay the
          // page's largest paint), with its box reserved so nothing jumps.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/api/media/${article.coverPhotoId}`}
            alt={t("coverAlt", { title: article.title })}
            width={1200}
            height={675}
            fetchPriority="high"
            decoding="async"
            className="mt-6 aspect-video w-full rounded-lg bg-stone-100 object-cover"
          />
        ) : null}
        <Paragraphs text={article.body} className="mt-6 text-stone-900" />
      </article>
      {others.length > 0 ? (
        <nav aria-labelledby="other-news" className="mt-12 border-t border-stone-200 pt-6">
          <h2 id="other-news" className="text-xl font-semibold">
            {t("otherNews")}
          </h2>
          <ul className="mt-3 space-y-2">
            {others.map((o) => (
              <li key={o.slug}>
                <Link href={`/news/${o.slug}`} className="text-brand-700 underline underline-offset-2">
                  {o.title}
                </Link>
                {o.publishedAt ? <span className="text-sm text-stone-600"> · {formatDate(o.publishedAt)}</span> : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
