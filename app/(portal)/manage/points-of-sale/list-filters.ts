import type { Actor } from "@/lib/auth/actor";
import type { PointOfSaleFilters } from "@/lib/db/points-of-sale";
import { listWards } from "@/lib/db/reference";
import { POINT_OF_SALE_STATES } from "@/lib/domain/points-of-sale";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

type Ward = Awaited<ReturnType<typeof listWards>>[number];

/**
 * The desk's filters as the URL carries them (the list page and its Excel export read the same
 * ones): the ward goes by its code. A ward officer's list is their ward already, so the filter
 * (and the list of wards it offers) is for the office.
 */
export async function pointOfSaleListFilters(sp: SearchParams, actor: Actor): Promise<{ filters: PointOfSaleFilters & { page: number }; wards: Ward[]; ward: Ward | undefined }> {
  const wards = actor.role === "WARD_OFFICER" ? [] : await listWards();
  const wardCode = textParam(sp, "ward", 10);
  const ward = wards.find((w) => w.code === wardCode);
  const status = enumParam(sp, "status", POINT_OF_SALE_STATES);
  const page = intParam(sp, "page", 1, 100_000) ?? 1;
  return { filters: { status, wardId: ward?.id, page }, wards, ward };
}
