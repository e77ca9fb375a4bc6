import { vietnamDateOf } from "@/lib/domain/dates";
import { certificateExport } from "@/lib/export/lists/certificates";
import { listExportResponse } from "@/lib/export/run";
import { certificateListFilters } from "../list-filters";

export const dynamic = "force-dynamic";

/** /certificates as Excel: the same filters (list-filters.ts), scope and policy as the list, every page. */
export function GET(request: Request) {
  return listExportResponse(request, certificateExport, async (sp, actor) => ({ ...(await certificateListFilters(sp, actor)).filters, today: vietnamDateOf(new Date()) }));
}
