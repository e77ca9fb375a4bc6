import { vietnamDateOf } from "@/lib/domain/dates";
import { productExport } from "@/lib/export/lists/products";
import { listExportResponse } from "@/lib/export/run";
import { productListFilters } from "../list-filters";

export const dynamic = "force-dynamic";

/** /manage/products as Excel: the same filters (list-filters.ts), scope and policy as the list, every page. */
export function GET(request: Request) {
  return listExportResponse(request, productExport, (sp) => ({ ...productListFilters(sp), today: vietnamDateOf(new Date()) }));
}
