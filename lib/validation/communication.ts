// Input schemas of the communication desks (news, library) and of raw-material areas, shared by
// the forms (zodResolver) and the server actions (safeParse). Messages are catalogue keys.
import { z } from "zod";
import { idSchema, optionalOf, versionSchema } from "./common";
import { foldVietnamese, productSlug } from "@/lib/domain/catalogue";
import { parseHectares, RAW_MATERIAL_KINDS, RAW_MATERIAL_STANDARDS } from "@/lib/domain/raw-material-areas";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
// An empty field says "required" alone, not also "too short".
const required = (min: number, max: number) =>
  z.string().trim().min(1, "validation.required").pipe(z.string().min(min, "validation.tooShort").max(max, "validation.tooLong"));
const isoDate = z.iso.date({ message: "validation.date" });
const optionalText = (max: number) => optionalOf(z.string().trim().max(max, "validation.tooLong"));

export const newsArticleSchema = z.object({
  articleId: idSchema.optional(),
  version: versionSchema.optional(),
  title: required(5, 200),
  // The description of the page in search results and link previews.
  summary: required(10, 400),
  // Plain text: blank lines separate paragraphs. Never rendered as HTML.
  body: required(20, 50_000),
});
export type NewsArticleInput = z.input<typeof newsArticleSchema>;

/**
 * An article's address: productSlug of its title cut at a whole word within productSlug's 60
 * characters ("quyet-dinh-26-2026-qd-ttg-nhung-diem-moi-k3f9a1", not "...-can-bi-k3f9a1").
 */
export function newsSlug(title: string, suffix: string): string {
  const folded = foldVietnamese(title);
  let base = "";
  for (const word of folded.split(" ")) {
    const next = base ? `${base} ${word}` : word;
    if (next.length > 60) break;
    base = next;
  }
  // A first word longer than the limit is cut by productSlug; a title of symbols alone gets "tin-tuc".
  return productSlug(base || folded || "tin tuc", suffix);
}

export const PUBLICATION_ACTIONS = ["publish", "unpublish", "archive", "restore"] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

export const newsTransitionSchema = z.object({ articleId: idSchema, action: z.enum(PUBLICATION_ACTIONS) });

export const LIBRARY_KINDS = ["LEGAL", "GUIDANCE", "FORM", "REPORT", "OTHER"] as const;

export const libraryDocumentSchema = z.object({
  documentId: idSchema.optional(),
  version: versionSchema.optional(),
  title: required(3, 500),
  // "26/2026/QĐ-TTg"; a form or a report may have none.
  number: optionalText(100),
  issuedOn: optionalOf(isoDate),
  issuer: required(2, 200),
  kind: z.enum(LIBRARY_KINDS, { message: "validation.choose" }),
  summary: text(2000),
});
export type LibraryDocumentInput = z.input<typeof libraryDocumentSchema>;

export const documentTransitionSchema = z.object({ documentId: idSchema, action: z.enum(PUBLICATION_ACTIONS) });

/** A checkbox group arrives as an array, a lone checked box as a string, none as false. */
const idList = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(idSchema).max(max, "validation.tooLong")).transform((ids) => [...new Set(ids)]);

const HECTARE_ERRORS = { required: "validation.required", format: "areas.hectaresFormat", decimals: "areas.hectaresDecimals", range: "areas.hectaresRange" } as const;

const hectares = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const parsed = parseHectares(typeof v === "number" ? String(v).replace(".", ",") : v);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: HECTARE_ERRORS[parsed.error] });
  return z.NEVER;
});

export const rawMaterialAreaSchema = z
  .object({
    areaId: idSchema.optional(),
    version: versionSchema.optional(),
    name: required(3, 200),
    // Only the Economic Office chooses; a ward officer's areas are in their own ward whatever is sent.
    wardId: optionalOf(idSchema),
    location: text(300),
    areaHa: hectares,
    kind: z.enum(RAW_MATERIAL_KINDS, { message: "validation.choose" }),
    subject: required(2, 200),
    standard: z.enum(RAW_MATERIAL_STANDARDS, { message: "validation.choose" }),
    standardCertificateNo: optionalText(100),
    standardIssuer: optionalText(200),
    standardExpiresOn: optionalOf(isoDate),
    note: text(2000),
    producerIds: idList(100),
    productIds: idList(300),
  })
  .superRefine((v, ctx) => {
    // A standard counts (QĐ26 sheet item 1.2) only with its certificate: number, issuer and expiry.
    if (v.standard === "NONE") return;
    if (!v.standardCertificateNo) ctx.addIssue({ code: "custom", path: ["standardCertificateNo"], message: "areas.certificateRequired" });
    if (!v.standardIssuer) ctx.addIssue({ code: "custom", path: ["standardIssuer"], message: "areas.certificateRequired" });
    if (!v.standardExpiresOn) ctx.addIssue({ code: "custom", path: ["standardExpiresOn"], message: "areas.certificateRequired" });
  });
export type RawMaterialAreaInput = z.input<typeof rawMaterialAreaSchema>;

export const deleteRawMaterialAreaSchema = z.object({ areaId: idSchema });
