import type { DossierFilters } from "@/lib/db/dossiers";
import { DOSSIER_STATES } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** The queue's filters as the URL carries them. */
export function dossierQueueFilters(sp: SearchParams, ownWardOnly: boolean): DossierFilters {
  return {
    status: enumParam(sp, "status", DOSSIER_STATES),
    wardId: ownWardOnly ? undefined : textParam(sp, "ward", 64),
    criteriaSetNo: intParam(sp, "set", 1, 26),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
