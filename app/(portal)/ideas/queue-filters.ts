import type { IdeaFilters } from "@/lib/db/ideas";
import { IDEA_STATES } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/** The queue's filters as the URL carries them (list and detail pages read the same ones). */
export function queueFilters(sp: SearchParams, ownWardOnly: boolean, fallbackStatus?: IdeaFilters["status"]): IdeaFilters {
  return {
    status: enumParam(sp, "status", IDEA_STATES) ?? fallbackStatus,
    wardId: ownWardOnly ? undefined : textParam(sp, "ward", 64),
    year: intParam(sp, "year", 2019, 2100),
    criteriaSetNo: intParam(sp, "set", 1, 26),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
