"use server";
import type { Role } from "@/lib/generated/prisma/enums";
import { storeAttachment } from "@/lib/db/attachments";
import { notify, type Audience } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import {
  countRegistered,
  courseResource,
  courseScheduleOf,
  findCourse,
  findCourseMaterial,
  findOwnRegistration,
  lockCourse,
  nextAttendanceNumbers,
  type CourseRecord,
} from "@/lib/db/training";
import type { Tx } from "@/lib/db/tx";
import { dateOf, vietnamDateOf } from "@/lib/domain/dates";
import {
  canCancelRegistrationOn,
  canRecordAttendanceOn,
  hasSeat,
  isCourseRegistrationOpen,
  TRAINING_EDITABLE,
  TRAINING_MACHINE,
  type TrainingAudience,
  type TrainingState,
} from "@/lib/domain/training";
import { transition } from "@/lib/domain/workflow/machine";
import { AppError, type ActionResult } from "@/lib/errors";
import {
  attendanceSchema,
  courseFormSchema,
  courseMaterialSchema,
  courseRegistrationSchema,
  courseTransitionSchema,
  removeCourseMaterialSchema,
} from "@/lib/validation/training";
import { defineAction } from "./define-action";

const today = () => vietnamDateOf(new Date());
const refuse = (code: "INVALID_TRANSITION" | "VALIDATION", key: string, field = "_") => new AppError(code, key, { [field]: [key] });
const deskHref = (id: string) => `/manage/training/${id}`;
const NEW_COURSE = { type: "training", id: "", audience: "ALL", status: "DRAFT" } as const;

// Officials are every signed-in role the office trains besides producers (policy training.register).
const OFFICIAL_ROLES: Role[] = ["WARD_OFFICER", "COUNCIL_MEMBER", "ECONOMIC_OFFICE", "LEADER", "COMMUNICATIONS"];
function audienceOf(audience: TrainingAudience): Audience[] {
  const producers: Audience[] = [{ kind: "role", role: "PRODUCER" }];
  const officials: Audience[] = OFFICIAL_ROLES.map((role) => ({ kind: "role", role }));
  return audience === "PRODUCERS" ? producers : audience === "OFFICIALS" ? officials : [...producers, ...officials];
}

async function registrantUsers(tx: Tx, courseId: string): Promise<Audience[]> {
  const rows = await tx.trainingRegistration.findMany({ where: { courseId, status: "REGISTERED" }, select: { userId: true } });
  return rows.length ? [{ kind: "users", userIds: rows.map((r) => r.userId) }] : [];
}

type LoadedCourse = { kind: "new" } | { kind: "existing"; course: CourseRecord };

export const saveCourse = defineAction({
  name: "training.save",
  input: courseFormSchema,
  permission: "training.manage",
  load: async ({ actor, input, tx }): Promise<LoadedCourse | null> => {
    if (!input.courseId) return { kind: "new" };
    const course = await findCourse(actor, input.courseId, tx);
    return course ? { kind: "existing", course } : null;
  },
  resource: (l) => (l.kind === "new" ? NEW_COURSE : courseResource(l.course)),
  run: async ({ actor, input, record, tx }) => {
    const data = {
      title: input.title,
      audience: input.audience,
      startsOn: dateOf(input.startsOn),
      endsOn: dateOf(input.endsOn),
      place: input.place,
      capacity: input.capacity,
      registrationClosesOn: input.registrationClosesOn ? dateOf(input.registrationClosesOn) : null,
      description: input.description,
    };
    if (record.kind === "new") {
      const created = await tx.trainingCourse.create({ data: { ...data, createdById: actor.userId }, select: { id: true, version: true } });
      await recordStatusChange(tx, actor, { entityType: "TrainingCourse", entityId: created.id, action: "create", fromStatus: null, toStatus: "DRAFT" });
      return { result: { courseId: created.id, version: created.version }, audit: { entityType: "TrainingCourse", entityId: created.id, after: input } };
    }
    const before = record.course;
    if (!TRAINING_EDITABLE.includes(before.status as TrainingState)) throw new AppError("INVALID_TRANSITION");
    if (input.version !== before.version) throw new AppError("CONFLICT");
    await lockCourse(tx, before.id);
    if (input.capacity < (await countRegistered(tx, before.id))) throw refuse("VALIDATION", "trainingform.capacityBelowRegistered", "capacity");
    // Registrants took a seat for one audience: narrowing it would leave them registered for a course they may not join.
    if (before.status === "PUBLISHED" && input.audience !== before.audience && input.audience !== "ALL") throw refuse("VALIDATION", "trainingform.audienceLocked", "audience");
    const { count } = await tx.trainingCourse.updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    const moved = before.startsOn.getTime() !== data.startsOn.getTime() || before.endsOn.getTime() !== data.endsOn.getTime() || before.place !== data.place;
    if (before.status === "PUBLISHED" && moved) {
      await notify(tx, actor, await registrantUsers(tx, before.id), { kind: "trainingNotices.changed", params: { title: data.title }, href: deskHref(before.id) });
    }
    return { result: { courseId: before.id, version: before.version + 1 }, audit: { entityType: "TrainingCourse", entityId: before.id, before, after: input } };
  },
  revalidate: (r) => ["/manage/training", deskHref(r.courseId), "/training"],
});

export const transitionCourse = defineAction({
  name: "training.transition",
  input: courseTransitionSchema,
  permission: "training.manage",
  load: ({ actor, input, tx }) => findCourse(actor, input.courseId, tx),
  resource: courseResource,
  run: async ({ actor, input, record, tx }) => {
    const from = record.status as TrainingState;
    const to = transition(TRAINING_MACHINE, from, input.action);
    if (!to) throw new AppError("INVALID_TRANSITION");
    // Registrations take the same lock: a cancellation waits for them (and notifies them) or they see it.
    await lockCourse(tx, record.id);
    const { count } = await tx.trainingCourse.updateMany({ where: { id: record.id, status: from, version: record.version }, data: { status: to, version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "TrainingCourse", entityId: record.id, action: input.action, fromStatus: from, toStatus: to, comment: input.comment });
    if (input.action === "publish" && isCourseRegistrationOpen({ ...courseScheduleOf(record), status: to }, today())) {
      await notify(tx, actor, audienceOf(record.audience), { kind: "trainingNotices.opened", params: { title: record.title }, href: deskHref(record.id) });
    }
    if (input.action === "cancel") {
      await notify(tx, actor, await registrantUsers(tx, record.id), { kind: "trainingNotices.cancelled", params: { title: record.title }, href: deskHref(record.id) });
    }
    return {
      result: { courseId: record.id, status: to },
      audit: { entityType: "TrainingCourse", entityId: record.id, before: { status: from }, after: { status: to, comment: input.comment } },
    };
  },
  revalidate: (r) => ["/manage/training", deskHref(r.courseId), "/training"],
});

/**
 * A producer (for its entity, from the session) or an official (for themself) takes a seat.
 * The course's row lock makes registrations take turns, so the count of live registrations read
 * after it is exact and the last seat goes to one registrant only. A second registration by the
 * same account changes nothing and says so.
 */
export const registerForCourse = defineAction({
  name: "training.register",
  input: courseRegistrationSchema,
  permission: "training.register",
  load: ({ actor, input, tx }) => findCourse(actor, input.courseId, tx),
  resource: courseResource,
  run: async ({ actor, record, tx }) => {
    const now = await lockCourse(tx, record.id);
    if (!isCourseRegistrationOpen(courseScheduleOf(now), today())) throw refuse("INVALID_TRANSITION", "trainingform.registrationClosed");
    const existing = await findOwnRegistration(actor, record.id, tx);
    if (existing?.status === "REGISTERED") {
      return { result: { courseId: record.id, registrationId: existing.id, alreadyRegistered: true }, audit: { entityType: "TrainingRegistration", entityId: existing.id, after: { alreadyRegistered: true } } };
    }
    if (!hasSeat(now.capacity, await countRegistered(tx, record.id))) throw refuse("INVALID_TRANSITION", "trainingform.full");
    const producerId = actor.role === "PRODUCER" ? actor.producerId : null;
    let registrationId: string;
    if (existing) {
      const { count } = await tx.trainingRegistration.updateMany({
        where: { id: existing.id, status: "CANCELLED" },
        data: { status: "REGISTERED", producerId, attended: null, attendanceRecordedAt: null, attendanceCertificateNo: null },
      });
      if (count !== 1) throw new AppError("CONFLICT");
      registrationId = existing.id;
    } else {
      registrationId = (await tx.trainingRegistration.create({ data: { courseId: record.id, userId: actor.userId, producerId }, select: { id: true } })).id;
    }
    await recordStatusChange(tx, actor, { entityType: "TrainingRegistration", entityId: registrationId, action: "register", fromStatus: existing?.status ?? null, toStatus: "REGISTERED" });
    return {
      result: { courseId: record.id, registrationId, alreadyRegistered: false },
      audit: { entityType: "TrainingRegistration", entityId: registrationId, before: existing, after: { courseId: record.id, userId: actor.userId, producerId } },
    };
  },
  revalidate: (r) => ["/manage/training", deskHref(r.courseId), "/training"],
});

export const cancelCourseRegistration = defineAction({
  name: "training.cancelRegistration",
  input: courseRegistrationSchema,
  permission: "training.register",
  load: ({ actor, input, tx }) => findCourse(actor, input.courseId, tx),
  resource: courseResource,
  run: async ({ actor, record, tx }) => {
    const own = await findOwnRegistration(actor, record.id, tx);
    if (!own || own.status !== "REGISTERED") throw new AppError("NOT_FOUND");
    if (!canCancelRegistrationOn(courseScheduleOf(record), today())) throw refuse("INVALID_TRANSITION", "trainingform.cancelClosed");
    const { count } = await tx.trainingRegistration.updateMany({ where: { id: own.id, status: "REGISTERED" }, data: { status: "CANCELLED" } });
    if (count !== 1) throw new AppError("CONFLICT");
    await recordStatusChange(tx, actor, { entityType: "TrainingRegistration", entityId: own.id, action: "cancel", fromStatus: "REGISTERED", toStatus: "CANCELLED" });
    return { result: { courseId: record.id }, audit: { entityType: "TrainingRegistration", entityId: own.id, before: { status: "REGISTERED" }, after: { status: "CANCELLED" } } };
  },
  revalidate: (r) => ["/manage/training", deskHref(r.courseId), "/training"],
});

/**
 * The office marks who attended. An attendee without a number gets the next certificate of
 * attendance of the year (in the order they registered); one marked absent loses a number given
 * by mistake.
 */
export const recordAttendance = defineAction({
  name: "training.recordAttendance",
  input: attendanceSchema,
  permission: "training.manage",
  load: ({ actor, input, tx }) => findCourse(actor, input.courseId, tx),
  resource: courseResource,
  run: async ({ actor, input, record, tx }) => {
    if (!canRecordAttendanceOn(courseScheduleOf(record), today())) throw refuse("INVALID_TRANSITION", "trainingform.attendanceBeforeStart");
    await lockCourse(tx, record.id);
    const regs = await tx.trainingRegistration.findMany({
      where: { courseId: record.id, status: "REGISTERED" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, userId: true, attended: true, attendanceCertificateNo: true },
    });
    const byId = new Map(regs.map((r) => [r.id, r]));
    const marks = new Map(input.entries.map((e) => [e.registrationId, e.attended]));
    if ([...marks.keys()].some((id) => !byId.has(id))) throw new AppError("NOT_FOUND");
    const needNumber = regs.filter((r) => marks.get(r.id) === true && !r.attendanceCertificateNo);
    const numbers = await nextAttendanceNumbers(tx, Number(today().slice(0, 4)), needNumber.length);
    const given = new Map(needNumber.map((r, i) => [r.id, numbers[i]!]));
    const now = new Date();
    for (const r of regs) {
      const attended = marks.get(r.id);
      if (attended === undefined) continue;
      const number = attended ? (r.attendanceCertificateNo ?? given.get(r.id)!) : null;
      await tx.trainingRegistration.update({ where: { id: r.id }, data: { attended, attendanceRecordedAt: now, attendanceCertificateNo: number } });
    }
    for (const r of needNumber) {
      await notify(tx, actor, [{ kind: "users", userIds: [r.userId] }], {
        kind: "trainingNotices.certificate",
        params: { title: record.title, number: given.get(r.id)! },
        href: deskHref(record.id),
      });
    }
    return {
      result: { courseId: record.id, numbered: numbers.length },
      audit: { entityType: "TrainingCourse", entityId: record.id, before: regs, after: { entries: input.entries, numbers: Object.fromEntries(given) } },
    };
  },
  revalidate: (r) => [deskHref(r.courseId)],
});

const uploadMaterial = defineAction({
  name: "training.uploadMaterial",
  input: courseMaterialSchema,
  permission: "training.manage",
  load: ({ actor, input, tx }) => findCourse(actor, input.courseId, tx),
  resource: courseResource,
  run: async ({ actor, input, record, tx }) => {
    if (record.status === "CANCELLED") throw new AppError("INVALID_TRANSITION");
    const row = await storeAttachment(tx, actor, { type: "TrainingCourse", id: record.id }, input.file, "material");
    return {
      result: { id: row.id, fileName: row.fileName, courseId: record.id },
      audit: { entityType: "TrainingCourse", entityId: record.id, after: { attachment: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
  },
  revalidate: (r) => [deskHref(r.courseId), "/training"],
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadCourseMaterial(formData: FormData): Promise<ActionResult<{ id: string; fileName: string; courseId: string }>> {
  return uploadMaterial({ courseId: formData.get("courseId"), file: formData.get("file") });
}

export const removeCourseMaterial = defineAction({
  name: "training.removeMaterial",
  input: removeCourseMaterialSchema,
  permission: "training.manage",
  load: async ({ actor, input, tx }) => {
    const course = await findCourse(actor, input.courseId, tx);
    const file = course ? await findCourseMaterial(course, input.attachmentId, tx) : null;
    return course && file ? { course, file } : null;
  },
  resource: (r) => courseResource(r.course),
  run: async ({ record: { course, file }, tx }) => {
    // Kept in storage and marked deleted, like every other file: what was handed out stays recoverable.
    await tx.attachment.update({ where: { id: file.id }, data: { deletedAt: new Date() } });
    return { result: { courseId: course.id }, audit: { entityType: "TrainingCourse", entityId: course.id, before: { attachment: file.id, fileName: file.fileName } } };
  },
  revalidate: (r) => [deskHref(r.courseId), "/training"],
});
