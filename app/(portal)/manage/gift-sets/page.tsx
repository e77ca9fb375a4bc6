import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { GIFT_SET_PAGE_SIZE, GIFT_SET_RESOURCE, listGiftSets } from "@/lib/db/gift-sets";
import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import { enumParam, intParam, type SearchParams } from "@/lib/validation/search-params";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { buttonClass } from "@/components/ui/button";
import { PointOfSaleStatusPill } from "@/components/trade/status";

const STATES = ["DRAFT", "PUBLISHED"] as const;

export default async function GiftSetDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/gift-sets");
  if (!can(actor, "giftSet.manage", GIFT_SET_RESOURCE)) notFound();
  const t = await getTranslations();
  const state = enumParam(sp, "status", STATES);
  const page = intParam(sp, "page", 1, 100_000) ?? 1;
  const { rows, total, counts } = await listGiftSets(actor, { published: state === undefined ? undefined : state === "PUBLISHED", page });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("giftSets.deskTitle")}</h1>
        <Link href="/manage/gift-sets/new" className={buttonClass("primary")}>{t("giftSets.new")}</Link>
      </div>
      <p className="mt-1 text-stone-700">{t("giftSets.deskIntro")}</p>
      <StatusTabs
        label={t("giftSets.byStatus")}
        basePath="/manage/gift-sets"
        searchParams={sp}
        current={state}
        tabs={[
          { key: undefined, label: t("giftSets.all"), count: counts.draft + counts.published },
          { key: "DRAFT", label: t("trade.status.DRAFT"), count: counts.draft },
          { key: "PUBLISHED", label: t("trade.status.PUBLISHED"), count: counts.published },
        ]}
      />
      <p className="mt-4 text-sm text-stone-700">{t("giftSets.count", { count: total })}</p>
      {rows.length === 0 ? <p className="mt-2">{t("giftSets.deskEmpty")}</p> : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("giftSets.name")}</th>
                <th scope="col" className="p-2">{t("giftSets.statusLabel")}</th>
                <th scope="col" className="p-2 text-right">{t("giftSets.productsShort")}</th>
                <th scope="col" className="p-2 text-right">{t("giftSets.price")}</th>
                <th scope="col" className="p-2">{t("giftSets.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100">
                  <td className="p-2">
                    <Link href={`/manage/gift-sets/${r.id}`} className="text-brand-700 underline underline-offset-2">{r.name}</Link>
                    {r.occasion ? <span className="block text-xs text-stone-600">{r.occasion}</span> : null}
                  </td>
                  <td className="p-2"><PointOfSaleStatusPill status={r.published ? "PUBLISHED" : "DRAFT"} /></td>
                  <td className="p-2 text-right tabular-nums">{r._count.items}</td>
                  <td className="p-2 text-right tabular-nums">{r.priceVnd === null ? "—" : formatVnd(r.priceVnd)}</td>
                  <td className="p-2">{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/gift-sets" searchParams={sp} page={page} pageSize={GIFT_SET_PAGE_SIZE} total={total} />
    </>
  );
}
