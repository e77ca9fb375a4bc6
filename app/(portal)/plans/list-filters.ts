import type { Actor } from "@/lib/auth/actor";
import type { PlanFilters } from "@/lib/db/plans";
import { PLAN_STAGE_KEYS } from "@/lib/domain/dashboard";
import { BUSINESS_PLAN_STATES } from "@/lib/domain/workflow";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

export const FUNDING_SOURCES = ["NATIONAL_TARGET_PROGRAMME", "PROVINCE", "CITY", "PRODUCER", "OTHER"] as const;

/** The list's filters as the URL carries them (the list page and its Excel export read the same ones). */
export function planListFilters(sp: SearchParams, actor: Actor): PlanFilters & { page: number } {
  return {
    status: enumParam(sp, "status", BUSINESS_PLAN_STATES),
    year: intParam(sp, "year", 2000, 2100),
    stage: enumParam(sp, "stage", PLAN_STAGE_KEYS),
    // A ward officer's ward is its scope; the ward filter (from the dashboard) is for city roles.
    wardId: actor.role === "WARD_OFFICER" || actor.role === "PRODUCER" ? undefined : textParam(sp, "ward", 64),
    provinceCode: actor.role === "WARD_OFFICER" || actor.role === "PRODUCER" ? undefined : textParam(sp, "province", 10),
    supportYear: intParam(sp, "supportYear", 2000, 2100),
    supportSource: enumParam(sp, "source", FUNDING_SOURCES),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
