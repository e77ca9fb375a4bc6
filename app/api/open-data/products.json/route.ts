import { openDataProducts } from "@/lib/db/open-data";
import { vietnamDateOf } from "@/lib/domain/dates";
import { jsonResponse } from "../respond";

export const dynamic = "force-dynamic";

/** Recognised products with a live certificate, as JSON (README: open data). */
export async function GET() {
  return jsonResponse(await openDataProducts(vietnamDateOf(new Date())));
}
