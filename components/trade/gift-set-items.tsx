import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StarRating } from "@/components/ocop/star-rating";

type Item = { note: string; listed: boolean; product: { id: string; slug: string; name: string; star: number | null; producer: { name: string } } };

/**
 * The products of a gift set, in order. One that has lost its recognition stays in the list,
 * said so plainly, without a star or a link: the set must not pass it off as OCOP.
 */
export async function GiftSetItems({ items }: { items: Item[] }) {
  const t = await getTranslations();
  if (items.length === 0) return <p className="mt-2 text-stone-600">{t("giftSets.itemsEmpty")}</p>;
  return (
    <ol className="mt-3 grid gap-3 sm:grid-cols-2">
      {items.map((i) => (
        <li key={i.product.id} className="rounded-lg border border-stone-200 bg-white p-4">
          <p className="font-semibold">
            {i.listed ? (
              <Link href={`/products/${i.product.slug}`} className="text-brand-700 underline underline-offset-2">{i.product.name}</Link>
            ) : (
              i.product.name
            )}
          </p>
          <p className="text-sm text-stone-700">{i.product.producer.name}</p>
          <p className="mt-1 text-sm">
            {i.listed && i.product.star ? <StarRating stars={i.product.star} /> : <span className="font-medium text-red-800" data-testid="not-recognised">{t("trade.notRecognised")}</span>}
          </p>
          {i.note ? <p className="mt-2 text-sm">{i.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
