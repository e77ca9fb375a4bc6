import { openDataProducts, PRODUCT_FIELDS } from "@/lib/db/open-data";
import { vietnamDateOf } from "@/lib/domain/dates";
import { csvResponse } from "../respond";

export const dynamic = "force-dynamic";

/** Recognised products with a live certificate, as CSV for Excel (UTF-8 with BOM). */
export async function GET() {
  return csvResponse("san-pham-ocop.csv", PRODUCT_FIELDS, await openDataProducts(vietnamDateOf(new Date())));
}
