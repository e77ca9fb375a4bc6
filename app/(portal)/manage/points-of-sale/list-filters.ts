import type { Actor } from "@/lib/auth/actor";
import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import type { PointOfSaleFilters } from "@/lib/db/points-of-sale";
import { choosePlace, type PlaceChoice } from "@/lib/domain/places";
import { POINT_OF_SALE_STATES } from "@/lib/domain/points-of-sale";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/**
 * The desk's filters as the URL carries them (the list page and its Excel export read the same
 * ones), and the place choice the page's filter shows: the ward goes by its code, the province by
 * its code. A ward officer's list is their ward already, so the place filter is for the office
 * (null for a ward officer). The place is read through choosePlace, so the list is filtered by
 * what the form shows: a ward left from another province (the form keeps the ward's value when
 * only the province is changed) is dropped, not combined with the province into an empty list.
 */
export async function pointOfSaleListFilters(sp: SearchParams, actor: Actor): Promise<{ filters: PointOfSaleFilters & { page: number }; place: PlaceChoice | null }> {
  const wards = actor.role === "WARD_OFFICER" ? [] : await listWardsWithRegion();
  const place = wards.length > 0 ? choosePlace(wardPlaces(wards, "code"), textParam(sp, "province", 10), textParam(sp, "ward", 10)) : null;
  const wardCode = place?.ward?.value;
  const ward = wardCode ? wards.find((w) => w.code === wardCode) : undefined;
  const status = enumParam(sp, "status", POINT_OF_SALE_STATES);
  const page = intParam(sp, "page", 1, 100_000) ?? 1;
  return { filters: { status, wardId: ward?.id, provinceCode: place?.ward ? undefined : place?.region?.code, page }, place };
}
