import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Product = { id: string; slug: string; name: string; star: number | null };

/** Listed products a point of sale carries, each linked to its catalogue page. */
export async function CarriedList({ products, label, collapsed = false }: { products: Product[]; label: string; collapsed?: boolean }) {
  const t = await getTranslations();
  const list = (
    <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" aria-label={label}>
      {products.map((p) => (
        <li key={p.id}>
          <Link href={`/products/${p.slug}`} className="text-brand-700 underline underline-offset-2">{p.name}</Link>
          {p.star ? <span className="text-stone-600"> · {t("common.stars", { count: p.star })}</span> : null}
        </li>
      ))}
    </ul>
  );
  if (!collapsed) return list;
  // On a phone a list of thirty products would bury the next point: it opens on demand.
  return (
    <details className="mt-2">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-brand-700">{t("pointsOfSale.showProducts", { count: products.length })}</summary>
      {list}
    </details>
  );
}
