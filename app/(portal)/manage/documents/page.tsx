import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canManageDocuments, DOCUMENT_DESK_PAGE_SIZE, LIBRARY_KIND_VALUES, listDocumentsForDesk } from "@/lib/db/documents";
import { PUBLICATION_STATES } from "@/lib/db/news";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { StatusPill } from "@/components/ocop/status-pill";

/** The library desk: drafts first, then published and archived documents. */
export default async function DocumentsDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/documents");
  if (!canManageDocuments(actor)) notFound();
  const t = await getTranslations("library");
  const f = {
    status: enumParam(sp, "status", PUBLICATION_STATES),
    kind: enumParam(sp, "kind", LIBRARY_KIND_VALUES),
    q: textParam(sp, "q", 120),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
  const { rows, total, counts } = await listDocumentsForDesk(actor, f);
  const all = PUBLICATION_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
        <Link href="/manage/documents/new" className={buttonClass("primary")}>
          {t("newDocument")}
        </Link>
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("deskIntro")}</p>
      <StatusTabs
        label={t("statusLabel")}
        basePath="/manage/documents"
        searchParams={sp}
        current={f.status}
        tabs={[{ key: undefined, label: t("allStatuses"), count: all }, ...PUBLICATION_STATES.map((s) => ({ key: s, label: t(`status.${s}`), count: counts[s] ?? 0 }))]}
      />
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        {f.status ? <input type="hidden" name="status" value={f.status} /> : null}
        <label className="flex flex-col text-sm">
          {t("deskSearch")}
          <input name="q" defaultValue={f.q} maxLength={120} className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("kindLabel")}
          <select name="kind" defaultValue={f.kind ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("allKinds")}</option>
            {LIBRARY_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
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
          <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("colTitle")}</th>
                <th scope="col" className="p-2">{t("colKind")}</th>
                <th scope="col" className="p-2">{t("issuedOn")}</th>
                <th scope="col" className="p-2">{t("colFile")}</th>
                <th scope="col" className="p-2">{t("colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100 align-top">
                  <td className="p-2">
                    <Link href={`/manage/documents/${r.id}`} className="text-brand-700 underline underline-offset-2">
                      {r.number ?? t("noNumber")}
                    </Link>
                    <span className="block text-stone-800">{r.title}</span>
                    <span className="block text-xs text-stone-600">{r.issuer}</span>
                  </td>
                  <td className="p-2">{t(`kind.${r.kind}`)}</td>
                  <td className="p-2 tabular-nums">{r.issuedOn ? formatDate(r.issuedOn) : "—"}</td>
                  <td className="p-2">{r.fileId ? t("hasFile") : "—"}</td>
                  <td className="p-2">
                    <StatusPill tone={r.status}>{t(`status.${r.status}`)}</StatusPill>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/documents" searchParams={sp} page={f.page} pageSize={DOCUMENT_DESK_PAGE_SIZE} total={total} />
    </>
  );
}
