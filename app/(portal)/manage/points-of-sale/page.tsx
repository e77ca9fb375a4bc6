import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listPointsOfSale, POINT_OF_SALE_PAGE_SIZE } from "@/lib/db/points-of-sale";
import { POINT_OF_SALE_STATES } from "@/lib/domain/points-of-sale";
import { formatDateTime } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { buttonClass } from "@/components/ui/button";
import { PointOfSaleStatusPill } from "@/components/trade/status";
import { ExportLink } from "@/components/ocop/export-link";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";
import { pointOfSaleListFilters } from "./list-filters";

export default async function PointOfSaleDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/points-of-sale");
  if (!can(actor, "pointOfSale.list", { type: "publication" })) notFound();
  const t = await getTranslations();
  // A ward officer's list is their ward already; the filter is for the office.
  const { filters, place } = await pointOfSaleListFilters(sp, actor);
  const placeFilter = place ? { choice: place, labels: await wardFilterLabels(place) } : null;
  const { status, page } = filters;
  const { rows, total, counts } = await listPointsOfSale(actor, filters);
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("posDesk.title")}</h1>
      <p className="mt-1 text-stone-700">{actor.role === "WARD_OFFICER" ? t("posDesk.introWard") : t("posDesk.intro")}</p>
      <StatusTabs
        label={t("posDesk.byStatus")}
        basePath="/manage/points-of-sale"
        searchParams={sp}
        current={status}
        tabs={[{ key: undefined, label: t("posDesk.all"), count: all }, ...POINT_OF_SALE_STATES.map((s) => ({ key: s, label: t(`trade.status.${s}`), count: counts[s] ?? 0 }))]}
      />
      {placeFilter ? (
        <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("posDesk.filter")}>
          {status ? <input type="hidden" name="status" value={status} /> : null}
          <WardFilter {...placeFilter} idPrefix="pos-desk" controlClass="min-h-11 rounded-md border border-stone-400 bg-white px-2" blockClass="flex flex-col text-sm" />
          <button className={buttonClass("secondary")}>{t("pointsOfSale.apply")}</button>
        </form>
      ) : null}
      <p className="mt-4 text-sm text-stone-700">{t("posDesk.count", { count: total })}</p>
      <ExportLink href="/manage/points-of-sale/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2">{t("posDesk.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("pointsOfSale.name")}</th>
                <th scope="col" className="p-2">{t("pointsOfSale.ward")}</th>
                <th scope="col" className="p-2">{t("posDesk.status")}</th>
                <th scope="col" className="p-2">{t("posDesk.submittedAt")}</th>
                <th scope="col" className="p-2 text-right">{t("posDesk.products")}</th>
                <th scope="col" className="p-2">{t("trade.checkTitle")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100">
                  <td className="p-2">
                    <Link href={`/manage/points-of-sale/${r.id}`} className="text-brand-700 underline underline-offset-2">{r.name}</Link>
                    <span className="block text-xs text-stone-600">{r.operatorName} · {t(`trade.location.${r.locationKind}`)}</span>
                  </td>
                  <td className="p-2">{r.ward.name}</td>
                  <td className="p-2"><PointOfSaleStatusPill status={r.status} /></td>
                  <td className="p-2">{formatDateTime(r.createdAt)}</td>
                  <td className="p-2 text-right tabular-nums">{r._count.products}</td>
                  <td className="p-2">
                    <span className={r.compliance.compliant ? "font-medium text-brand-700" : "text-amber-900"}>
                      {r.compliance.compliant ? t("trade.compliant") : t("trade.notCompliant")}
                    </span>
                    <span className="block text-xs text-stone-600">
                      {t("posDesk.qualifying", { count: r.compliance.qualifyingProducts, required: r.compliance.requiredProducts })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/points-of-sale" searchParams={sp} page={page} pageSize={POINT_OF_SALE_PAGE_SIZE} total={total} />
    </>
  );
}
