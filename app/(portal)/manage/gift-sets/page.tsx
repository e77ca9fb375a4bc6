import Link from "next/link";
import { notFound } from "next/navigation";
import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { GIFT_SET_PAGE_SIZE, GIFT_SET_RESOURCE, listGiftSets } from "@/lib/db/gift-sets";
import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import { enumParam, intParam, withParams, type SearchParams } from "@/lib/validation/search-params";
import { Pagination } from "@/components/ui/pagination";
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
  const tab = (key: (typeof STATES)[number] | undefined, label: string, count: number) => (
    <li key={key ?? "all"}>
      <Link
        href={`/manage/gift-sets${withParams(sp, { status: key, page: undefined })}`}
        aria-current={state === key ? "page" : undefined}
        className={clsx("inline-flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm", state === key ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}
      >
        {label} <span className="tabular-nums">({count})</span>
      </Link>
    </li>
  );
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("giftSets.deskTitle")}</h1>
        <Link href="/manage/gift-sets/new" className={buttonClass("primary")}>{t("giftSets.new")}</Link>
      </div>
      <p className="mt-1 text-stone-700">{t("giftSets.deskIntro")}</p>
      <nav aria-label={t("giftSets.byStatus")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {tab(undefined, t("giftSets.all"), counts.draft + counts.published)}
          {tab("DRAFT", t("trade.status.DRAFT"), counts.draft)}
          {tab("PUBLISHED", t("trade.status.PUBLISHED"), counts.published)}
        </ul>
      </nav>
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
