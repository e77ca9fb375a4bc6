import { ideaExport } from "@/lib/export/lists/ideas";
import { listExportResponse } from "@/lib/export/run";
import { queueFilters } from "../queue-filters";

export const dynamic = "force-dynamic";

/** /ideas as Excel: the same filters (queue-filters.ts), scope and policy as the list, every page. */
export function GET(request: Request) {
  return listExportResponse(request, ideaExport, async (sp, actor) => (await queueFilters(sp, actor)).filters);
}
