import { z } from "zod";
import { EVIDENCE_KINDS, FORM_03_ASSESSMENT_KEYS } from "@/lib/domain/dossier-intake";
import { idSchema, optionalEmailSchema, optionalPhoneSchema, versionSchema } from "./common";
import { sheetAnswersSchema } from "./sheet-answers";

// Form 01, Form 02 and Form 03 are stored as JSON keyed as in forms.json (QĐ26 Annex III); these
// schemas are the keys the portal fills. Drafts accept anything shorter than the bounds; what a
// submission needs is checked separately (dossierSubmissionIssues) so a half-written draft saves.
const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
const isoDate = z.union([z.literal(""), z.iso.date({ message: "validation.date" })]).default("");

export const EVALUATION_TYPES = ["FIRST", "UPGRADE", "RE_EVALUATION"] as const;
export type EvaluationTypeValue = (typeof EVALUATION_TYPES)[number];

/** Mẫu số 01, "1. Thông tin về đơn vị đăng ký"; product, classification and type are dossier columns. */
export const form01Schema = z.object({
  unitName: text(300),
  legalRepresentativeName: text(200),
  position: text(200),
  contactAddress: text(500),
  phone: z.union([optionalPhoneSchema, z.null()]).default(""),
  email: z.union([optionalEmailSchema, z.null()]).default(""),
});
export type Form01 = z.output<typeof form01Schema>;

export const FORM_02_CHECKBOXES = [
  "hasBusinessRegistration",
  "hasQualityDeclaration",
  "hasFoodSafetyEligibilityCertificate",
  "hasMandatoryProductionEligibilityCertificate",
  "hasIntellectualPropertyRegistration",
  "hasTrademarkCertificate",
  "hasGiCollectiveOrCertificationMarkRight",
  "hasPatent",
  "hasIndustrialDesignPatent",
  "hasCopyrightCertificate",
  "hasOtherIntellectualProperty",
] as const;

/** Mẫu số 02: Part I general information, Part II plan results, Part III notes, Part IV plan. */
export const form02Schema = z.object({
  entityName: text(300),
  organizationType: text(200),
  address: text(500),
  phone: z.union([optionalPhoneSchema, z.null()]).default(""),
  email: z.union([optionalEmailSchema, z.null()]).default(""),
  legalRepresentativeFullName: text(200),
  legalRepresentativeGender: z.enum(["", "male", "female"], { message: "validation.choose" }).default(""),
  legalRepresentativeEthnicity: text(100),
  legalRepresentativePermanentAddress: text(500),
  establishmentDate: isoDate,
  businessRegistrationNo: text(100),
  productDescription: text(5000),
  ...Object.fromEntries(FORM_02_CHECKBOXES.map((k) => [k, z.boolean().default(false)])) as Record<(typeof FORM_02_CHECKBOXES)[number], z.ZodDefault<z.ZodBoolean>>,
  otherIntellectualPropertyDetail: text(500),
  entityHistory: text(5000),
  organizationStructure: text(5000),
  rawMaterialAndProductionTechnology: text(5000),
  productQualityChanges: text(5000),
  distributionMarkets: text(5000),
  businessResults: text(5000),
  reassessmentUpdates: text(5000),
  productionBusinessPlan: text(5000),
});
export type Form02 = z.output<typeof form02Schema>;

export const FORM_02_TEXT_KEYS = Object.keys(form02Schema.shape).filter((k) => !(FORM_02_CHECKBOXES as readonly string[]).includes(k)) as Exclude<keyof Form02, (typeof FORM_02_CHECKBOXES)[number]>[];

/** Reads a stored form (JSON column) leniently: unknown keys dropped, bad values reset. */
export function readForm<S extends z.ZodObject>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const raw = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const good = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k in schema.shape && (schema.shape as Record<string, z.ZodType>)[k]!.safeParse(v).success));
  return schema.parse(good);
}

const sampleCountSchema = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(1000, "validation.number"),
]);

export const createDossierSchema = z
  .object({
    planId: z.union([z.literal(""), idSchema]).optional(),
    productName: z.string().trim().max(200, "validation.tooLong").default(""),
    criteriaSetNo: z.union([z.literal(""), z.coerce.number().int().min(1).max(26)]).default(""),
    evaluationType: z.enum(EVALUATION_TYPES, { message: "validation.choose" }),
    previousCertificateId: z.union([z.literal(""), idSchema]).optional(),
  })
  .refine((v) => v.evaluationType === "FIRST" || !!v.previousCertificateId, { path: ["previousCertificateId"], message: "dossiers.previousCertificateRequired" });
export type CreateDossierInput = z.input<typeof createDossierSchema>;

export const dossierDraftSchema = z
  .object({
    dossierId: idSchema,
    version: versionSchema,
    productName: z.string().trim().min(2, "validation.tooShort").max(200, "validation.tooLong"),
    criteriaSetNo: z.coerce.number({ message: "validation.choose" }).int().min(1, "validation.choose").max(26, "validation.choose"),
    evaluationType: z.enum(EVALUATION_TYPES, { message: "validation.choose" }),
    previousCertificateId: z.union([z.literal(""), z.null(), idSchema]).optional(),
    sampleCount: sampleCountSchema.optional(),
    form01: form01Schema,
    form02: form02Schema,
    selfScore: sheetAnswersSchema,
  })
  .refine((v) => v.evaluationType === "FIRST" || !!v.previousCertificateId, { path: ["previousCertificateId"], message: "dossiers.previousCertificateRequired" });
export type DossierDraftInput = z.input<typeof dossierDraftSchema>;

/**
 * What a submission needs beyond a saved draft (field path → message key). Form 01's applicant
 * block, Form 02's Part I identity, Parts II and IV, the type-specific part (QĐ26 Art. 6.1: an
 * upgrade shows what changed, a re-evaluation what was updated after three years), and the
 * sample count (Art. 6.2: five samples, except tourism services, set 26).
 */
export function dossierSubmissionIssues(d: {
  productName: string;
  evaluationType: EvaluationTypeValue;
  criteriaSetNo: number;
  sampleCount: number | null;
  form01: Form01;
  form02: Form02;
}): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  const need = (path: string, ok: boolean, message = "validation.required") => {
    if (!ok) (issues[path] ??= []).push(message);
  };
  const filled = (s: string | null | undefined, min = 1) => (s ?? "").trim().length >= min;
  need("productName", filled(d.productName, 2));
  for (const k of ["unitName", "legalRepresentativeName", "position", "contactAddress"] as const) need(`form01.${k}`, filled(d.form01[k]));
  need("form01.phone", filled(d.form01.phone));
  for (const k of ["entityName", "address", "legalRepresentativeFullName"] as const) need(`form02.${k}`, filled(d.form02[k]));
  need("form02.productDescription", filled(d.form02.productDescription, 10));
  for (const k of ["rawMaterialAndProductionTechnology", "distributionMarkets", "businessResults", "productionBusinessPlan"] as const) need(`form02.${k}`, filled(d.form02[k], 10));
  if (d.evaluationType === "UPGRADE") need("form02.productQualityChanges", filled(d.form02.productQualityChanges, 10));
  if (d.evaluationType === "RE_EVALUATION") need("form02.reassessmentUpdates", filled(d.form02.reassessmentUpdates, 10));
  // Tourism services (set 26) are evaluated on site, without product samples (Art. 6.2).
  if (d.criteriaSetNo !== 26) need("sampleCount", d.sampleCount !== null && d.sampleCount >= 1);
  return issues;
}

// ---- Evidence ----

export const evidenceKindSchema = z.enum(EVIDENCE_KINDS, { message: "validation.choose" });

export const evidenceMetaSchema = z
  .object({
    dossierId: idSchema,
    kind: evidenceKindSchema,
    title: z.string().trim().min(2, "validation.tooShort").max(300, "validation.tooLong"),
    issuedOn: isoDate,
    expiresOn: isoDate,
    itemCodes: z.array(z.string().regex(/^[0-9A-Za-z.]{1,16}$/, "validation.invalid")).max(60).default([]),
  })
  .refine((v) => !v.issuedOn || !v.expiresOn || v.issuedOn <= v.expiresOn, { path: ["expiresOn"], message: "dossiers.expiresBeforeIssued" })
  // The intake check can only tell whether a food-safety certificate covers the round if it has a date.
  .refine((v) => v.kind !== "FOOD_SAFETY_CERTIFICATE" || !!v.expiresOn, { path: ["expiresOn"], message: "dossiers.expiryRequired" });

export const uploadEvidenceSchema = evidenceMetaSchema.and(z.object({ file: z.instanceof(File, { message: "validation.required" }) }));
export type EvidenceMetaInput = z.input<typeof evidenceMetaSchema>;

export const removeEvidenceSchema = z.object({ dossierId: idSchema, evidenceId: idSchema });

// ---- Workflow ----

/** The steps taken at the producer's, the ward's and the office-intake desks (the council's are elsewhere). */
export const DOSSIER_DESK_ACTIONS = ["submit", "resubmit", "supplement", "withdraw", "return", "forward", "reject", "request-supplement"] as const;
export type DossierDeskAction = (typeof DOSSIER_DESK_ACTIONS)[number];

/** What a ward or the office can tick as missing when it returns a dossier or asks for more. */
export const MISSING_ITEM_CHOICES = [
  "form01",
  "form02",
  "selfScore",
  "samples",
  "businessRegistration",
  "foodSafetyCertificate",
  "qualityDeclaration",
  "testResults",
  "label",
  "rawMaterialOrigin",
  "localLabour",
  "financialReports",
  "intellectualProperty",
] as const;

const comment = z.string().trim().max(2000, "validation.tooLong").default("");

export const dossierTransitionSchema = z
  .object({
    dossierId: idSchema,
    action: z.enum(DOSSIER_DESK_ACTIONS),
    comment,
    missingItems: z.array(z.enum(MISSING_ITEM_CHOICES)).max(MISSING_ITEM_CHOICES.length).default([]),
  })
  .refine((v) => !(v.action === "reject" || v.action === "return" || v.action === "request-supplement") || v.comment.length >= 3, {
    path: ["comment"],
    message: "workflow.commentRequired",
  })
  .refine((v) => !(v.action === "return" || v.action === "request-supplement") || v.missingItems.length > 0 || v.comment.length >= 10, {
    path: ["missingItems"],
    message: "dossiers.missingItemsRequired",
  });
export type DossierTransitionInput = z.input<typeof dossierTransitionSchema>;

// ---- Form 03 ----

export const form03Schema = z.object({
  communeName: text(200),
  entityName: text(300),
  organizationType: text(200),
  address: text(500),
  legalRepresentativeFullName: text(200),
  legalRepresentativeGender: z.enum(["", "male", "female"], { message: "validation.choose" }).default(""),
  legalRepresentativeEthnicity: text(100),
  legalRepresentativePermanentAddress: text(500),
  registeredProduct: text(300),
  ...(Object.fromEntries(FORM_03_ASSESSMENT_KEYS.map((k) => [k, text(5000)])) as Record<(typeof FORM_03_ASSESSMENT_KEYS)[number], ReturnType<typeof text>>),
  provinceName: text(200),
});
export type Form03 = z.output<typeof form03Schema>;

export const saveForm03Schema = z.object({ dossierId: idSchema, version: versionSchema, form03: form03Schema });
export type SaveForm03Input = z.input<typeof saveForm03Schema>;
