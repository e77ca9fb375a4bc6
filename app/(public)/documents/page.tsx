import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DOCUMENT_PAGE_SIZE, LIBRARY_KIND_VALUES, listPublishedDocuments } from "@/lib/db/documents";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library");
  const m = await getTranslations("meta");
  return {
    title: t("title"),
    description: t("metaDescription"),
    alternates: { canonical: "/documents" },
    openGraph: { type: "website", siteName: m("title"), locale: "vi_VN", title: t("title"), description: t("metaDescription"), url: "/documents" },
  };
}

/** Published documents: filter by kind, search title, number and issuer with or without diacritics. */
export default async function DocumentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations("library");
  const format = await getFormatter();
  const f = { kind: enumParam(sp, "kind", LIBRARY_KIND_VALUES), q: textParam(sp, "q", 120), page: intParam(sp, "page", 1, 10_000) ?? 1 };
  const { rows, total } = await listPublishedDocuments(f);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("intro")}</p>
      <form method="get" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
          <label htmlFor="documents-q" className="text-sm font-medium">
            {t("search")}
          </label>
          <input
            id="documents-q"
            name="q"
            defaultValue={f.q}
            maxLength={120}
            aria-describedby="documents-q-hint"
            className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
          />
          <p id="documents-q-hint" className="text-xs text-stone-600">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1 self-start">
          <label htmlFor="documents-kind" className="text-sm font-medium">
            {t("kindLabel")}
          </label>
          <select id="documents-kind" name="kind" defaultValue={f.kind ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("allKinds")}</option>
            {LIBRARY_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("primary", "self-start sm:mt-6")}>
          {t("apply")}
        </button>
      </form>
      <p className="mt-6 text-sm text-stone-700" role="status">
        {t("count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((d) => (
            <li key={d.id} className="p-4">
              <p className="text-sm font-medium text-brand-800">{t(`kind.${d.kind}`)}</p>
              <h2 className="mt-1 font-semibold leading-snug">{d.title}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-stone-700 sm:grid-cols-[auto_1fr_auto_1fr]">
                <dt className="text-stone-600">{t("number")}</dt>
                <dd className="tabular-nums">{d.number ?? t("noNumber")}</dd>
                <dt className="text-stone-600">{t("issuedOn")}</dt>
                <dd className="tabular-nums">{d.issuedOn ? formatDate(d.issuedOn) : t("noDate")}</dd>
                <dt className="text-stone-600">{t("issuer")}</dt>
                <dd className="sm:col-span-3">{d.issuer}</dd>
              </dl>
              {d.summary ? <p className="mt-2 text-sm text-stone-800">{d.summary}</p> : null}
              <p className="mt-3">
                {d.file ? (
                  <a href={`/api/media/${d.file.id}`} className={buttonClass("secondary")} download={d.file.fileName}>
                    {t("download")}
                    <span className="sr-only">: {d.title}</span>
                    <span className="text-xs text-stone-600">({t("fileInfo", { type: d.file.fileName.split(".").pop()?.toUpperCase() ?? "", size: `${format.number(Math.max(1, Math.round(d.file.size / 1024)))} KB` })})</span>
                  </a>
                ) : (
                  <span className="text-sm text-stone-600">{t("noFile")}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/documents" searchParams={sp} page={f.page} pageSize={DOCUMENT_PAGE_SIZE} total={total} />
    </div>
  );
}
