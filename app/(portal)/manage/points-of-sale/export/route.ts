import { pointOfSaleExport } from "@/lib/export/lists/points-of-sale";
import { listExportResponse } from "@/lib/export/run";
import { pointOfSaleListFilters } from "../list-filters";

export const dynamic = "force-dynamic";

/** /manage/points-of-sale as Excel: the desk's filters (list-filters.ts), scope and policy, every page. */
export function GET(request: Request) {
  return listExportResponse(request, pointOfSaleExport, async (sp, actor) => (await pointOfSaleListFilters(sp, actor)).filters);
}
