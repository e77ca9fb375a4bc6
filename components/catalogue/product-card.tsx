import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StarRating } from "@/components/ocop/star-rating";
import { ProductPhoto } from "./product-photo";

export type ProductCardData = { slug: string; name: string; star: number; coverPhotoId: string | null; producerName: string; wardName: string };

/**
 * A listed product in the catalogue: photo, name (the link), producer, ward and star. The name is
 * a heading one level under the list's own (h2 in the catalogue, h3 under a section heading).
 */
export async function ProductCard({ product, headingLevel = 2 }: { product: ProductCardData; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("catalogue");
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <ProductPhoto photoId={product.coverPhotoId} name={product.name} />
      <div className="flex flex-1 flex-col gap-1 p-4">
        <Heading className="text-base font-semibold leading-snug">
          {/* The whole card is the link's target area; the name is what is read out. */}
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 hover:underline focus:outline-none">
            {product.name}
          </Link>
        </Heading>
        <p className="text-sm text-stone-700">{product.producerName}</p>
        <p className="text-sm text-stone-600">{product.wardName}</p>
        <p className="mt-auto flex items-center gap-2 pt-2 text-sm">
          <StarRating stars={product.star} />
          {/* The stars above already say this to screen readers. */}
          <span aria-hidden="true" className="font-medium">{t("starText", { count: product.star })}</span>
        </p>
      </div>
    </article>
  );
}
