import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listProductProfiles, PRODUCT_LIST_STATES, PRODUCT_PAGE_SIZE } from "@/lib/db/products";
import { isListed } from "@/lib/domain/catalogue";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { formatDateTime } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { ExportLink } from "@/components/ocop/export-link";
import { productListFilters } from "./list-filters";

/**
 * The products whose public page an actor looks after: a producer's own, a ward's producers'
 * (read-only), all of them for the office. "To complete" finds listed pages still without a
 * summary or a photo.
 */
export default async function ManageProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/products");
  if (!can(actor, "product.list", { type: "dashboard" })) notFound();
  const t = await getTranslations("productProfile");
  const today = vietnamDateOf(new Date());
  const f = productListFilters(sp);
  const { rows, total } = await listProductProfiles(actor, f, today);
  const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";
  return (
    <>
      <h1 className="text-2xl font-bold">{actor.role === "PRODUCER" ? t("titleOwn") : t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{actor.role === "PRODUCER" ? t("introOwn") : t("intro")}</p>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("filters")}>
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" type="search" defaultValue={f.q} maxLength={100} className="min-h-11 rounded-md border border-stone-400 px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("state")}
          <select name="state" defaultValue={f.state ?? ""} className={select}>
            <option value="">{t("allStates")}</option>
            {PRODUCT_LIST_STATES.map((s) => <option key={s} value={s}>{t(`states.${s}`)}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("count", { count: total })}</p>
      <ExportLink href="/manage/products/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2 rounded-md border border-dashed border-stone-300 bg-white p-4">{actor.role === "PRODUCER" && !f.q && !f.state ? t("emptyOwn") : t("empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("product")}</th>
                <th scope="col" className="p-2">{t("producer")}</th>
                <th scope="col" className="p-2">{t("star")}</th>
                <th scope="col" className="p-2">{t("catalogueState")}</th>
                <th scope="col" className="p-2">{t("profile")}</th>
                <th scope="col" className="p-2">{t("updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const listed = isListed({ certificateStatus: r.certificateStatus, certificateExpiresOn: r.certificateExpiresOn ? isoOf(r.certificateExpiresOn) : null }, today);
                const stateKey = listed ? "listed" : r.certificateStatus === "REVOKED" ? "revoked" : "expired";
                const missing = [r.summary ? null : t("missingSummary"), r.coverPhotoId ? null : t("missingPhoto")].filter(Boolean);
                return (
                  <tr key={r.id} className="border-b border-stone-100">
                    <td className="p-2">
                      <Link href={`/manage/products/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.name}</Link>
                    </td>
                    <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.producer.ward.name}</span></td>
                    <td className="p-2 tabular-nums">{r.star ? t("starText", { count: r.star }) : "—"}</td>
                    <td className="p-2"><StatusPill tone={listed ? "APPROVED" : stateKey === "revoked" ? "REJECTED" : "WITHDRAWN"}>{t(`catalogueStates.${stateKey}`)}</StatusPill></td>
                    <td className="p-2">{missing.length ? <span className="text-amber-900">{t("missing", { what: missing.join(", ") })}</span> : t("complete")}</td>
                    <td className="p-2">{formatDateTime(r.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/products" searchParams={sp} page={f.page} pageSize={PRODUCT_PAGE_SIZE} total={total} />
    </>
  );
}
