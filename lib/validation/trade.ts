import { z } from "zod";
import { POINT_OF_SALE_LOCATIONS } from "@/lib/domain/points-of-sale";
import { idSchema, optionalEmailSchema, optionalOf, phoneSchema, versionSchema } from "./common";
import { vndSchema } from "./money";

// Trade promotion: applications for points of sale, the office's decisions on them, gift sets.
// Messages are catalogue keys (validation.* or trade.*), translated where they are shown.

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const required = (min: number, max: number, short = "validation.required") => z.string().trim().min(1, "validation.required").min(min, short).max(max, "validation.tooLong");

/** A count typed in a form: digits only; empty is "required", not zero. */
const countSchema = z.union([z.string(), z.number()], { error: "validation.number" }).transform((raw, ctx) => {
  const s = typeof raw === "number" ? String(raw) : raw.replace(/[\s.]/g, "");
  if (s === "") {
    ctx.addIssue({ code: "custom", message: "validation.required" });
    return z.NEVER;
  }
  if (!/^\d{1,7}$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "validation.number" });
    return z.NEVER;
  }
  return Number(s);
});

export const MAX_CARRIED_PRODUCTS = 500;

export const carriedProductSchema = z.object({
  productId: idSchema,
  hasOcopStamp: z.boolean().default(false),
  hasTraceStamp: z.boolean().default(false),
});

/**
 * The public application. No status, no tracking code, no reviewer: those are the office's.
 * The ward is the applicant's choice, checked against the city's wards on the server.
 */
export const pointOfSaleApplicationSchema = z
  .object({
    name: required(3, 200, "validation.tooShort"),
    operatorName: required(2, 200, "validation.tooShort"),
    address: required(5, 300, "validation.addressTooShort"),
    wardId: z.string({ error: "validation.choose" }).trim().min(1, "validation.choose").max(64, "validation.choose"),
    locationKind: z.enum(POINT_OF_SALE_LOCATIONS, { error: "validation.choose" }),
    contactName: required(2, 120, "validation.tooShort"),
    phone: phoneSchema,
    email: optionalEmailSchema,
    openingHours: text(200),
    description: text(3000),
    totalItemCount: countSchema,
    ocopLocalItemCount: countSchema,
    products: z
      .array(carriedProductSchema, { error: "trade.productsRequired" })
      .min(1, "trade.productsRequired")
      .max(MAX_CARRIED_PRODUCTS, "trade.tooManyProducts")
      .refine((list) => new Set(list.map((p) => p.productId)).size === list.length, "trade.duplicateProduct"),
  })
  .refine((v) => v.ocopLocalItemCount <= v.totalItemCount, { path: ["ocopLocalItemCount"], message: "trade.ocopLocalAboveTotal" });
export type PointOfSaleApplicationInput = z.input<typeof pointOfSaleApplicationSchema>;
export type PointOfSaleApplication = z.output<typeof pointOfSaleApplicationSchema>;

const pointOfSaleRef = {
  pointOfSaleId: idSchema,
  // The version the officer read: a decision on a record changed since is a conflict.
  version: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid"),
};

export const approvePointOfSaleSchema = z.object({
  ...pointOfSaleRef,
  decisionNo: required(3, 100, "validation.tooShort"),
  approvedOn: z.iso.date({ message: "validation.date" }),
  note: text(2000).default(""),
});

/** Refusing or closing says why: the operator reads it on the tracking page. */
export const pointOfSaleNoteSchema = z.object({
  ...pointOfSaleRef,
  note: z.string().trim().min(1, "trade.noteRequired").min(5, "validation.tooShort").max(2000, "validation.tooLong"),
});

export const MAX_GIFT_SET_ITEMS = 30;

export const giftSetItemSchema = z.object({
  productId: idSchema,
  note: text(300).default(""),
});

export const giftSetSchema = z.object({
  giftSetId: idSchema.optional(),
  version: versionSchema.optional(),
  name: required(3, 200, "validation.tooShort"),
  occasion: text(200),
  story: text(10000),
  priceVnd: optionalOf(vndSchema),
  items: z
    .array(giftSetItemSchema)
    .max(MAX_GIFT_SET_ITEMS, "trade.tooManyProducts")
    .refine((list) => new Set(list.map((p) => p.productId)).size === list.length, "trade.duplicateProduct")
    .default([]),
});
export type GiftSetInput = z.input<typeof giftSetSchema>;

export const giftSetPublishSchema = z.object({ giftSetId: idSchema, publish: z.boolean(), version: versionSchema });

export const giftSetCoverSchema = z.object({ giftSetId: idSchema, file: z.instanceof(File, { message: "validation.required" }) });
