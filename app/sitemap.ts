import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/env";
import { sitemapProducts } from "@/lib/db/catalogue";
import { sitemapEvents } from "@/lib/db/events";
import { sitemapGiftSets } from "@/lib/db/gift-sets";
import { sitemapPointsOfSale } from "@/lib/db/points-of-sale";
import { sitemapNews } from "@/lib/db/news";

// Read at request time, so a revoked product or an unpublished article leaves the sitemap at once.
export const dynamic = "force-dynamic";

const STATIC_PAGES = ["/", "/products", "/points-of-sale", "/points-of-sale/apply", "/events", "/gift-sets", "/news", "/documents", "/training", "/verify", "/criteria", "/open-data"];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicUrl();
  const at = (path: string) => new URL(path, base).toString();
  const [products, events, giftSets, news, points] = await Promise.all([sitemapProducts(), sitemapEvents(), sitemapGiftSets(), sitemapNews(), sitemapPointsOfSale()]);
  return [
    ...STATIC_PAGES.map((p) => ({ url: at(p) })),
    ...products.map((p) => ({ url: at(`/products/${p.slug}`), lastModified: p.updatedAt })),
    ...events.map((e) => ({ url: at(`/events/${e.slug}`), lastModified: e.updatedAt })),
    ...giftSets.map((g) => ({ url: at(`/gift-sets/${g.slug}`), lastModified: g.updatedAt })),
    ...news.map((n) => ({ url: at(`/news/${n.slug}`), lastModified: n.updatedAt })),
    ...points.map((p) => ({ url: at(`/points-of-sale/${p.id}`), lastModified: p.updatedAt })),
  ];
}
