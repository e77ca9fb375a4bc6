import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TrainingAudience, TrainingStatus } from "@/lib/generated/prisma/enums";
import { dateOf, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { audienceAdmits, formatAttendanceNumber, nextAttendanceSeq, parseAttendanceNumber } from "@/lib/domain/training";
import { prisma, type Tx } from "./client";
import { listStatusEvents } from "./timeline";
import { likeLiteral } from "./like";

/** Today in Vietnam as the UTC midnight Prisma compares @db.Date columns with. */
const vietnamToday = () => dateOf(vietnamDateOf(new Date()));

type Db = Tx | typeof prisma;
const NOTHING = { id: { in: [] as string[] } };
const MANAGE_PROBE = { type: "training", id: "", audience: "ALL", status: "DRAFT" } as const;

/** Whether the actor runs the training desk (the office), for pages that show its tools. */
export const managesTraining = (actor: Actor | null) => can(actor, "training.manage", MANAGE_PROBE);

/** The office sees its drafts; everyone else who may list courses sees published and cancelled ones. */
export function courseScope(actor: Actor): Prisma.TrainingCourseWhereInput {
  if (managesTraining(actor)) return {};
  if (can(actor, "training.list", { ...MANAGE_PROBE, status: "PUBLISHED" })) return { status: { in: ["PUBLISHED", "CANCELLED"] } };
  return NOTHING;
}

const courseView = {
  id: true,
  title: true,
  audience: true,
  startsOn: true,
  endsOn: true,
  place: true,
  capacity: true,
  registrationClosesOn: true,
  description: true,
  status: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.TrainingCourseSelect;

export type CourseRecord = Prisma.TrainingCourseGetPayload<{ select: typeof courseView }>;

export const courseResource = (c: { id: string; audience: TrainingAudience; status: string }) => ({ type: "training", id: c.id, audience: c.audience, status: c.status }) as const;

export const courseScheduleOf = (c: { startsOn: Date; endsOn: Date; registrationClosesOn: Date | null; status: string }) => ({
  startsOn: isoOf(c.startsOn),
  endsOn: isoOf(c.endsOn),
  registrationClosesOn: c.registrationClosesOn ? isoOf(c.registrationClosesOn) : null,
  status: c.status,
});

export async function findCourse(actor: Actor, id: string, db: Db = prisma): Promise<CourseRecord | null> {
  const course = await db.trainingCourse.findFirst({ where: { AND: [{ id }, courseScope(actor)] }, select: courseView });
  if (!course || !can(actor, "training.list", courseResource(course))) return null;
  return course;
}

/** Holds the course's row until the transaction ends: the last seat goes to one registrant only. */
export async function lockCourse(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "TrainingCourse" WHERE id = ${id} FOR UPDATE`;
  // The state as it is now, under the lock (a cancellation may have committed since loading).
  return tx.trainingCourse.findUniqueOrThrow({ where: { id }, select: { status: true, startsOn: true, endsOn: true, registrationClosesOn: true, capacity: true } });
}

export async function countRegistered(db: Db, courseId: string): Promise<number> {
  return db.trainingRegistration.count({ where: { courseId, status: "REGISTERED" } });
}

export async function findOwnRegistration(actor: Actor, courseId: string, db: Db = prisma) {
  return db.trainingRegistration.findUnique({
    where: { courseId_userId: { courseId, userId: actor.userId } },
    select: { id: true, status: true, attended: true, attendanceCertificateNo: true, createdAt: true },
  });
}

/** Registrants of a course the caller loaded for the office, in the order they registered. */
export async function listRegistrations(course: { id: string }) {
  return prisma.trainingRegistration.findMany({
    where: { courseId: course.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      attended: true,
      attendanceCertificateNo: true,
      attendanceRecordedAt: true,
      createdAt: true,
      user: { select: { name: true, role: true, email: true, phone: true, ward: { select: { name: true } } } },
      producer: { select: { name: true } },
    },
  });
}

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

/** The certificates of attendance of a course, in number order (12/2026 after 9/2026). */
export async function listAttendanceCertificates(course: { id: string }) {
  const rows = await prisma.trainingRegistration.findMany({
    where: { courseId: course.id, attended: true, attendanceCertificateNo: { not: null } },
    select: {
      id: true,
      attendanceCertificateNo: true,
      attendanceRecordedAt: true,
      user: { select: { name: true, role: true, ward: { select: { name: true } } } },
      producer: { select: { name: true } },
    },
  });
  const key = (n: string | null) => {
    const p = n ? parseAttendanceNumber(n) : null;
    return p ? p.year * 1_000_000 + p.seq : Number.MAX_SAFE_INTEGER;
  };
  return rows.sort((a, b) => key(a.attendanceCertificateNo) - key(b.attendanceCertificateNo));
}

/**
 * The next `count` certificate-of-attendance numbers of `year`. A transaction-scoped advisory
 * lock per year makes two offices recording attendance at once take turns (the unique index on
 * the number is the last line of defence).
 */
export async function nextAttendanceNumbers(tx: Tx, year: number, count: number): Promise<string[]> {
  if (count === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ocop-training-attendance'), ${year}::int)`;
  const sameYear = await tx.trainingRegistration.findMany({
    where: { attendanceCertificateNo: { endsWith: `/${year}/TH-OCOP` } },
    select: { attendanceCertificateNo: true },
  });
  const first = nextAttendanceSeq(
    sameYear.map((r) => r.attendanceCertificateNo!),
    year,
  );
  return Array.from({ length: count }, (_, i) => formatAttendanceNumber(first + i, year));
}

export async function listCourseHistory(course: { id: string }) {
  return listStatusEvents({ entityType: "TrainingCourse", id: course.id });
}

export async function listCourseMaterials(course: { id: string }) {
  return prisma.attachment.findMany({
    where: { entityType: "TrainingCourse", entityId: course.id, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, mime: true, size: true, createdAt: true },
  });
}

/** A material of a course the caller loaded (404 for another course's file). */
export async function findCourseMaterial(course: { id: string }, attachmentId: string, db: Db = prisma) {
  return db.attachment.findFirst({
    where: { id: attachmentId, entityType: "TrainingCourse", entityId: course.id, deletedAt: null },
    select: { id: true, fileName: true, mime: true, storageKey: true },
  });
}

// ---------------------------------------------------------------------------------------------
// The desk.

export const COURSE_PAGE_SIZE = 20;

export type CourseQueueRow = {
  id: string;
  title: string;
  audience: TrainingAudience;
  status: TrainingStatus;
  startsOn: Date;
  endsOn: Date;
  place: string;
  capacity: number;
  registered: number;
  attendancePending: number;
};

/**
 * Courses as the office works through them: started courses whose attendance is still to be
 * taken, then courses to come (soonest first), then past ones (latest first), cancelled last.
 */
export async function listCourseQueue(actor: Actor, f: { status?: TrainingStatus; audience?: TrainingAudience; q?: string; page?: number }) {
  if (!managesTraining(actor)) return { rows: [] as CourseQueueRow[], total: 0 };
  const today = vietnamDateOf(new Date());
  const conditions: Prisma.Sql[] = [];
  if (f.status) conditions.push(Prisma.sql`c.status = ${f.status}::"TrainingStatus"`);
  if (f.audience) conditions.push(Prisma.sql`c.audience = ${f.audience}::"TrainingAudience"`);
  if (f.q) conditions.push(Prisma.sql`c.title ILIKE ${`%${likeLiteral(f.q)}%`}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const page = Math.max(1, f.page ?? 1);
  const pending = Prisma.sql`count(r.id) FILTER (WHERE r.status = 'REGISTERED' AND r.attended IS NULL)`;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<(Omit<CourseQueueRow, "registered" | "attendancePending"> & { registered: bigint; attendancePending: bigint })[]>`
      SELECT c.id, c.title, c.audience, c.status, c."startsOn", c."endsOn", c.place, c.capacity,
             count(r.id) FILTER (WHERE r.status = 'REGISTERED') AS registered,
             ${pending} AS "attendancePending"
      FROM "TrainingCourse" c LEFT JOIN "TrainingRegistration" r ON r."courseId" = c.id
      ${where}
      GROUP BY c.id
      ORDER BY
        CASE
          WHEN c.status = 'CANCELLED' THEN 3
          WHEN c.status = 'PUBLISHED' AND c."startsOn" <= ${today}::date AND ${pending} > 0 THEN 0
          WHEN c."endsOn" >= ${today}::date THEN 1
          ELSE 2
        END,
        CASE WHEN c."endsOn" >= ${today}::date AND c.status <> 'CANCELLED' THEN c."startsOn" END ASC,
        c."startsOn" DESC,
        c.id
      LIMIT ${COURSE_PAGE_SIZE} OFFSET ${(page - 1) * COURSE_PAGE_SIZE}`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TrainingCourse" c ${where}`,
  ]);
  return { rows: rows.map((r) => ({ ...r, registered: Number(r.registered), attendancePending: Number(r.attendancePending) })), total: Number(counted[0]?.n ?? 0) };
}

/** Started courses with attendance still to record (office hub). */
export async function countAttendanceToRecord(): Promise<number> {
  return prisma.trainingCourse.count({
    where: { status: "PUBLISHED", startsOn: { lte: vietnamToday() }, registrations: { some: { status: "REGISTERED", attended: null } } },
  });
}

/** A registrant's desk: courses of their audience still to come, and their own registrations. */
export async function listCoursesFor(actor: Actor) {
  const who = actor.role === "PRODUCER" ? "producer" : "official";
  const audiences = (["PRODUCERS", "OFFICIALS", "ALL"] as const).filter((a) => audienceAdmits(a, who));
  const today = vietnamToday();
  const [open, mine] = await Promise.all([
    prisma.trainingCourse.findMany({
      where: { AND: [courseScope(actor), { status: "PUBLISHED", audience: { in: audiences }, endsOn: { gte: today } }] },
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      take: 50,
      select: { ...courseView, _count: { select: { registrations: { where: { status: "REGISTERED" } } } } },
    }),
    prisma.trainingRegistration.findMany({
      where: { userId: actor.userId },
      orderBy: [{ course: { startsOn: "desc" } }],
      take: 50,
      select: { id: true, status: true, attended: true, attendanceCertificateNo: true, course: { select: { id: true, title: true, startsOn: true, endsOn: true, place: true, status: true } } },
    }),
  ]);
  return { open, mine };
}

// ---------------------------------------------------------------------------------------------
// Public pages.

const publicCourseView = {
  id: true,
  title: true,
  audience: true,
  startsOn: true,
  endsOn: true,
  place: true,
  capacity: true,
  registrationClosesOn: true,
  description: true,
  status: true,
  _count: { select: { registrations: { where: { status: "REGISTERED" as const } } } },
} satisfies Prisma.TrainingCourseSelect;

/** Published courses not yet over, soonest first, with their live registrations counted in SQL. */
export async function listUpcomingPublicCourses(limit: number, audience?: "PRODUCERS" | "OFFICIALS") {
  return prisma.trainingCourse.findMany({
    // "For producers" also lists the courses open to everyone, and likewise for officials.
    where: { status: "PUBLISHED", endsOn: { gte: vietnamToday() }, ...(audience ? { audience: { in: [audience, "ALL"] } } : {}) },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    take: Math.max(1, Math.min(limit, 100)),
    select: publicCourseView,
  });
}

/** The public materials of published courses, in one query for the courses on a page. */
export async function listPublicMaterials(courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return prisma.attachment.findMany({
    where: { entityType: "TrainingCourse", entityId: { in: courseIds }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, entityId: true, fileName: true, size: true, mime: true },
  });
}
