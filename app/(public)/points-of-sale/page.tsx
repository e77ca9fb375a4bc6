import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listApprovedPointsOfSale, PUBLIC_POINTS_PAGE_SIZE } from "@/lib/db/points-of-sale";
import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import { choosePlace } from "@/lib/domain/places";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";
import { intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { CarriedList } from "@/components/trade/carried-list";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const sp = await searchParams;
  const t = await getTranslations();
  const code = textParam(sp, "ward", 10);
  const ward = code ? (await listWardsWithRegion()).find((w) => w.code === code) : undefined;
  const title = ward ? t("pointsOfSale.titleInWard", { ward: ward.name }) : t("pointsOfSale.title");
  const description = t("pointsOfSale.metaDescription");
  const url = ward ? `/points-of-sale?ward=${ward.code}` : "/points-of-sale";
  return { title, description, alternates: { canonical: url }, openGraph: { title, description, url } };
}

/** Approved points of sale, where a visitor can buy recognised products, by ward. */
export default async function PointsOfSalePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations();
  const wards = await listWardsWithRegion();
  const place = choosePlace(wardPlaces(wards, "code"), textParam(sp, "province", 10), textParam(sp, "ward", 10));
  const idOf = new Map(wards.map((w) => [w.code, w.id]));
  const placeLabels = await wardFilterLabels(place);
  const ward = place.ward;
  const page = intParam(sp, "page", 1, 10_000) ?? 1;
  const { rows, total } = await listApprovedPointsOfSale({ wardIds: place.filter?.map((c) => idOf.get(c)!), page });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{ward ? t("pointsOfSale.titleInWard", { ward: ward.name }) : t("pointsOfSale.title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("pointsOfSale.intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("pointsOfSale.filter")}>
        <WardFilter choice={place} labels={placeLabels} idPrefix="pos" controlClass="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base" />
        <button type="submit" className={buttonClass("secondary")}>{t("pointsOfSale.apply")}</button>
        <Link href="/points-of-sale/apply" className={buttonClass("primary", "sm:ml-auto")}>{t("pointsOfSale.applyLink")}</Link>
      </form>
      <p className="mt-4 text-sm text-stone-700" role="status">{t("pointsOfSale.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("pointsOfSale.empty")}</p>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {rows.map((p) => (
            <li key={p.id} className="flex flex-col rounded-lg border border-stone-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/points-of-sale/${p.id}`} className="text-brand-700 underline underline-offset-2">{p.name}</Link>
              </h2>
              <p className="text-sm text-stone-700">{t(`trade.location.${p.locationKind}`)} · {p.operatorName}</p>
              <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="font-medium text-stone-700">{t("pointsOfSale.address")}</dt>
                <dd>{p.address}, {p.ward.name}</dd>
                <dt className="font-medium text-stone-700">{t("pointsOfSale.phone")}</dt>
                <dd><a href={`tel:${p.phone}`} className="text-brand-700 underline underline-offset-2">{p.phone}</a></dd>
                {p.openingHours ? (
                  <>
                    <dt className="font-medium text-stone-700">{t("pointsOfSale.openingHours")}</dt>
                    <dd>{p.openingHours}</dd>
                  </>
                ) : null}
                <dt className="font-medium text-stone-700">{t("pointsOfSale.productsShort")}</dt>
                <dd>{t("pointsOfSale.productCount", { count: p.products.length })}</dd>
              </dl>
              {p.products.length > 0 ? <CarriedList products={p.products.map((c) => c.product)} label={t("pointsOfSale.productsOf", { name: p.name })} collapsed /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/points-of-sale" searchParams={sp} page={page} pageSize={PUBLIC_POINTS_PAGE_SIZE} total={total} />
    </div>
  );
}
