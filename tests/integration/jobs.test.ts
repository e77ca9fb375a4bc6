// The daily job (issue 6 §4): each notice reaches the right people on its day and not the day
// before, exactly once however often the job runs (twice in a row, or twice at the same moment),
// and the pg-boss runner schedules it and runs it. Days are years ahead, where no other test file
// has rounds or cycles, and every count is over this file's own records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { notify } from "@/lib/db/notifications";
import { addDays, addMonths, dateOf, isoOf, type IsoDate } from "@/lib/domain/dates";
import { defaultVietnamHolidays } from "@/lib/domain/holidays-vn";
import { isDraftClosingNoticeDue, lastFilingDay } from "@/lib/domain/notices";
import { translatorFor } from "@/lib/i18n/translate";
import { catchUpJobId, createBoss, DAILY_CRON, DAILY_QUEUE, DAILY_TZ, setUpDailyJob } from "@/lib/jobs/boss";
import { runDailyJobs } from "@/lib/jobs/daily";
import { issuedCertificate } from "./certificate-fixtures";
import { councilMembers } from "./council-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { emailOf, extraProducer, extraUser, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let wardOfficerB: Actor;
const cycleYears: number[] = [];
beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
});
afterAll(async () => {
  // A cycle years ahead would head every list of cycle years in the other files' tests.
  await db.ocopCycle.deleteMany({ where: { year: { in: cycleYears } } });
});

const HOLIDAYS = defaultVietnamHolidays();
const roundNo = () => 100_000 + Math.floor(Math.random() * 800_000);

/** A certificate of the producer whose last valid day is `expiresOn` (36 months, QĐ26). */
async function certificateExpiringOn(producerId: string, expiresOn: IsoDate) {
  const { certificate } = await issuedCertificate({ producerId, issuedOn: addMonths(expiresOn, -36) });
  expect(isoOf(certificate.expiresOn)).toBe(expiresOn);
  return certificate;
}

async function scoringRound(title: string, completeBy: IsoDate, members: { userId: string; scores?: boolean }[]) {
  return db.evaluationRound.create({
    data: {
      cycleYear: Number(completeBy.slice(0, 4)),
      no: roundNo(),
      title,
      proposalsBy: dateOf(addDays(completeBy, -60)),
      completeBy: dateOf(completeBy),
      status: "SCORING",
      members: { create: members.map((m) => ({ userId: m.userId, scores: m.scores ?? true })) },
    },
  });
}

async function plannedRound(title: string, proposalsBy: IsoDate) {
  return db.evaluationRound.create({
    data: { cycleYear: Number(proposalsBy.slice(0, 4)), no: roundNo(), title, proposalsBy: dateOf(proposalsBy), completeBy: dateOf(addDays(proposalsBy, 61)), status: "PLANNED" },
  });
}

type Expected = { userId: string; kind: string; href: string };

/** How many times each person got each notice (by who, what and which record; not by key). */
async function timesReceived(expected: Expected[]) {
  return Promise.all(expected.map((e) => db.notification.count({ where: { userId: e.userId, kind: e.kind, href: e.href } })));
}

async function keysOf(userId: string) {
  const rows = await db.notification.findMany({ where: { userId, dedupeKey: { not: null } }, orderBy: { dedupeKey: "asc" }, select: { dedupeKey: true } });
  return rows.map((r) => r.dedupeKey);
}

/**
 * Records that make every kind of notice due on `today`: a dossier at the ward past its deadline,
 * a round past its scoring deadline with a member's sheet open, a draft in the week before a
 * round's last filing day, and certificates whose renewal window opens, whose 30-day notice is
 * due and whose validity ended yesterday. Returns who must hear what.
 */
async function everyNoticeDueOn(today: IsoDate, label: string) {
  const { producer, user: producerUser } = await extraProducer(w.tag, label, w.wardA);
  const atWard = await buildDossier({ producerId: producer.id, status: "SUBMITTED" });
  await db.dossier.update({ where: { id: atWard.id }, data: { wardDueOn: dateOf(addDays(today, -1)) } });

  const [late] = await councilMembers(`${w.tag}-${label}`, ["Thành viên chấm chậm"] as const);
  const round = await scoringRound(`Đợt chấm ${label}`, addDays(today, -1), [late]);
  await buildDossier({ producerId: producer.id, status: "COUNCIL_SCORING", roundId: round.id });

  const draft = await buildDossier({ producerId: producer.id, status: "DRAFT" });
  const proposalsBy = addDays(today, 25);
  await plannedRound(`Đợt nhận hồ sơ ${label}`, proposalsBy);
  expect(isDraftClosingNoticeDue(lastFilingDay(proposalsBy, 15, HOLIDAYS), today)).toBe(true);

  const renewal = await certificateExpiringOn(producer.id, addDays(today, 180));
  const expiring = await certificateExpiringOn(producer.id, addDays(today, 30));
  const expired = await certificateExpiringOn(producer.id, addDays(today, -1));

  const expected: Expected[] = [
    { userId: w.wardOfficerA.userId, kind: "jobs.wardOverdue", href: `/dossiers/${atWard.id}` },
    { userId: late.userId, kind: "jobs.councilOverdue", href: "/evaluation" },
    { userId: w.economicOffice.userId, kind: "jobs.councilOverdueOffice", href: `/rounds/${round.id}` },
    { userId: producerUser.userId, kind: "jobs.draftClosingRound", href: `/dossiers/${draft.id}` },
    { userId: producerUser.userId, kind: "certNotices.renewalOpen", href: `/certificates/${renewal.id}` },
    { userId: producerUser.userId, kind: "certNotices.expiringSoon", href: `/certificates/${expiring.id}` },
    { userId: producerUser.userId, kind: "certNotices.expired", href: `/certificates/${expired.id}` },
  ];
  return { expected, producerUser, late, expired };
}

/** Each expected notice exactly once, and the fresh accounts' e-mails one per notice. */
async function expectEachOnce(b: Awaited<ReturnType<typeof everyNoticeDueOn>>) {
  expect(await timesReceived(b.expected)).toEqual(b.expected.map(() => 1));
  expect(await db.outboxEmail.count({ where: { to: await emailOf(b.producerUser.userId) } })).toBe(4);
  expect(await db.outboxEmail.count({ where: { to: await emailOf(b.late.userId) } })).toBe(1);
  // Every stored notice has its own e-mail under the same key.
  for (const e of b.expected) {
    const n = await db.notification.findFirstOrThrow({ where: { userId: e.userId, kind: e.kind, href: e.href } });
    expect(n.dedupeKey).toMatch(new RegExp(`:${e.userId}$`));
    expect(await db.outboxEmail.count({ where: { dedupeKey: n.dedupeKey } })).toBe(1);
  }
}

describe("each notice goes to the right people on its day, and not the day before", () => {
  const Y = 2151;
  cycleYears.push(Y);

  it("overdue ward pre-assessment: the ward's officers, from the day after the deadline", async () => {
    const { producer, user } = await extraProducer(w.tag, "HTX Trễ hạn xã", w.wardA);
    const dossier = await buildDossier({ producerId: producer.id, status: "SUBMITTED", productName: `Miến dong ${w.tag}` });
    await db.dossier.update({ where: { id: dossier.id }, data: { wardDueOn: dateOf(`${Y}-03-10`) } });
    const key = `ward-overdue:${dossier.id}:${Y}-03-10`;

    await runDailyJobs(`${Y}-03-10`);
    expect(await db.notification.count({ where: { dedupeKey: { startsWith: key } } })).toBe(0);
    await runDailyJobs(`${Y}-03-11`);
    expect(await keysOf(w.wardOfficerA.userId)).toContain(`${key}:${w.wardOfficerA.userId}`);
    const told = await db.notification.findMany({ where: { dedupeKey: { startsWith: key } }, select: { userId: true, kind: true, params: true } });
    const officers = await db.user.findMany({ where: { role: "WARD_OFFICER", wardId: w.wardA, isActive: true }, select: { id: true } });
    expect(told.map((n) => n.userId).sort()).toEqual(officers.map((o) => o.id).sort());
    expect(told.map((n) => n.userId)).not.toContain(wardOfficerB.userId);
    expect(told.map((n) => n.userId)).not.toContain(user.userId);
    expect(told[0]).toMatchObject({ kind: "jobs.wardOverdue", params: { name: `Miến dong ${w.tag}`, producer: producer.name, dueOn: `10/03/${Y}` } });
    // The message reads in both languages, with its parameters filled in.
    for (const locale of ["vi", "en"]) {
      const text = translatorFor(locale)("jobs.wardOverdue" as never, told[0]!.params as never);
      expect(text).toContain(`Miến dong ${w.tag}`);
      expect(text).toContain(`10/03/${Y}`);
    }
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `${key}:${w.wardOfficerA.userId}` } });
    expect(mail.subject).toContain("quá hạn đánh giá sơ bộ");
  });

  it("late council members: reminded from three days before the deadline, then once overdue with the office", async () => {
    const [open, draftOnly, done, conflicted, secretary] = await councilMembers(w.tag, ["Thành viên A", "Thành viên B", "Thành viên C", "Thành viên D", "Thư ký"] as const);
    const round = await scoringRound(`Đợt chấm thử ${w.tag}`, `${Y}-03-20`, [open, draftOnly, done, conflicted, { userId: secretary.userId, scores: false }]);
    const dossier = await buildDossier({ producerId: w.producerA.id, status: "COUNCIL_SCORING", roundId: round.id });
    await db.scoreSheet.create({ data: { dossierId: dossier.id, userId: draftOnly.userId, status: "DRAFT", total: 40 } });
    await db.scoreSheet.create({ data: { dossierId: dossier.id, userId: done.userId, status: "SUBMITTED", total: 80, submittedAt: new Date() } });
    await db.dossierConflict.create({ data: { dossierId: dossier.id, userId: conflicted.userId, source: "DECLARED", reason: "Người thân của chủ thể" } });
    const due = `council-due:${round.id}:${Y}-03-20`;
    const lateKey = `council-late:${round.id}:${Y}-03-20`;
    const officeKey = `council-late-office:${round.id}:${Y}-03-20`;
    const told = async (prefix: string) =>
      (await db.notification.findMany({ where: { dedupeKey: { startsWith: `${prefix}:` } }, select: { userId: true } })).map((n) => n.userId).sort();

    await runDailyJobs(`${Y}-03-16`);
    expect(await told(due)).toEqual([]);
    await runDailyJobs(`${Y}-03-17`);
    expect(await told(due)).toEqual([open.userId, draftOnly.userId].sort());
    await runDailyJobs(`${Y}-03-20`);
    expect(await told(due)).toHaveLength(2);
    expect(await told(lateKey)).toEqual([]);
    await runDailyJobs(`${Y}-03-21`);
    expect(await told(lateKey)).toEqual([open.userId, draftOnly.userId].sort());
    const office = await db.user.findMany({ where: { role: "ECONOMIC_OFFICE", isActive: true }, select: { id: true } });
    expect(await told(officeKey)).toEqual(office.map((u) => u.id).sort());
    const summary = await db.notification.findFirstOrThrow({ where: { dedupeKey: `${officeKey}:${w.economicOffice.userId}` } });
    expect(summary).toMatchObject({ kind: "jobs.councilOverdueOffice", href: `/rounds/${round.id}`, params: { members: "2", date: `20/03/${Y}` } });
    // A later day adds nothing: each stage is told once.
    await runDailyJobs(`${Y}-04-01`);
    expect(await db.notification.count({ where: { userId: open.userId } })).toBe(2);
    expect(await db.notification.count({ where: { userId: done.userId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: conflicted.userId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: secretary.userId } })).toBe(0);
  });

  it("drafts: the producer, in the week before a round's last filing day, then before step 5 of the cycle ends", async () => {
    const { producer, user } = await extraProducer(w.tag, "HTX Hồ sơ nháp", w.wardA);
    const draft = await buildDossier({ producerId: producer.id, status: "DRAFT", productName: `Trà hoa vàng ${w.tag}` });
    const submitted = await buildDossier({ producerId: producer.id, status: "SUBMITTED" });
    const proposalsBy = `${Y}-04-30`;
    const round = await plannedRound(`Đợt 1 năm ${Y}`, proposalsBy);
    const cycle = await db.ocopCycle.create({ data: { year: Y, title: `Chu trình OCOP năm ${Y}` } });
    await db.cycleStep.create({ data: { cycleId: cycle.id, stepNo: 5, startsOn: dateOf(`${Y}-01-05`), endsOn: dateOf(`${Y}-06-15`) } });
    const closesOn = lastFilingDay(proposalsBy, 15, HOLIDAYS);
    const draftNotices = () => db.notification.findMany({ where: { href: `/dossiers/${draft.id}` }, orderBy: { createdAt: "asc" } });

    await runDailyJobs(addDays(closesOn, -8));
    expect(await draftNotices()).toEqual([]);
    await runDailyJobs(addDays(closesOn, -7));
    expect((await draftNotices()).map((n) => [n.userId, n.kind, n.dedupeKey])).toEqual([
      [user.userId, "jobs.draftClosingRound", `draft-closing:${draft.id}:${closesOn}:${user.userId}`],
    ]);
    expect((await draftNotices())[0]!.params).toMatchObject({ round: round.title, proposalsBy: `30/04/${Y}`, closesOn: closesOn.split("-").reverse().join("/") });
    await runDailyJobs(closesOn);
    await runDailyJobs(addDays(closesOn, 1));
    expect(await draftNotices()).toHaveLength(1);
    // The round's filing is over; step 5 of the year's cycle ends on 15/6.
    await runDailyJobs(`${Y}-06-07`);
    expect(await draftNotices()).toHaveLength(1);
    await runDailyJobs(`${Y}-06-08`);
    expect((await draftNotices()).map((n) => n.kind)).toEqual(["jobs.draftClosingRound", "jobs.draftClosingCycle"]);
    expect(await db.notification.count({ where: { href: `/dossiers/${submitted.id}` } })).toBe(0);
    expect(await db.notification.count({ where: { userId: w.producerUserB.userId, href: `/dossiers/${draft.id}` } })).toBe(0);
  });

  it("certificates: the renewal window on its first day (180 days before expiry), the 30-day notice on its day", async () => {
    const { producer, user } = await extraProducer(w.tag, "HTX Gia hạn", w.wardA);
    const cert = await certificateExpiringOn(producer.id, `${Y}-12-28`);
    const notices = async (kind: string) => db.notification.count({ where: { userId: user.userId, kind, href: `/certificates/${cert.id}` } });

    await runDailyJobs(`${Y}-06-30`);
    expect(await notices("certNotices.renewalOpen")).toBe(0);
    await runDailyJobs(`${Y}-07-01`); // 28/12 − 180 days
    expect(await notices("certNotices.renewalOpen")).toBe(1);
    expect(await keysOf(user.userId)).toEqual([`renewal:${cert.id}:${user.userId}`]);
    await runDailyJobs(`${Y}-11-27`);
    expect(await notices("certNotices.expiringSoon")).toBe(0);
    await runDailyJobs(`${Y}-11-28`); // 28/12 − 30 days
    expect(await notices("certNotices.expiringSoon")).toBe(1);
    expect(await notices("certNotices.renewalOpen")).toBe(1);
  });
});

describe("each notice exactly once", () => {
  it("when the job runs twice in a row", async () => {
    const today = "2152-03-10";
    const b = await everyNoticeDueOn(today, "HTX Chạy hai lần");
    const first = await runDailyJobs(today);
    expect(first.failed).toBe(0);
    await expectEachOnce(b);
    const second = await runDailyJobs(today);
    // Nothing anywhere is sent again, nor expired again.
    expect(second.notified).toEqual({});
    expect(second.certificates).toMatchObject({ expired: 0, renewalNotices: 0, expiryNotices: 0 });
    await expectEachOnce(b);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: b.expired.id } })).status).toBe("EXPIRED");
  });

  it("when two runs start at the same moment (as on two instances)", async () => {
    const today = "2153-03-10";
    const b = await everyNoticeDueOn(today, "HTX Chạy song song");
    const [one, two] = await Promise.all([runDailyJobs(today), runDailyJobs(today)]);
    expect(one.failed + two.failed).toBe(0);
    await expectEachOnce(b);
    expect((one.certificates?.expired ?? 0) + (two.certificates?.expired ?? 0)).toBeGreaterThanOrEqual(1);
    expect(await db.statusEvent.count({ where: { entityType: "Certificate", entityId: b.expired.id, action: "expire" } })).toBe(1);
  });
});

describe("notify() with a dedupe key", () => {
  it("stores one notice and one e-mail per person and key; a rolled-back one does not count; without a key every call notifies", async () => {
    const { producer, user } = await extraProducer(w.tag, "HTX Khóa gửi một lần", w.wardA);
    const to = [{ kind: "producer" as const, producerId: producer.id }];
    const message = { kind: "jobs.wardOverdue", params: { name: "Mật ong bạc hà", producer: producer.name, dueOn: "01/12/2026" }, href: `/dossiers/notify-${w.tag}` };
    const send = (dedupeKey?: string) => prisma.$transaction((tx) => notify(tx, null, to, { ...message, dedupeKey }));
    const mails = async () => db.outboxEmail.count({ where: { to: await emailOf(user.userId) } });

    expect(await send(`test:${w.tag}`)).toBe(1);
    expect(await send(`test:${w.tag}`)).toBe(0);
    expect(await db.notification.count({ where: { userId: user.userId } })).toBe(1);
    expect(await mails()).toBe(1);

    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, null, to, { ...message, dedupeKey: `test2:${w.tag}` });
        throw new Error("the change this notice belongs to failed");
      }),
    ).rejects.toThrow("failed");
    expect(await send(`test2:${w.tag}`)).toBe(1);
    expect(await mails()).toBe(2);

    expect(await send()).toBe(1);
    expect(await send()).toBe(1);
    expect(await db.notification.count({ where: { userId: user.userId } })).toBe(4);
    expect(await mails()).toBe(4);
  });
});

describe("the job runner (pg-boss)", () => {
  const bosses: PgBoss[] = [];
  let catchUp: string | null = null;
  afterAll(async () => {
    const [first] = bosses;
    if (first && catchUp) await first.deleteJob(DAILY_QUEUE, catchUp);
    if (first) await first.unschedule(DAILY_QUEUE);
    for (const boss of bosses) await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
  });

  it("schedules the daily job at 00:10 in Vietnam, queues one catch-up run per day across instances, and runs the daily job", { timeout: 60_000 }, async () => {
    const today = "2154-03-10";
    const b = await everyNoticeDueOn(today, "HTX Bộ chạy việc");
    const runs: IsoDate[] = [];
    const run = async (date: IsoDate) => {
      const summary = await runDailyJobs(date);
      runs.push(date);
      return summary;
    };
    // Two instances start at 01:00 on 11/3/2154 in Vietnam (18:00 UTC the day before).
    const now = new Date("2154-03-10T18:00:00Z");
    const options = { run, pollingIntervalSeconds: 0.5, catchUpDelaySeconds: 3_600, now };
    for (let i = 0; i < 2; i++) {
      const boss = createBoss();
      bosses.push(boss);
      await boss.start();
    }
    catchUp = await setUpDailyJob(bosses[0]!, options);
    expect(catchUp).toBe(catchUpJobId("2154-03-11"));
    expect(await setUpDailyJob(bosses[1]!, options)).toBeNull();
    expect(await bosses[0]!.getJobById(DAILY_QUEUE, catchUp!)).toMatchObject({ state: "created", data: { date: "2154-03-11" }, singletonKey: "catch-up:2154-03-11" });

    const schedules = await bosses[0]!.getSchedules();
    expect(schedules.filter((s) => s.name === DAILY_QUEUE)).toEqual([expect.objectContaining({ cron: DAILY_CRON, timezone: DAILY_TZ })]);
    expect([DAILY_CRON, DAILY_TZ]).toEqual(["10 0 * * *", "Asia/Ho_Chi_Minh"]);

    const id = await bosses[0]!.send(DAILY_QUEUE, { date: today });
    expect(id).not.toBeNull();
    const deadline = Date.now() + 45_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      state = (await bosses[0]!.getJobById(DAILY_QUEUE, id!))?.state;
      if (state === "completed" || state === "failed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(state).toBe("completed");
    // Once, by one of the two workers (a scheduled run at 00:10 in Vietnam would be another date).
    expect(runs.filter((d) => d === today)).toEqual([today]);
    await expectEachOnce(b);
  });
});
