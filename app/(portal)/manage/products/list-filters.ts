import { PRODUCT_LIST_STATES, type ProductListFilters } from "@/lib/db/products";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** The list's filters as the URL carries them (the list page and its Excel export read the same ones). */
export function productListFilters(sp: SearchParams): ProductListFilters & { page: number } {
  return { q: textParam(sp, "q", 100), state: enumParam(sp, "state", PRODUCT_LIST_STATES), page: intParam(sp, "page", 1, 100_000) ?? 1 };
}
