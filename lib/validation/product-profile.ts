import { z } from "zod";
import { idSchema, optionalOf, versionSchema } from "./common";
import { vndSchema } from "./money";

// What a producer tells the public about a recognised product (the catalogue page). Everything
// here is shown to anyone, so links are http(s) only: a "javascript:" or "data:" address typed
// into a link field would otherwise run in a visitor's browser.

export const QUALITY_SYSTEMS = ["VIETGAP", "GLOBALGAP", "ORGANIC_VN", "ORGANIC_INTL", "HACCP", "ISO_22000", "ISO_9001", "FSSC_22000", "BRC", "HALAL", "TRACEABILITY", "OTHER"] as const;

/** Marketplaces producers of the province sell on (ocop-domain.md §8), offered as suggestions. */
export const ECOMMERCE_PLATFORMS = ["Postmart", "Voso", "Shopee", "Lazada", "TikTok Shop", "Tiki"] as const;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const httpUrl = z.string().trim().max(500, "validation.tooLong").refine(isHttpUrl, "catalogue.urlInvalid");
const text = (max: number) => z.string().trim().max(max, "validation.tooLong");

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-05T19:30" as typed in Vietnam (UTC+7 all year, no daylight saving) → the instant. */
export function vietnamLocalToInstant(local: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:00+07:00`);
  // "2026-02-30" parses as 2 March: the round trip catches a day the month does not have.
  return Number.isNaN(d.getTime()) || instantToVietnamLocal(d) !== local ? null : d;
}

/** The instant back as the value of a datetime-local input, in Vietnam time. */
export function instantToVietnamLocal(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

export const ecommerceLinkSchema = z.object({
  platform: z.string().trim().min(2, "validation.tooShort").max(60, "validation.tooLong"),
  url: httpUrl,
});

export const livestreamSchema = z.object({
  title: z.string().trim().min(3, "validation.tooShort").max(200, "validation.tooLong"),
  startsAt: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const at = vietnamLocalToInstant(v);
      if (at) return at.toISOString();
      ctx.addIssue({ code: "custom", message: "catalogue.dateTimeInvalid" });
      return z.NEVER;
    }),
  url: httpUrl,
});

export const productProfileSchema = z.object({
  productId: idSchema,
  version: versionSchema,
  // The summary is also the page's description in link previews and search results.
  summary: text(300),
  story: text(10_000),
  packaging: text(1000),
  priceFromVnd: optionalOf(vndSchema),
  qualitySystems: z.array(z.enum(QUALITY_SYSTEMS, { message: "validation.choose" })).max(QUALITY_SYSTEMS.length).default([]),
  ecommerceLinks: z.array(ecommerceLinkSchema).max(10, "catalogue.tooMany").default([]),
  livestreams: z.array(livestreamSchema).max(20, "catalogue.tooMany").default([]),
  website: optionalOf(httpUrl),
});
export type ProductProfileInput = z.input<typeof productProfileSchema>;

export const productPhotoSchema = z.object({ productId: idSchema, file: z.instanceof(File, { message: "validation.required" }) });
export const productCoverSchema = z.object({ productId: idSchema, attachmentId: idSchema });
export const removeProductPhotoSchema = z.object({ productId: idSchema, attachmentId: idSchema });

export type EcommerceLink = z.output<typeof ecommerceLinkSchema>;
export type Livestream = { title: string; startsAt: string; url: string };

/**
 * The stored JSON lists read back for display: anything that is not a well-formed entry with an
 * http(s) address is dropped, so an old or hand-edited row can never put a bad link on a page.
 */
export function readEcommerceLinks(json: unknown): EcommerceLink[] {
  return (Array.isArray(json) ? json : []).flatMap((v) => {
    const parsed = ecommerceLinkSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

export function readLivestreams(json: unknown): Livestream[] {
  const stored = z.object({ title: z.string().min(1), startsAt: z.iso.datetime({ offset: true }), url: httpUrl });
  return (Array.isArray(json) ? json : []).flatMap((v) => {
    const parsed = stored.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}
