import "server-only";
import type { IsoDate } from "@/lib/domain/dates";
import { publicUrl } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translate";
import { listedWhere } from "./catalogue";
import { prisma } from "./client";
import { isoOf } from "@/lib/domain/dates";

// The open datasets (issue 5 §8): what the catalogue and the list of points of sale show the
// public, as records with stable snake_case field names, the same in JSON and CSV. Only public
// facts: no people's names, e-mails or anything a visitor cannot already read on the site.


export const PRODUCT_FIELDS = [
  "url",
  "name",
  "producer",
  "producer_type",
  "producer_type_name",
  "ward",
  "ward_code",
  "criteria_set",
  "criteria_set_name",
  "star",
  "certificate_number",
  "issued_on",
  "expires_on",
] as const;
export type OpenProduct = Record<(typeof PRODUCT_FIELDS)[number], string | number | null>;

/** Listed products (the catalogue's one listing rule), by name. */
export async function openDataProducts(today: IsoDate): Promise<OpenProduct[]> {
  const t = translatorFor("vi");
  const base = publicUrl();
  const rows = await prisma.product.findMany({
    where: listedWhere(today),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      slug: true,
      name: true,
      star: true,
      certificateIssuedOn: true,
      certificateExpiresOn: true,
      producer: { select: { name: true, type: true, ward: { select: { name: true, code: true } } } },
      criteriaSet: { select: { no: true, name: true } },
      certificate: { select: { number: true } },
    },
  });
  return rows.map((p) => ({
    url: new URL(`/products/${p.slug}`, base).toString(),
    name: p.name,
    producer: p.producer.name,
    producer_type: p.producer.type,
    producer_type_name: t(`producerTypes.${p.producer.type}`),
    ward: p.producer.ward.name,
    ward_code: p.producer.ward.code,
    criteria_set: p.criteriaSet.no,
    criteria_set_name: p.criteriaSet.name,
    star: p.star,
    certificate_number: p.certificate?.number ?? null,
    issued_on: p.certificateIssuedOn ? isoOf(p.certificateIssuedOn) : null,
    expires_on: p.certificateExpiresOn ? isoOf(p.certificateExpiresOn) : null,
  }));
}

export const POINT_OF_SALE_FIELDS = [
  "name",
  "address",
  "ward",
  "ward_code",
  "location_kind",
  "location_kind_name",
  "phone",
  "opening_hours",
  "approval_decision",
  "approved_on",
  "product_count",
] as const;
export type OpenPointOfSale = Record<(typeof POINT_OF_SALE_FIELDS)[number], string | number | null>;

/**
 * Approved points of sale, with how many listed OCOP products each carries (counted in SQL; a
 * product whose certificate lapsed no longer counts, as on the catalogue).
 */
export async function openDataPointsOfSale(today: IsoDate): Promise<OpenPointOfSale[]> {
  const t = translatorFor("vi");
  const rows = await prisma.pointOfSale.findMany({
    where: { status: "APPROVED" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      name: true,
      address: true,
      locationKind: true,
      phone: true,
      openingHours: true,
      approvalDecisionNo: true,
      approvedOn: true,
      ward: { select: { name: true, code: true } },
      _count: { select: { products: { where: { product: listedWhere(today) } } } },
    },
  });
  return rows.map((s) => ({
    name: s.name,
    address: s.address,
    ward: s.ward.name,
    ward_code: s.ward.code,
    location_kind: s.locationKind,
    location_kind_name: t(`trade.location.${s.locationKind}`),
    phone: s.phone,
    opening_hours: s.openingHours || null,
    approval_decision: s.approvalDecisionNo,
    approved_on: s.approvedOn ? isoOf(s.approvedOn) : null,
    product_count: s._count.products,
  }));
}
