import { dossierExport } from "@/lib/export/lists/dossiers";
import { listExportResponse } from "@/lib/export/run";
import { dossierQueueFilters } from "../queue-filters";

export const dynamic = "force-dynamic";

/** /dossiers as Excel: the desk's filters (queue-filters.ts, its default status included), scope and policy, every page. */
export function GET(request: Request) {
  return listExportResponse(request, dossierExport, async (sp, actor) => (await dossierQueueFilters(sp, actor.role)).filters);
}
