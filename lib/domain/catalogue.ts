/**
 * The public catalogue's text rules: how a product is found without diacritics and how its
 * address is written. Pure; used by the writes that keep Product.searchText and the search that
 * reads it, so both fold text the same way.
 */

/** Lower case, without diacritics (đ → d), runs of anything else than letters and digits as one space. */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** What catalogue search looks in: the product's name, its producer's and its ward's. */
export function productSearchText(parts: { productName: string; producerName: string; wardName: string }): string {
  return foldVietnamese(`${parts.productName} ${parts.producerName} ${parts.wardName}`);
}

/** The words of a query, folded; each must appear in the search text (in any order). */
export function searchTerms(query: string, maxTerms = 6): string[] {
  return [...new Set(foldVietnamese(query).split(" ").filter((w) => w.length > 0))].slice(0, maxTerms);
}

/** A readable, stable address: "mien-dong-tai-hoan-k3f9" (the suffix keeps equal names apart). */
export function productSlug(name: string, suffix: string): string {
  const base = foldVietnamese(name).replace(/ /g, "-").slice(0, 60).replace(/-+$/, "");
  return `${base || "san-pham"}-${suffix.toLowerCase()}`;
}

/**
 * Certificate states in which a product is listed in the public catalogue. A certificate is valid
 * 36 months from issue (QĐ26 Art. 4.3); a revocation only ends it by decision (QĐ26 Art. 8), so a
 * proposal still lists the product. Expired, revoked and replaced ones are not listed.
 */
export const LISTED_CERTIFICATE_STATUSES = ["ACTIVE", "REVOCATION_PROPOSED"] as const;

/**
 * Whether a product is in the catalogue on `today` (a Vietnam calendar date, YYYY-MM-DD): its
 * current certificate is live and `today` is not after its last valid day. The SQL of the
 * catalogue (lib/db/catalogue.ts) is built from the same constants and says the same thing.
 */
export function isListed(p: { certificateStatus: string | null; certificateExpiresOn: string | null }, today: string): boolean {
  return (
    p.certificateStatus !== null &&
    (LISTED_CERTIFICATE_STATUSES as readonly string[]).includes(p.certificateStatus) &&
    p.certificateExpiresOn !== null &&
    p.certificateExpiresOn >= today
  );
}

/** Catalogue orders: newest recognition first (the default), most stars first, name A–Z. */
export const CATALOGUE_SORTS = ["newest", "stars", "name"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];
