import { suggestListedProducts } from "@/lib/db/points-of-sale";

export const dynamic = "force-dynamic";

/**
 * The product picker of the point-of-sale and gift-set forms: the 20 best listed catalogue
 * products matching ?q= (with or without diacritics). Public, read-only, like the catalogue.
 */
export async function GET(request: Request) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const products = await suggestListedProducts(q, 20);
  return Response.json(products, { headers: { "Cache-Control": "public, max-age=60" } });
}
