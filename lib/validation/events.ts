// zod schemas of the events desk, shared by its forms (zodResolver) and its server actions
// (safeParse). Messages are catalogue keys.
import { z } from "zod";
import { EVENT_KINDS, EVENT_LEVELS, MAX_BOOTHS_PER_PRODUCER, MAX_BOOTH_CAPACITY, scheduleProblems } from "@/lib/domain/events";
import { idSchema, optionalOf } from "./common";
import { vndSchema } from "./money";

const isoDate = z.iso.date({ message: "validation.date" });
const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? "validation.tooShort" : "validation.required").max(max, "validation.tooLong");
const count = (max: number) => z.coerce.number({ message: "validation.number" }).int("validation.number").min(0, "validation.number").max(max, "validation.number");
const optionalCount = (max: number) => optionalOf(count(max));

export const eventFormSchema = z
  .object({
    eventId: idSchema.optional(),
    /** The version the form was filled from: a save by someone else in between is a conflict. */
    version: z.coerce.number().int().min(0).optional(),
    name: text(5, 200),
    kind: z.enum(EVENT_KINDS, { message: "validation.choose" }),
    level: z.enum(EVENT_LEVELS, { message: "validation.choose" }),
    startsOn: isoDate,
    endsOn: isoDate,
    place: text(3, 300),
    organiser: text(3, 300),
    boothCapacity: z.coerce.number({ message: "validation.number" }).int("validation.number").min(1, "eventform.capacityMin").max(MAX_BOOTH_CAPACITY, "validation.number"),
    registrationClosesOn: optionalOf(isoDate),
    description: z.string().trim().max(8000, "validation.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    // zod runs this even when a date failed its format check: comparing junk threw (issue 8 fuzz).
    if (![v.startsOn, v.endsOn, v.registrationClosesOn ?? v.startsOn].every((d) => isoDate.safeParse(d).success)) return;
    for (const p of scheduleProblems({ startsOn: v.startsOn, endsOn: v.endsOn, registrationClosesOn: v.registrationClosesOn })) {
      ctx.addIssue({ code: "custom", path: [p.field], message: `eventform.${p.code}` });
    }
  });
export type EventFormInput = z.input<typeof eventFormSchema>;

export const eventTransitionSchema = z.object({
  eventId: idSchema,
  action: z.enum(["publish", "cancel"]),
  comment: z.string().trim().max(2000, "validation.tooLong").default(""),
});

export const eventRegistrationSchema = z.object({
  eventId: idSchema,
  productIds: z.array(idSchema).min(1, "eventform.productsRequired").max(100, "validation.tooLong"),
  booths: z.coerce.number({ message: "validation.number" }).int("validation.number").min(1, "eventform.boothsMin").max(MAX_BOOTHS_PER_PRODUCER, "eventform.boothsOverCapacity"),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
});
export type EventRegistrationInput = z.input<typeof eventRegistrationSchema>;

export const participantDecisionSchema = z.object({
  participantId: idSchema,
  decision: z.enum(["confirm", "decline"]),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
});

export const withdrawParticipationSchema = z.object({ participantId: idSchema });

const optionalVnd = optionalOf(vndSchema);

export const eventResultsSchema = z.object({
  eventId: idSchema,
  version: z.coerce.number().int().min(0),
  visitorCount: optionalCount(100_000_000),
  salesVnd: optionalVnd,
  contractsSigned: optionalCount(1_000_000),
  resultNote: z.string().trim().max(4000, "validation.tooLong").default(""),
  participants: z
    .array(z.object({ participantId: idSchema, salesVnd: optionalVnd, contractsSigned: optionalCount(1_000_000) }))
    .max(MAX_BOOTH_CAPACITY)
    .default([]),
});
export type EventResultsInput = z.input<typeof eventResultsSchema>;
