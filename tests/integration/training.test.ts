// Step 1, training: the office publishes courses for producers, officials or both; people
// register online (the producer from the session, the seat under the course's row lock); the
// office takes attendance, which numbers the certificates of attendance in the year's sequence,
// and downloads their list as CSV.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { cancelCourseRegistration, recordAttendance, registerForCourse, saveCourse, transitionCourse } from "@/lib/actions/training";
import { listAttendanceCertificates, listUpcomingPublicCourses } from "@/lib/db/training";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { parseAttendanceNumber } from "@/lib/domain/training";
import { GET as attendanceCsv } from "@/app/(portal)/manage/training/[id]/attendance.csv/route";
import { actAs } from "./act-as";
import { extraProducer, extraUser, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
const today = vietnamDateOf(new Date());
const day = (n: number) => addDays(today, n);
const year = Number(today.slice(0, 4));

function courseInput(over: Record<string, unknown> = {}) {
  return {
    title: `Xây dựng câu chuyện sản phẩm OCOP ${randomUUID().slice(0, 6)}`,
    audience: "PRODUCERS",
    startsOn: day(15),
    endsOn: day(16),
    place: "Hội trường UBND phường Đức Xuân",
    capacity: "30",
    registrationClosesOn: day(10),
    description: "Kể câu chuyện sản phẩm trên bao bì, mạng xã hội và tại hội chợ.",
    ...over,
  };
}

async function publishedCourse(over: Record<string, unknown> = {}) {
  actAs(w.economicOffice);
  const { courseId } = ok(await saveCourse(courseInput(over)));
  ok(await transitionCourse({ courseId, action: "publish" }));
  actAs(null);
  return courseId;
}

async function registerAs(who: Actor, courseId: string) {
  actAs(who);
  const r = await registerForCourse({ courseId });
  actAs(null);
  return r;
}

const liveSeats = (courseId: string) => db.trainingRegistration.count({ where: { courseId, status: "REGISTERED" } });

beforeAll(async () => {
  w = await makeWorld();
});
beforeEach(() => actAs(null));

describe("who may register for which course", () => {
  it("registers a producer for a producers' course, its entity from the session", async () => {
    const courseId = await publishedCourse();
    actAs(w.producerUserA);
    const r = ok(await registerForCourse({ courseId, producerId: w.producerB.id, userId: w.producerUserB.userId }));
    expect(r.alreadyRegistered).toBe(false);
    const row = await db.trainingRegistration.findUniqueOrThrow({ where: { id: r.registrationId } });
    expect(row).toMatchObject({ userId: w.producerUserA.userId, producerId: w.producerA.id, status: "REGISTERED" });
    expect((await listUpcomingPublicCourses(100)).find((c) => c.id === courseId)?._count.registrations).toBe(1);
  });

  it("refuses a producer for an officials' course and admits a ward officer", async () => {
    const courseId = await publishedCourse({ title: `Nghiệp vụ đánh giá, phân hạng sản phẩm OCOP ${randomUUID().slice(0, 4)}`, audience: "OFFICIALS" });
    expect(await registerAs(w.producerUserA, courseId)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const r = ok(await registerAs(w.wardOfficerA, courseId));
    expect((await db.trainingRegistration.findUniqueOrThrow({ where: { id: r.registrationId } })).producerId).toBeNull();
    ok(await registerAs(w.council, courseId));
    // And the other way round: an official is not a producer.
    const producersOnly = await publishedCourse();
    expect(await registerAs(w.wardOfficerA, producersOnly)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("admits both to a course for everyone, never to a draft", async () => {
    const courseId = await publishedCourse({ audience: "ALL" });
    ok(await registerAs(w.producerUserB, courseId));
    ok(await registerAs(w.communications, courseId));
    actAs(w.economicOffice);
    const { courseId: draft } = ok(await saveCourse(courseInput()));
    expect(await registerAs(w.producerUserA, draft)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("treats a second registration as nothing new, with a clear answer", async () => {
    const courseId = await publishedCourse();
    const first = ok(await registerAs(w.producerUserA, courseId));
    const second = ok(await registerAs(w.producerUserA, courseId));
    expect(second).toEqual({ courseId, registrationId: first.registrationId, alreadyRegistered: true });
    expect(await liveSeats(courseId)).toBe(1);
  });

  it("refuses registration after the closing date", async () => {
    const courseId = await publishedCourse({ startsOn: day(3), endsOn: day(3), registrationClosesOn: day(-1) });
    expect(await registerAs(w.producerUserA, courseId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION", fieldErrors: { _: ["trainingform.registrationClosed"] } });
  });
});

describe("seats", () => {
  it("refuses a registration once the course is full, and a cancelled seat is free again", async () => {
    const courseId = await publishedCourse({ capacity: "1" });
    ok(await registerAs(w.producerUserA, courseId));
    expect(await registerAs(w.producerUserB, courseId)).toMatchObject({ ok: false, fieldErrors: { _: ["trainingform.full"] } });
    actAs(w.producerUserA);
    ok(await cancelCourseRegistration({ courseId }));
    expect(await liveSeats(courseId)).toBe(0);
    ok(await registerAs(w.producerUserB, courseId));
    // The first producer comes back: the course is full again.
    expect(await registerAs(w.producerUserA, courseId)).toMatchObject({ ok: false, fieldErrors: { _: ["trainingform.full"] } });
  });

  it("gives the last seat to exactly one of two registrations at once", async () => {
    for (let round = 0; round < 4; round++) {
      const courseId = await publishedCourse({ capacity: "2" });
      ok(await registerAs(w.producerUserA, courseId));
      const results = await Promise.all(
        [w.producerUserB, (await extraProducer(w.tag, `Hộ Kim Ngân ${round}`, w.wardA)).user].map(async (who) => {
          // Each call reads the session when it starts, so each keeps its own actor.
          actAs(who);
          return registerForCourse({ courseId });
        }),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await liveSeats(courseId)).toBe(2);
    }
  });

  it("keeps seats for those who registered when the office edits the capacity", async () => {
    const courseId = await publishedCourse({ capacity: "3" });
    ok(await registerAs(w.producerUserA, courseId));
    ok(await registerAs(w.producerUserB, courseId));
    actAs(w.economicOffice);
    const course = await db.trainingCourse.findUniqueOrThrow({ where: { id: courseId } });
    const r = await saveCourse({ ...courseInput({ capacity: "1" }), courseId, version: course.version });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { capacity: ["trainingform.capacityBelowRegistered"] } });
  });

  it("lets a registrant cancel only before the course starts", async () => {
    const courseId = await publishedCourse({ startsOn: today, endsOn: day(1), registrationClosesOn: today });
    ok(await registerAs(w.producerUserA, courseId));
    actAs(w.producerUserA);
    expect(await cancelCourseRegistration({ courseId })).toMatchObject({ ok: false, fieldErrors: { _: ["trainingform.cancelClosed"] } });
  });
});

describe("attendance and certificates of attendance", () => {
  it("numbers attendees in the year's sequence, in the order they registered, and exports the list", async () => {
    const courseId = await publishedCourse({ startsOn: today, endsOn: day(1), registrationClosesOn: today });
    const third = await extraUser(w.tag, "Cán bộ Nông Thượng", "WARD_OFFICER", { wardId: w.wardB });
    const allCourse = await publishedCourse({ audience: "ALL", startsOn: today, endsOn: day(1), registrationClosesOn: today });
    const people = [w.producerUserA, w.producerUserB];
    for (const p of people) ok(await registerAs(p, courseId));
    ok(await registerAs(third, allCourse));
    const regs = await db.trainingRegistration.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } });
    const other = await db.trainingRegistration.findFirstOrThrow({ where: { courseId: allCourse } });
    actAs(w.economicOffice);
    // A registration of another course is not this course's to mark.
    expect(await recordAttendance({ courseId, entries: [{ registrationId: other.id, attended: true }] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const r = ok(await recordAttendance({ courseId, entries: [{ registrationId: regs[0]!.id, attended: true }, { registrationId: regs[1]!.id, attended: true }] }));
    expect(r.numbered).toBe(2);
    const numbered = await db.trainingRegistration.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } });
    const parsed = numbered.map((n) => parseAttendanceNumber(n.attendanceCertificateNo ?? ""));
    expect(parsed.every((p) => p?.year === year)).toBe(true);
    expect(parsed[1]!.seq).toBe(parsed[0]!.seq + 1);
    expect(await notifiedUsers("trainingNotices.certificate", `/manage/training/${courseId}`)).toEqual(expect.arrayContaining(people.map((p) => p.userId)));
    // Another course continues the same sequence; a second roll call keeps given numbers.
    ok(await recordAttendance({ courseId: allCourse, entries: [{ registrationId: other.id, attended: true }] }));
    expect(parseAttendanceNumber((await db.trainingRegistration.findUniqueOrThrow({ where: { id: other.id } })).attendanceCertificateNo!)!.seq).toBe(parsed[1]!.seq + 1);
    ok(await recordAttendance({ courseId, entries: [{ registrationId: regs[0]!.id, attended: true }, { registrationId: regs[1]!.id, attended: false }] }));
    const after = await db.trainingRegistration.findMany({ where: { courseId }, orderBy: { createdAt: "asc" } });
    expect(after[0]!.attendanceCertificateNo).toBe(numbered[0]!.attendanceCertificateNo);
    expect(after[1]).toMatchObject({ attended: false, attendanceCertificateNo: null });

    const list = await listAttendanceCertificates({ id: courseId });
    expect(list.map((c) => c.id)).toEqual([after[0]!.id]);

    // The CSV: a byte-order mark, a header, the attendees with their producer and number.
    const res = await attendanceCsv(new Request("http://test/"), { params: Promise.resolve({ id: courseId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("STT,Họ và tên,Đơn vị,Số giấy chứng nhận,Khóa tập huấn,Thời gian");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(w.producerA.name);
    expect(lines[1]).toContain(after[0]!.attendanceCertificateNo!);

    // The same route refuses anyone but the office, as the page does.
    for (const who of [w.producerUserA, w.leader, null]) {
      actAs(who);
      const denied = await attendanceCsv(new Request("http://test/"), { params: Promise.resolve({ id: courseId }) });
      expect(denied.status).toBe(404);
    }
  });

  it("refuses attendance for a course that has not started", async () => {
    const courseId = await publishedCourse();
    const reg = ok(await registerAs(w.producerUserA, courseId));
    actAs(w.economicOffice);
    expect(await recordAttendance({ courseId, entries: [{ registrationId: reg.registrationId, attended: true }] })).toMatchObject({
      ok: false,
      fieldErrors: { _: ["trainingform.attendanceBeforeStart"] },
    });
  });
});

describe("the training desk is the office's", () => {
  it("keeps council members, leaders and others out of managing courses", async () => {
    const courseId = await publishedCourse({ startsOn: today, endsOn: day(1), registrationClosesOn: today });
    const reg = ok(await registerAs(w.producerUserA, courseId));
    for (const who of [w.council, w.leader, w.communications, w.wardOfficerA, w.producerUserA]) {
      actAs(who);
      expect(await saveCourse(courseInput())).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await transitionCourse({ courseId, action: "cancel" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await recordAttendance({ courseId, entries: [{ registrationId: reg.registrationId, attended: true }] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await db.trainingCourse.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("PUBLISHED");
  });

  it("tells registrants when a course is cancelled", async () => {
    const courseId = await publishedCourse();
    ok(await registerAs(w.producerUserB, courseId));
    actAs(w.economicOffice);
    ok(await transitionCourse({ courseId, action: "cancel", comment: "Giảng viên bận đột xuất" }));
    expect(await notifiedUsers("trainingNotices.cancelled", `/manage/training/${courseId}`)).toEqual([w.producerUserB.userId]);
    expect(await registerAs(w.producerUserA, courseId)).toMatchObject({ ok: false });
  });
});
