import { vietnamDateOf } from "@/lib/domain/dates";
import { inspectionExport } from "@/lib/export/lists/inspections";
import { listExportResponse } from "@/lib/export/run";
import { inspectionListFilters } from "../list-filters";

export const dynamic = "force-dynamic";

/** /inspections as Excel: the same filters (list-filters.ts), scope and policy as the list, every page. */
export function GET(request: Request) {
  return listExportResponse(request, inspectionExport, async (sp, actor) => ({ ...(await inspectionListFilters(sp, actor)).filters, today: vietnamDateOf(new Date()) }));
}
