import "server-only";
import { pointOfSaleListWhere, POINT_OF_SALE_LIST_ORDER, qualifyingCounts, type PointOfSaleFilters } from "@/lib/db/points-of-sale";
import { assessCounts } from "@/lib/domain/points-of-sale";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, wardFilter } from "./common";

const select = {
  id: true,
  name: true,
  operatorName: true,
  address: true,
  locationKind: true,
  contactName: true,
  phone: true,
  email: true,
  status: true,
  totalItemCount: true,
  ocopLocalItemCount: true,
  approvalDecisionNo: true,
  approvedOn: true,
  createdAt: true,
  ward: { select: { name: true } },
  _count: { select: { products: true } },
} satisfies Prisma.PointOfSaleSelect;

type PointRow = Prisma.PointOfSaleGetPayload<{ select: typeof select }>;
export type PointOfSaleExportRow = PointRow & { compliance: ReturnType<typeof assessCounts> };

/** /manage/points-of-sale: the desk's where (lib/db/points-of-sale.ts pointOfSaleListWhere), order and compliance check. */
export const pointOfSaleExport: ExportSource<PointOfSaleFilters, PointOfSaleExportRow> = {
  action: "pointOfSale.list",
  resource: { type: "publication" },
  count: (db, actor, f) => db.pointOfSale.count({ where: pointOfSaleListWhere(actor, f) }),
  rows: async (db, actor, f, skip, take) => {
    const rows = await db.pointOfSale.findMany({ where: pointOfSaleListWhere(actor, f), orderBy: POINT_OF_SALE_LIST_ORDER, skip, take, select });
    // The list's own count of qualifying products, one grouped query per batch.
    const qualifying = await qualifyingCounts(rows.map((r) => r.id), undefined, db);
    return rows.map((r) => ({
      ...r,
      compliance: assessCounts({ qualifyingProducts: qualifying.get(r.id) ?? 0, totalItemCount: r.totalItemCount, ocopLocalItemCount: r.ocopLocalItemCount }),
    }));
  },
  describe: async (t, _actor, f, db) => ({
    sheetName: t("reports.export.pointsOfSale.sheet"),
    title: t("reports.export.pointsOfSale.title"),
    fileName: t("reports.export.pointsOfSale.file"),
    filters: described([f.status && t("reports.export.filter.status", { value: t(`trade.status.${f.status}`) }), await wardFilter(t, db, f.wardId)]),
    columns: [
      { header: h(t, "pointName"), key: "name", type: "text" },
      { header: h(t, "operator"), key: "operatorName", type: "text" },
      { header: h(t, "address"), key: "address", type: "text" },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.ward.name },
      { header: h(t, "locationKind"), key: "locationKind", type: "text", value: (r) => t(`trade.location.${r.locationKind}`) },
      { header: h(t, "contactName"), key: "contactName", type: "text" },
      { header: h(t, "phone"), key: "phone", type: "text" },
      { header: h(t, "email"), key: "email", type: "text" },
      { header: h(t, "status"), key: "status", type: "text", value: (r) => t(`trade.status.${r.status}`) },
      { header: h(t, "submittedAt"), key: "createdAt", type: "datetime" },
      { header: h(t, "totalItems"), key: "totalItemCount", type: "integer" },
      { header: h(t, "ocopLocalItems"), key: "ocopLocalItemCount", type: "integer" },
      { header: h(t, "carriedProducts"), key: "carried", type: "integer", value: (r) => r._count.products },
      { header: h(t, "qualifyingProducts"), key: "qualifying", type: "integer", value: (r) => r.compliance.qualifyingProducts },
      { header: h(t, "requiredProducts"), key: "required", type: "integer", value: (r) => r.compliance.requiredProducts },
      { header: h(t, "compliant"), key: "compliant", type: "boolean", value: (r) => r.compliance.compliant },
      { header: h(t, "approvalDecision"), key: "approvalDecisionNo", type: "text" },
      { header: h(t, "approvedOn"), key: "approvedOn", type: "date" },
    ],
  }),
};
