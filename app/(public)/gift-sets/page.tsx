import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublishedGiftSets } from "@/lib/db/gift-sets";
import { formatVnd } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  const title = t("giftSets.title");
  const description = t("giftSets.metaDescription");
  const [first] = await listPublishedGiftSets(1);
  return {
    title,
    description,
    alternates: { canonical: "/gift-sets" },
    openGraph: { title, description, url: "/gift-sets", images: first?.coverPhotoId ? [`/api/media/${first.coverPhotoId}`] : undefined },
  };
}

/** Published OCOP gift sets: bundles of recognised products with the story behind them. */
export default async function GiftSetsPage() {
  const t = await getTranslations();
  const sets = await listPublishedGiftSets(60);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("giftSets.title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("giftSets.intro")}</p>
      {sets.length === 0 ? (
        <p className="mt-6">{t("giftSets.empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {sets.map((s) => (
            <li key={s.id} className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white">
              {s.coverPhotoId ? (
                // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/media
                <img src={`/api/media/${s.coverPhotoId}`} alt="" width={480} height={320} loading="lazy" className="aspect-[3/2] h-auto w-full object-cover" />
              ) : null}
              <div className="flex flex-1 flex-col p-4">
                <h2 className="text-lg font-semibold">
                  <Link href={`/gift-sets/${s.slug}`} className="text-brand-700 underline underline-offset-2">{s.name}</Link>
                </h2>
                {s.occasion ? <p className="text-sm text-stone-700">{s.occasion}</p> : null}
                {s.story ? <p className="mt-2 line-clamp-3 text-sm">{s.story}</p> : null}
                <p className="mt-auto pt-3 text-sm text-stone-700">
                  {t("giftSets.productCount", { count: s._count.items })}
                  {s.priceVnd !== null ? ` · ${formatVnd(s.priceVnd)}` : ""}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
