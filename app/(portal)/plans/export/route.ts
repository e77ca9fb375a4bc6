import { planExport } from "@/lib/export/lists/plans";
import { listExportResponse } from "@/lib/export/run";
import { planListFilters } from "../list-filters";

export const dynamic = "force-dynamic";

/** /plans as Excel: the same filters (list-filters.ts), scope and policy as the list, every page. */
export function GET(request: Request) {
  return listExportResponse(request, planExport, planListFilters);
}
