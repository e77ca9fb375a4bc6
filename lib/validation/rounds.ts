import { z } from "zod";
import { idSchema, optionalOf, versionSchema } from "./common";

// Messages are catalogue keys: validation.* (shared) or council.* (this area's file).
const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const isoDate = z.iso.date({ message: "validation.date" });
const optionalDate = optionalOf(isoDate);
const yearSchema = z.coerce.number({ message: "validation.number" }).int("validation.number").min(2019, "validation.number").max(2100, "validation.number");
// A spread above the whole sheet's 100 points could never be exceeded: that is no threshold.
const maxSpreadSchema = z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(100, "validation.number");

export const EVALUATION_LEVELS = ["DISTRICT", "PROVINCE", "CENTRAL"] as const;
export const KNOCK_OUT_RULES = ["ANY", "MAJORITY", "UNANIMOUS"] as const;
export const COUNCIL_ROLES = ["CHAIR", "SECRETARY", "MEMBER"] as const;
export const CONFLICT_KINDS = ["PRODUCER", "RELATIVE", "OTHER"] as const;

const datesInOrder = (v: { proposalsBy: string | null; completeBy: string | null }) => !v.proposalsBy || !v.completeBy || v.proposalsBy <= v.completeBy;

/**
 * A new round: everything but the year may be left empty and is then taken from the rule set in
 * force (lib/db/rounds.ts roundDefaults): the QĐ26 Art. 5 calendar, the council defaults.
 */
export const createRoundSchema = z
  .object({
    cycleYear: yearSchema,
    title: text(200).default(""),
    level: z.union([z.literal("").transform(() => null), z.enum(EVALUATION_LEVELS, { message: "validation.choose" })]).default(null),
    proposalsBy: optionalDate.default(null),
    completeBy: optionalDate.default(null),
    maxSpread: optionalOf(maxSpreadSchema).default(null),
    knockOutRule: z.union([z.literal("").transform(() => null), z.enum(KNOCK_OUT_RULES, { message: "validation.choose" })]).default(null),
    councilDecision: text(2000).default(""),
  })
  .refine(datesInOrder, { path: ["completeBy"], message: "council.datesOrder" });
export type CreateRoundInput = z.input<typeof createRoundSchema>;

export const updateRoundSchema = z
  .object({
    roundId: idSchema,
    version: versionSchema,
    title: z.string().trim().min(3, "validation.tooShort").max(200, "validation.tooLong"),
    level: z.enum(EVALUATION_LEVELS, { message: "validation.choose" }),
    proposalsBy: isoDate,
    completeBy: isoDate,
    maxSpread: maxSpreadSchema,
    knockOutRule: z.enum(KNOCK_OUT_RULES, { message: "validation.choose" }),
    councilDecision: text(2000),
  })
  .refine(datesInOrder, { path: ["completeBy"], message: "council.datesOrder" });
export type UpdateRoundInput = z.input<typeof updateRoundSchema>;

export const roundIdSchema = z.object({ roundId: idSchema });

export const addMemberSchema = z.object({
  roundId: idSchema,
  userId: idSchema,
  role: z.enum(COUNCIL_ROLES, { message: "validation.choose" }),
  scores: z.boolean().default(true),
  title: text(300).default(""),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const updateMemberSchema = z.object({
  memberId: idSchema,
  role: z.enum(COUNCIL_ROLES, { message: "validation.choose" }),
  scores: z.boolean(),
  title: text(300),
});
export type UpdateMemberInput = z.input<typeof updateMemberSchema>;

export const memberIdSchema = z.object({ memberId: idSchema });

export const assignDossiersSchema = z.object({
  roundId: idSchema,
  dossierIds: z.array(idSchema).min(1, "council.pickDossier").max(200, "validation.invalid"),
});

export const removeDossierSchema = z.object({ roundId: idSchema, dossierId: idSchema });

/**
 * A member's declaration of interest (ConflictDeclaration). PRODUCER and OTHER name the producer
 * or the dossier they concern; RELATIVE gives a family name and a ward, matched by the portal
 * against the legal representatives of the round's producers (lib/domain/conflicts.ts).
 */
export const declareConflictSchema = z
  .object({
    roundId: idSchema,
    kind: z.enum(CONFLICT_KINDS, { message: "validation.choose" }),
    producerId: optionalOf(idSchema).default(null),
    dossierId: optionalOf(idSchema).default(null),
    // One word, Vietnamese letters: the first word of a full name is what gets compared.
    familyName: optionalOf(z.string().trim().max(40, "validation.tooLong").regex(/^\p{L}+$/u, "council.familyNameWord")).default(null),
    wardId: optionalOf(idSchema).default(null),
    note: text(1000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "RELATIVE") {
      if (!v.familyName) ctx.addIssue({ code: "custom", path: ["familyName"], message: "validation.required" });
      if (!v.wardId) ctx.addIssue({ code: "custom", path: ["wardId"], message: "validation.choose" });
    } else if (!v.producerId && !v.dossierId) {
      ctx.addIssue({ code: "custom", path: ["dossierId"], message: "council.nameProducerOrDossier" });
    }
    if (v.kind === "OTHER" && v.note.length < 3) ctx.addIssue({ code: "custom", path: ["note"], message: "council.noteRequired" });
  });
export type DeclareConflictInput = z.input<typeof declareConflictSchema>;

export const removeDeclarationSchema = z.object({ declarationId: idSchema });
