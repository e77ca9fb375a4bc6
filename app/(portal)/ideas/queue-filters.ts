import type { Actor } from "@/lib/auth/actor";
import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import type { IdeaFilters } from "@/lib/db/ideas";
import { choosePlace, type PlaceChoice } from "@/lib/domain/places";
import { IDEA_STATES } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/**
 * The queue's filters as the URL carries them (list, detail and export read the same ones), and
 * the place choice the list's filter shows: null for a ward officer (held to their ward) and a
 * producer (their own ideas). The place is read through choosePlace, so the queue is filtered by
 * what the form shows: a ward left from another province (the form keeps the ward's value when
 * only the province is changed) is dropped, not combined with the province into an empty queue.
 */
export async function queueFilters(sp: SearchParams, actor: Actor, fallbackStatus?: IdeaFilters["status"]): Promise<{ filters: IdeaFilters & { page: number }; place: PlaceChoice | null }> {
  const wards = actor.role === "WARD_OFFICER" || actor.role === "PRODUCER" ? [] : await listWardsWithRegion();
  const place = wards.length > 0 ? choosePlace(wardPlaces(wards, "id"), textParam(sp, "province", 10), textParam(sp, "ward", 64)) : null;
  return {
    filters: {
      status: enumParam(sp, "status", IDEA_STATES) ?? fallbackStatus,
      wardId: place?.ward?.value,
      provinceCode: place?.ward ? undefined : place?.region?.code,
      year: intParam(sp, "year", 2019, 2100),
      criteriaSetNo: intParam(sp, "set", 1, 26),
      q: textParam(sp, "q"),
      page: intParam(sp, "page", 1, 100_000) ?? 1,
    },
    place,
  };
}
