import type { Actor } from "@/lib/auth/actor";
import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import { INSPECTION_STATUS_FILTERS, type InspectionListFilters } from "@/lib/db/inspections";
import { INSPECTION_CONCLUSIONS, INSPECTION_FOLLOW_UPS, INSPECTION_KINDS } from "@/lib/domain/inspections";
import { choosePlace, type PlaceChoice } from "@/lib/domain/places";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** Roles that see the whole city; a ward officer and a producer are held to their own scope. */
export const isCitywide = (actor: Actor) => actor.role === "ECONOMIC_OFFICE" || actor.role === "LEADER" || actor.role === "ADMIN";

/**
 * The list's filters as the URL carries them (the list page and its Excel export read the same
 * ones), and the place choice the page's filter shows (null where the role has no place filter).
 * The place is read through choosePlace, so the list is filtered by what the form shows: the form
 * keeps the ward's value when only the province is changed, and that ward, outside the province
 * now chosen, is dropped rather than leaving an empty list under "all wards of" the province.
 */
export async function inspectionListFilters(sp: SearchParams, actor: Actor): Promise<{ filters: InspectionListFilters & { page: number }; place: PlaceChoice | null }> {
  const wards = isCitywide(actor) ? await listWardsWithRegion() : [];
  const place = wards.length > 0 ? choosePlace(wardPlaces(wards, "id"), textParam(sp, "province", 10), textParam(sp, "ward", 64)) : null;
  return {
    filters: {
      status: enumParam(sp, "status", INSPECTION_STATUS_FILTERS),
      kind: enumParam(sp, "kind", INSPECTION_KINDS),
      conclusion: enumParam(sp, "conclusion", INSPECTION_CONCLUSIONS),
      followUp: enumParam(sp, "followUp", INSPECTION_FOLLOW_UPS),
      year: intParam(sp, "year", 2000, 2100),
      wardId: place?.ward?.value,
      provinceCode: place?.ward ? undefined : place?.region?.code,
      certificateId: textParam(sp, "certificate", 64),
      q: textParam(sp, "q"),
      page: intParam(sp, "page", 1, 100_000) ?? 1,
    },
    place,
  };
}
