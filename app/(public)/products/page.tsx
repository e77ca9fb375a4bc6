import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/catalogue/product-card";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { CATALOGUE_PAGE_SIZE, catalogueFilterOptions, criteriaSetsOfGroup, searchCatalogue } from "@/lib/db/catalogue";
import { CATALOGUE_SORTS, searchTerms } from "@/lib/domain/catalogue";
import { vietnamDateOf } from "@/lib/domain/dates";
import { choosePlace } from "@/lib/domain/places";
import { enumParam, intParam, textParam, withParams, type SearchParams } from "@/lib/validation/search-params";

// Read on every request: a revoked or expired product leaves the list at once.
export const dynamic = "force-dynamic";

const PRODUCER_TYPES = ["COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "FARM", "HOUSEHOLD_BUSINESS", "ASSOCIATION_OR_CENTRE"] as const;
const STARS = [5, 4, 3] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("title"), description: t("intro"), openGraph: { title: t("title"), description: t("intro"), url: "/products" } };
}

const control = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

/**
 * The public catalogue: recognised products with a live certificate, found with or without
 * diacritics, filtered and sorted in the URL (a plain GET form, so it works without JavaScript
 * and every result page can be shared).
 */
export default async function CataloguePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const t = await getTranslations("catalogue");
  const root = await getTranslations();
  const { categories, places } = await catalogueFilterOptions();
  const q = textParam(sp, "q", 100);
  const group = textParam(sp, "group", 10);
  const criteriaSetNos = criteriaSetsOfGroup(categories, group);
  const place = choosePlace(places, textParam(sp, "province", 10), textParam(sp, "ward", 10));
  const placeLabels = await wardFilterLabels(place);
  const f = {
    star: intParam(sp, "star", 1, 5),
    producerType: enumParam(sp, "type", PRODUCER_TYPES),
    sort: enumParam(sp, "sort", CATALOGUE_SORTS) ?? "newest",
    // Deep pages cost the database a long skip for nothing a visitor reads: past 12,000
    // products, searching or filtering is the way in (out-of-range pages show page 1).
    page: intParam(sp, "page", 1, 500) ?? 1,
  };
  const today = vietnamDateOf(new Date());
  const { rows, total } = await searchCatalogue({ terms: q ? searchTerms(q) : [], criteriaSetNos, wardCodes: place.filter, ...f }, today);
  const filtered = Boolean(q || criteriaSetNos || place.filter || f.star || f.producerType);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("intro")}</p>

      <form method="get" action="/products" role="search" aria-label={t("searchLabel")} className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="catalogue-q" className="text-sm font-medium">{t("searchLabel")}</label>
          <p id="catalogue-q-hint" className="text-xs text-stone-600">{t("searchHint")}</p>
          <div className="flex flex-wrap gap-2">
            <input id="catalogue-q" name="q" type="search" defaultValue={q} maxLength={100} aria-describedby="catalogue-q-hint" className={`${control} min-w-0 flex-1`} />
            <button type="submit" className={buttonClass("primary")}>{t("submit")}</button>
          </div>
        </div>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-star" className="text-sm font-medium">{t("star")}</label>
            <select id="catalogue-star" name="star" defaultValue={f.star ?? ""} className={control}>
              <option value="">{t("allStars")}</option>
              {STARS.map((s) => <option key={s} value={s}>{t("starText", { count: s })}</option>)}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-group" className="text-sm font-medium">{t("group")}</label>
            <select id="catalogue-group" name="group" defaultValue={criteriaSetNos ? group : ""} className={control}>
              <option value="">{t("allGroups")}</option>
              {categories.map((c) => (
                <optgroup key={c.key} label={`${c.key}. ${c.label}`}>
                  <option value={c.key}>{t("wholeCategory", { name: c.label.toLocaleLowerCase("vi") })}</option>
                  {c.groups.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <WardFilter choice={place} labels={placeLabels} idPrefix="catalogue" controlClass={control} />
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-type" className="text-sm font-medium">{t("producerType")}</label>
            <select id="catalogue-type" name="type" defaultValue={f.producerType ?? ""} className={control}>
              <option value="">{t("allTypes")}</option>
              {PRODUCER_TYPES.map((p) => <option key={p} value={p}>{root(`producerTypes.${p}`)}</option>)}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="catalogue-sort" className="text-sm font-medium">{t("sort")}</label>
            <select id="catalogue-sort" name="sort" defaultValue={f.sort} className={control}>
              {CATALOGUE_SORTS.map((s) => <option key={s} value={s}>{t(`sorts.${s}`)}</option>)}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("secondary")}>{t("apply")}</button>
          {filtered ? <Link href="/products" className="text-sm font-medium text-brand-800 underline underline-offset-2">{t("clear")}</Link> : null}
        </div>
      </form>

      <p className="mt-6 text-stone-800" aria-live="polite">
        {q ? t("countFor", { count: total, q }) : t("count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
          <p className="mt-1 text-stone-700">{filtered ? t("emptyFiltered") : t("emptyAll")}</p>
          {filtered ? <Link href="/products" className={buttonClass("secondary", "mt-4")}>{t("clear")}</Link> : null}
        </div>
      ) : (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {rows.map((r) => (
            <li key={r.id}>
              <ProductCard product={r} />
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/products" searchParams={sp} page={f.page} pageSize={CATALOGUE_PAGE_SIZE} total={total} />
      {f.page > 1 && rows.length === 0 ? (
        <p className="mt-2"><Link href={`/products${withParams(sp, { page: undefined })}`} className="text-brand-800 underline">{t("firstPage")}</Link></p>
      ) : null}
    </div>
  );
}
