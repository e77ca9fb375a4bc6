// zod schemas of the training desk, shared by its forms and its server actions. Messages are
// catalogue keys.
import { z } from "zod";
import { courseScheduleProblems, MAX_COURSE_CAPACITY, TRAINING_AUDIENCES } from "@/lib/domain/training";
import { idSchema, optionalOf } from "./common";

const isoDate = z.iso.date({ message: "validation.date" });
const text = (min: number, max: number) => z.string().trim().min(min, "validation.tooShort").max(max, "validation.tooLong");

export const courseFormSchema = z
  .object({
    courseId: idSchema.optional(),
    version: z.coerce.number().int().min(0).optional(),
    title: text(5, 200),
    audience: z.enum(TRAINING_AUDIENCES, { message: "validation.choose" }),
    startsOn: isoDate,
    endsOn: isoDate,
    place: text(3, 300),
    capacity: z.coerce.number({ message: "validation.number" }).int("validation.number").min(1, "trainingform.capacityMin").max(MAX_COURSE_CAPACITY, "validation.number"),
    registrationClosesOn: optionalOf(isoDate),
    description: z.string().trim().max(8000, "validation.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    // zod runs this even when a date failed its format check: comparing junk threw (issue 8 fuzz).
    if (![v.startsOn, v.endsOn, v.registrationClosesOn ?? v.startsOn].every((d) => isoDate.safeParse(d).success)) return;
    for (const p of courseScheduleProblems({ startsOn: v.startsOn, endsOn: v.endsOn, registrationClosesOn: v.registrationClosesOn })) {
      ctx.addIssue({ code: "custom", path: [p.field], message: `trainingform.${p.code}` });
    }
  });
export type CourseFormInput = z.input<typeof courseFormSchema>;

export const courseTransitionSchema = z.object({
  courseId: idSchema,
  action: z.enum(["publish", "cancel"]),
  comment: z.string().trim().max(2000, "validation.tooLong").default(""),
});

export const courseRegistrationSchema = z.object({ courseId: idSchema });

export const attendanceSchema = z.object({
  courseId: idSchema,
  entries: z.array(z.object({ registrationId: idSchema, attended: z.boolean() })).min(1, "validation.required").max(MAX_COURSE_CAPACITY),
});
export type AttendanceInput = z.input<typeof attendanceSchema>;

export const courseMaterialSchema = z.object({
  courseId: idSchema,
  file: z.instanceof(File, { message: "validation.required" }),
});

export const removeCourseMaterialSchema = z.object({ courseId: idSchema, attachmentId: idSchema });
