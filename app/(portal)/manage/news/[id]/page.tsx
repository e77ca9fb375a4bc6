import { uploadLimitMb } from "@/lib/storage";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { findNewsForDesk } from "@/lib/db/news";
import { formatDateTime } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { FileUpload } from "@/components/communication/file-upload";
import { PublicationHistory } from "@/components/communication/history";
import { NewsForm } from "@/components/communication/news-form";
import { PublicationActions } from "@/components/communication/publication-actions";
import { StatusPill } from "@/components/ocop/status-pill";
import { RemovePublicFile } from "@/components/communication/remove-file";

/** One article: its text, cover photo, publishing and history. */
export default async function NewsDeskArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/manage/news/${id}`);
  const article = await findNewsForDesk(actor, id);
  if (!article) notFound();
  const t = await getTranslations("news");
  return (
    <>
      <p>
        <Link href="/manage/news" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToDesk")}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <StatusPill tone={article.status}>{t(`status.${article.status}`)}</StatusPill>
      </div>
      {article.status === "PUBLISHED" ? (
        <p className="mt-2">
          <Link href={`/news/${article.slug}`} className="text-brand-700 underline underline-offset-2">
            {t("viewPublic")}
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-700">{t("draftHidden")}</p>
      )}
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-stone-700">{t("publicAddress")}</dt>
        <dd className="break-all">
          /news/{article.slug}
          {article.publishedAt ? null : <span className="block text-xs text-stone-600">{t("addressStable")}</span>}
        </dd>
        {article.authorName ? (
          <>
            <dt className="font-medium text-stone-700">{t("author")}</dt>
            <dd>{article.authorName}</dd>
          </>
        ) : null}
        {article.publishedAt ? (
          <>
            <dt className="font-medium text-stone-700">{t("colPublishedAt")}</dt>
            <dd>{formatDateTime(article.publishedAt)}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="publishing" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="publishing" className="text-lg font-semibold">
          {t("actionsTitle")}
        </h2>
        <div className="mt-3">
          <PublicationActions kind="news" id={article.id} status={article.status} />
        </div>
      </section>
      <NewsForm
        key={article.updatedAt.toISOString()}
        created={sp.created === "1"}
        initial={{ articleId: article.id, version: article.updatedAt.toISOString(), title: article.title, summary: article.summary, body: article.body }}
      />
      <section aria-labelledby="cover" className="mt-8">
        <h2 id="cover" className="text-lg font-semibold">
          {t("coverTitle")}
        </h2>
        {article.cover ? (
          <div className="mt-2 flex flex-wrap items-start gap-4">
            {article.status === "PUBLISHED" ? (
              // Files of a record are served publicly only once it is published (lib/db/public-files).
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/api/media/${article.cover.id}`} alt={t("coverAlt", { title: article.title })} width={320} height={180} loading="lazy" className="aspect-video w-80 max-w-full rounded-md bg-stone-100 object-cover" />
            ) : (
              <p className="text-sm">{article.cover.fileName}</p>
            )}
            <RemovePublicFile target="newsCover" id={article.id} />
          </div>
        ) : (
          <p className="mt-2 text-stone-600">{t("coverNone")}</p>
        )}
        <FileUpload target="newsCover" id={article.id} maxMb={uploadLimitMb("photo")} />
      </section>
      <PublicationHistory kind="news" record={{ entityType: "NewsArticle", id: article.id }} />
    </>
  );
}
