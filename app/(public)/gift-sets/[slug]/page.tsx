import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findPublishedGiftSet, withListing } from "@/lib/db/gift-sets";
import { formatVnd } from "@/lib/i18n/format";
import { GiftSetItems } from "@/components/trade/gift-set-items";

export const dynamic = "force-dynamic";

const paragraphs = (text: string) => text.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const set = await findPublishedGiftSet(slug);
  const t = await getTranslations();
  if (!set) return { title: t("notFound.title") };
  const description = (paragraphs(set.story)[0] ?? t("giftSets.metaDescription")).slice(0, 200);
  const url = `/gift-sets/${set.slug}`;
  return {
    title: set.name,
    description,
    alternates: { canonical: url },
    openGraph: { title: set.name, description, url, type: "article", images: set.coverPhotoId ? [`/api/media/${set.coverPhotoId}`] : undefined },
  };
}

export default async function GiftSetPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const set = await findPublishedGiftSet(slug);
  if (!set) notFound();
  const t = await getTranslations();
  const items = withListing(set.items);
  return (
    <article className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm">
        <Link href="/gift-sets" className="text-brand-700 underline underline-offset-2">{t("giftSets.title")}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{set.name}</h1>
      <p className="mt-1 text-stone-700">
        {[set.occasion, set.priceVnd !== null ? t("giftSets.priceFrom", { price: formatVnd(set.priceVnd) }) : null].filter(Boolean).join(" · ")}
      </p>
      {set.coverPhotoId ? (
        // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/media
        <img src={`/api/media/${set.coverPhotoId}`} alt={t("giftSets.coverAlt", { name: set.name })} width={960} height={640} loading="lazy" className="mt-4 aspect-[3/2] h-auto w-full rounded-lg object-cover" />
      ) : null}
      {set.story ? (
        <section aria-labelledby="story" className="mt-6">
          <h2 id="story" className="text-lg font-semibold">{t("giftSets.storyHeading")}</h2>
          <div className="mt-2 max-w-3xl space-y-3 leading-relaxed">
            {paragraphs(set.story).map((p, i) => <p key={i}>{p}</p>)}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="items" className="mt-8">
        <h2 id="items" className="text-lg font-semibold">{t("giftSets.itemsHeading", { count: items.length })}</h2>
        <GiftSetItems items={items} />
      </section>
    </article>
  );
}
