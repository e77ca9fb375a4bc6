import { openDataPointsOfSale, POINT_OF_SALE_FIELDS } from "@/lib/db/open-data";
import { vietnamDateOf } from "@/lib/domain/dates";
import { csvResponse } from "../respond";

export const dynamic = "force-dynamic";

/** Approved OCOP points of sale, as CSV for Excel (UTF-8 with BOM). */
export async function GET() {
  return csvResponse("diem-ban-ocop.csv", POINT_OF_SALE_FIELDS, await openDataPointsOfSale(vietnamDateOf(new Date())));
}
