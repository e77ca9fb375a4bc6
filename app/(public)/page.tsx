import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/catalogue/product-card";
import { buttonClass } from "@/components/ui/button";
import { StarRating } from "@/components/ocop/star-rating";
import { listFeaturedProducts } from "@/lib/db/catalogue";
import { listUpcomingPublicEvents } from "@/lib/db/events";
import { listLatestNews } from "@/lib/db/news";
import { formatDate } from "@/lib/i18n/format";

// Fresh on every request: a revoked product must leave the home page as it leaves the catalogue.
export const dynamic = "force-dynamic";

const STEPS = [1, 2, 3, 4, 5, 6] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  const c = await getTranslations("common");
  const [products, events, news] = await Promise.all([listFeaturedProducts(8), listUpcomingPublicEvents(3), listLatestNews(3)]);
  return (
    <>
      <section className="on-dark bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
          <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-4xl">{t("heroTitle")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("heroText")}</p>
          <form action="/products" method="get" role="search" className="mt-8 flex max-w-xl flex-wrap gap-2">
            <label htmlFor="home-search" className="sr-only">{t("searchLabel")}</label>
            <input
              id="home-search"
              name="q"
              type="search"
              placeholder={t("searchPlaceholder")}
              className="min-h-11 min-w-0 flex-1 rounded-md border border-white bg-white px-3 py-2 text-base text-stone-900"
            />
            <button type="submit" className={buttonClass("secondary")}>{t("searchSubmit")}</button>
          </form>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link href="/login" className={buttonClass("secondary")}>
              {c("signIn")}
            </Link>
            <Link href="/register" className="inline-flex min-h-11 items-center rounded-md border border-white px-4 py-2 text-sm font-medium hover:bg-brand-700">
              {c("register")}
            </Link>
          </div>
        </div>
      </section>

      {products.length > 0 ? (
        <section aria-labelledby="new-products" className="mx-auto max-w-6xl px-4 pt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="new-products" className="text-2xl font-semibold">{t("productsTitle")}</h2>
            <Link href="/products" className="font-medium text-brand-800 underline">{t("productsAll")}</Link>
          </div>
          <ul className="mt-4 grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 lg:grid-cols-4">
            {products.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {events.length > 0 || news.length > 0 ? (
        <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-10 lg:grid-cols-2">
          {events.length > 0 ? (
            <section aria-labelledby="upcoming-events">
              <h2 id="upcoming-events" className="text-2xl font-semibold">{t("eventsTitle")}</h2>
              <ul className="mt-3 space-y-3">
                {events.map((e) => (
                  <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
                    <h3 className="font-semibold">
                      <Link href={`/events/${e.slug}`} className="hover:underline">{e.name}</Link>
                    </h3>
                    <p className="text-sm text-stone-700">{t("eventWhen", { from: formatDate(e.startsOn), to: formatDate(e.endsOn), place: e.place })}</p>
                  </li>
                ))}
              </ul>
              <Link href="/events" className="mt-3 inline-block font-medium text-brand-800 underline">{t("eventsAll")}</Link>
            </section>
          ) : null}
          {news.length > 0 ? (
            <section aria-labelledby="latest-news">
              <h2 id="latest-news" className="text-2xl font-semibold">{t("newsTitle")}</h2>
              <ul className="mt-3 space-y-3">
                {news.map((n) => (
                  <li key={n.slug} className="rounded-lg border border-stone-200 bg-white p-4">
                    <h3 className="font-semibold">
                      <Link href={`/news/${n.slug}`} className="hover:underline">{n.title}</Link>
                    </h3>
                    {n.publishedAt ? <p className="text-sm text-stone-600">{formatDate(n.publishedAt)}</p> : null}
                    {n.summary ? <p className="mt-1 text-sm text-stone-800">{n.summary}</p> : null}
                  </li>
                ))}
              </ul>
              <Link href="/news" className="mt-3 inline-block font-medium text-brand-800 underline">{t("newsAll")}</Link>
            </section>
          ) : null}
        </div>
      ) : null}

      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 lg:grid-cols-3">
        <section className="lg:col-span-2" aria-labelledby="what">
          <h2 id="what" className="text-2xl font-semibold">{t("whatTitle")}</h2>
          <p className="mt-3 leading-relaxed text-stone-800">{t("whatText")}</p>
        </section>
        <section aria-labelledby="stars" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="stars" className="text-lg font-semibold">{t("starsTitle")}</h2>
          <ul className="mt-3 space-y-3 text-sm">
            {([5, 4, 3] as const).map((s) => (
              <li key={s}>
                <StarRating stars={s} />
                <p className="text-stone-700">{t(`star${s}`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="cycle" className="mx-auto max-w-6xl px-4">
        <h2 id="cycle" className="text-2xl font-semibold">{t("stepsTitle")}</h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {STEPS.map((n) => (
            <li key={n} className="rounded-lg border border-stone-200 bg-white p-5">
              <span className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800" aria-hidden="true">
                {n}
              </span>
              <h3 className="mt-2 font-semibold">{t(`step${n}Title`)}</h3>
              <p className="mt-1 text-sm text-stone-700">{t(`step${n}Text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="join" className="mx-auto mt-10 max-w-6xl px-4">
        <div className="rounded-lg bg-brand-50 p-6">
          <h2 id="join" className="text-2xl font-semibold">{t("joinTitle")}</h2>
          <p className="mt-2 max-w-3xl text-stone-800">{t("joinText")}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href="/register" className={buttonClass("primary")}>
              {c("register")}
            </Link>
            <Link href="/criteria" className={buttonClass("secondary")}>
              {t("criteriaLink")}
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
