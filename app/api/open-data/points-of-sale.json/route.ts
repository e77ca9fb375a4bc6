import { openDataPointsOfSale } from "@/lib/db/open-data";
import { vietnamDateOf } from "@/lib/domain/dates";
import { jsonResponse } from "../respond";

export const dynamic = "force-dynamic";

/** Approved OCOP points of sale, as JSON (README: open data). */
export async function GET() {
  return jsonResponse(await openDataPointsOfSale(vietnamDateOf(new Date())));
}
