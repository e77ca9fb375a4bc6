import type { Actor } from "@/lib/auth/actor";
import { CERTIFICATE_FILTERS, type CertificateListFilters } from "@/lib/db/certificates";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

const EVALUATION_TYPES = ["FIRST", "UPGRADE", "RE_EVALUATION"] as const;

/** Roles that see the whole city; a ward officer and a producer have one ward (their scope). */
export const isCitywide = (actor: Actor) => actor.role === "ECONOMIC_OFFICE" || actor.role === "LEADER" || actor.role === "ADMIN";

/** The list's filters as the URL carries them (the list page and its Excel export read the same ones). */
export function certificateListFilters(sp: SearchParams, actor: Actor): CertificateListFilters & { page: number } {
  return {
    status: enumParam(sp, "status", CERTIFICATE_FILTERS),
    star: intParam(sp, "star", 1, 5),
    expiringWithin: intParam(sp, "expiring", 1, 3650),
    wardId: isCitywide(actor) ? textParam(sp, "ward", 64) : undefined,
    issuedYear: intParam(sp, "year", 2000, 2100),
    evaluationType: enumParam(sp, "type", EVALUATION_TYPES),
    revokedYear: intParam(sp, "revokedYear", 2000, 2100),
    q: textParam(sp, "q"),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
}
