import type { DossierFilters } from "@/lib/db/dossiers";
import { DOSSIER_STAGE_KEYS } from "@/lib/domain/dashboard";
import { DOSSIER_STATES, type DossierState } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** "status=ALL" in the URL: every status, where a desk would otherwise open on its own work. */
export const ALL_STATUSES = "ALL";

/**
 * The queue's filters as the URL carries them. A desk opens on its own work: the ward on what
 * awaits its pre-assessment, the Economic Office on what the wards forwarded.
 */
export function dossierQueueFilters(sp: SearchParams, role: string): DossierFilters {
  const fallback: DossierState | undefined = role === "WARD_OFFICER" ? "SUBMITTED" : role === "ECONOMIC_OFFICE" ? "FORWARDED" : undefined;
  const all = textParam(sp, "status", 16) === ALL_STATUSES;
  return {
    status: all ? undefined : (enumParam(sp, "status", DOSSIER_STATES) ?? fallback),
    wardId: role === "WARD_OFFICER" ? undefined : textParam(sp, "ward", 64),
    provinceCode: role === "WARD_OFFICER" ? undefined : textParam(sp, "province", 10),
    year: intParam(sp, "year", 2000, 2100),
    stage: enumParam(sp, "stage", DOSSIER_STAGE_KEYS),
    criteriaSetNo: intParam(sp, "set", 1, 26),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
