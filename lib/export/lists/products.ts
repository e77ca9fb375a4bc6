import "server-only";
import { productListWhere, PRODUCT_LIST_ORDER, type ProductListFilters } from "@/lib/db/products";
import { isListed } from "@/lib/domain/catalogue";
import { isoOf, type IsoDate } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, searchFilter } from "./common";

const select = {
  id: true,
  name: true,
  star: true,
  criteriaSetNo: true,
  certificateStatus: true,
  certificateExpiresOn: true,
  priceFromVnd: true,
  summary: true,
  coverPhotoId: true,
  updatedAt: true,
  producer: { select: { name: true, type: true, ward: { select: { name: true } } } },
  criteriaSet: { select: { name: true } },
  certificate: { select: { number: true } },
} satisfies Prisma.ProductSelect;

export type ProductExportRow = Prisma.ProductGetPayload<{ select: typeof select }>;
export type ProductExportFilters = ProductListFilters & { today: IsoDate };

/** The catalogue state the list shows: listed today, else why not (lib/domain/catalogue isListed). */
export function catalogueState(r: { certificateStatus: string | null; certificateExpiresOn: Date | null }, today: IsoDate): "listed" | "revoked" | "expired" {
  const listed = isListed({ certificateStatus: r.certificateStatus, certificateExpiresOn: r.certificateExpiresOn ? isoOf(r.certificateExpiresOn) : null }, today);
  return listed ? "listed" : r.certificateStatus === "REVOKED" ? "revoked" : "expired";
}

/** /manage/products: the list's where (lib/db/products.ts productListWhere) and order. */
export const productExport: ExportSource<ProductExportFilters, ProductExportRow> = {
  action: "product.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.product.count({ where: productListWhere(actor, f, f.today) }),
  rows: (db, actor, f, skip, take) => db.product.findMany({ where: productListWhere(actor, f, f.today), orderBy: PRODUCT_LIST_ORDER, skip, take, select }),
  describe: (t, _actor, f) => ({
    sheetName: t("reports.export.products.sheet"),
    title: t("reports.export.products.title"),
    fileName: t("reports.export.products.file"),
    filters: described([f.state && t("reports.export.filter.catalogueState", { state: t(`productProfile.states.${f.state}`) }), searchFilter(t, f.q)]),
    columns: [
      { header: h(t, "productName"), key: "name", type: "text" },
      { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
      { header: h(t, "producerType"), key: "producerType", type: "text", value: (r) => t(`producerTypes.${r.producer.type}`) },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
      { header: h(t, "star"), key: "star", type: "integer" },
      { header: h(t, "criteriaSetNo"), key: "criteriaSetNo", type: "integer" },
      { header: h(t, "criteriaSet"), key: "criteriaSet", type: "text", value: (r) => r.criteriaSet.name },
      { header: h(t, "certificateNumber"), key: "certificate", type: "text", value: (r) => r.certificate?.number },
      { header: h(t, "catalogueState"), key: "catalogueState", type: "text", value: (r) => t(`productProfile.catalogueStates.${catalogueState(r, f.today)}`) },
      { header: h(t, "expiresOn"), key: "certificateExpiresOn", type: "date", value: (r) => (r.certificateExpiresOn ? isoOf(r.certificateExpiresOn) : null) },
      { header: h(t, "priceFrom"), key: "priceFromVnd", type: "vnd" },
      { header: h(t, "hasSummary"), key: "hasSummary", type: "boolean", value: (r) => r.summary.trim() !== "" },
      { header: h(t, "hasPhoto"), key: "hasPhoto", type: "boolean", value: (r) => r.coverPhotoId !== null },
      { header: h(t, "updatedAt"), key: "updatedAt", type: "datetime" },
    ],
  }),
};
