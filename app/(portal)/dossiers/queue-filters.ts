import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import type { DossierFilters } from "@/lib/db/dossiers";
import { choosePlace, type PlaceChoice } from "@/lib/domain/places";
import { DOSSIER_STAGE_KEYS } from "@/lib/domain/dashboard";
import { DOSSIER_STATES, type DossierState } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** "status=ALL" in the URL: every status, where a desk would otherwise open on its own work. */
export const ALL_STATUSES = "ALL";

/**
 * The queue's filters as the URL carries them, and the place choice its form shows (null for the
 * roles without a place filter: a ward officer's ward is its scope, a producer has its own). A desk
 * opens on its own work: the ward on what awaits its pre-assessment, the Economic Office on what
 * the wards forwarded. The place is read through choosePlace, so the queue is filtered by what the
 * form shows (a ward left over from another province is dropped, not ANDed into an empty list).
 */
export async function dossierQueueFilters(sp: SearchParams, role: string): Promise<{ filters: DossierFilters; place: PlaceChoice | null }> {
  const fallback: DossierState | undefined = role === "WARD_OFFICER" ? "SUBMITTED" : role === "ECONOMIC_OFFICE" ? "FORWARDED" : undefined;
  const all = textParam(sp, "status", 16) === ALL_STATUSES;
  const wards = role === "WARD_OFFICER" || role === "PRODUCER" ? [] : await listWardsWithRegion();
  const place = wards.length > 0 ? choosePlace(wardPlaces(wards, "id"), textParam(sp, "province", 10), textParam(sp, "ward", 64)) : null;
  const filters: DossierFilters = {
    status: all ? undefined : (enumParam(sp, "status", DOSSIER_STATES) ?? fallback),
    wardId: place?.ward?.value,
    provinceCode: place?.ward ? undefined : place?.region?.code,
    year: intParam(sp, "year", 2000, 2100),
    stage: enumParam(sp, "stage", DOSSIER_STAGE_KEYS),
    criteriaSetNo: intParam(sp, "set", 1, 26),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
  return { filters, place };
}
