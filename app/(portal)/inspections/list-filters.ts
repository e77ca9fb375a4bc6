import type { Actor } from "@/lib/auth/actor";
import { INSPECTION_STATUS_FILTERS, type InspectionListFilters } from "@/lib/db/inspections";
import { INSPECTION_CONCLUSIONS, INSPECTION_FOLLOW_UPS, INSPECTION_KINDS } from "@/lib/domain/inspections";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** Roles that see the whole city; a ward officer and a producer are held to their own scope. */
export const isCitywide = (actor: Actor) => actor.role === "ECONOMIC_OFFICE" || actor.role === "LEADER" || actor.role === "ADMIN";

/** The list's filters as the URL carries them (the list page and its Excel export read the same ones). */
export function inspectionListFilters(sp: SearchParams, actor: Actor): InspectionListFilters & { page: number } {
  return {
    status: enumParam(sp, "status", INSPECTION_STATUS_FILTERS),
    kind: enumParam(sp, "kind", INSPECTION_KINDS),
    conclusion: enumParam(sp, "conclusion", INSPECTION_CONCLUSIONS),
    followUp: enumParam(sp, "followUp", INSPECTION_FOLLOW_UPS),
    year: intParam(sp, "year", 2000, 2100),
    wardId: isCitywide(actor) ? textParam(sp, "ward", 64) : undefined,
    certificateId: textParam(sp, "certificate", 64),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
