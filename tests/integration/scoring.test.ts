// Issue 4 item 4: council members score the dossier's pinned sheet. Drafts are private and
// version-checked, submission locks, others' sheets open only after one's own, simultaneous
// submissions both count, a spread above the threshold is discussed and resolved through the
// chair's recorded reopen, and closing stages the result.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { declareConflict, removeDeclaration, startRoundScoring } from "@/lib/actions/rounds";
import { closeScoring, remindMembers, reopenScoreSheet, saveScoreDraft, submitScoreSheet } from "@/lib/actions/scoring";
import { findDossier } from "@/lib/db/dossiers";
import type { ResultExplanation } from "@/lib/db/results";
import { findRound } from "@/lib/db/rounds";
import { countedMemberIds, readCouncilSheets, roundProgress } from "@/lib/db/scoring";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { AppError } from "@/lib/errors";
import type { StoredAnswers } from "@/lib/validation/sheet-answers";
import { actAs } from "./act-as";
import { answersWithTotal, councilMembers, councilRound, forwardedDossier, sheetData, sheetVersion } from "./council-fixtures";
import { extraUser, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let sheet: CriteriaSheetData;
let chair: Actor, memberB: Actor, memberC: Actor, declared: Actor, linked: Actor, outsider: Actor;
beforeAll(async () => {
  w = await makeWorld();
  sheet = await sheetData(7);
  [chair, memberB, memberC, declared, outsider] = await councilMembers(w.tag, ["Chủ tịch", "Ủy viên B", "Ủy viên C", "Ủy viên khai báo", "Ủy viên đợt khác"]);
  linked = await extraUser(w.tag, "Ủy viên của HTX A", "COUNCIL_MEMBER", { producerId: w.producerA.id });
});
beforeEach(() => actAs(null));

/** A started round (chair, B, C scoring; a declared and a linked member; the office as minute-taking secretary) on a new dossier of producer A. */
async function scoringSetup(o: { maxSpread?: number } = {}) {
  const dossier = await forwardedDossier(w.producerA.id);
  const round = await councilRound({
    office: w.economicOffice,
    members: [
      { actor: chair, role: "CHAIR" },
      { actor: memberB },
      { actor: memberC },
      { actor: declared },
      { actor: linked },
      { actor: w.economicOffice, role: "SECRETARY", scores: false },
    ],
    dossierIds: [dossier.id],
    start: false,
    maxSpread: o.maxSpread,
  });
  actAs(declared);
  ok(await declareConflict({ roundId: round.id, kind: "PRODUCER", producerId: w.producerA.id, note: "Người thân làm kế toán cho hợp tác xã" }));
  actAs(w.economicOffice);
  ok(await startRoundScoring({ roundId: round.id }));
  actAs(null);
  return { dossierId: dossier.id, roundId: round.id };
}

async function submitAs(member: Actor, dossierId: string, answers: StoredAnswers, comment = "") {
  actAs(member);
  return submitScoreSheet({ dossierId, version: await sheetVersion(dossierId, member.userId), answers, comment });
}

const result = (dossierId: string) => db.dossierResult.findUniqueOrThrow({ where: { dossierId } });
const explanationOf = async (dossierId: string) => (await result(dossierId)).explanation as unknown as ResultExplanation;

describe("who may score", () => {
  let dossierId: string;
  beforeAll(async () => {
    ({ dossierId } = await scoringSetup());
  });

  it("a conflicted member, declared or detected, gets 404 on the dossier and on saving a sheet, and does not count", async () => {
    for (const member of [declared, linked]) {
      expect(await findDossier(member, dossierId)).toBeNull();
      actAs(member);
      expect(await saveScoreDraft({ dossierId, answers: { items: {} } })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await submitScoreSheet({ dossierId, answers: answersWithTotal(sheet, 90) })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    const conflicts = await db.dossierConflict.findMany({ where: { dossierId }, select: { userId: true, source: true } });
    expect(conflicts).toEqual(expect.arrayContaining([{ userId: declared.userId, source: "DECLARED" }, { userId: linked.userId, source: "DETECTED" }]));
    expect((await countedMemberIds(dossierId)).sort()).toEqual([chair.userId, memberB.userId, memberC.userId].sort());
    expect(await db.scoreSheet.count({ where: { dossierId, userId: { in: [declared.userId, linked.userId] } } })).toBe(0);
  });

  it("people outside the council get 404; those who may read the dossier but hold no scoring seat get 403", async () => {
    for (const who of [outsider, w.producerUserB, w.council]) {
      actAs(who);
      expect(await saveScoreDraft({ dossierId, answers: { items: {} } })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await reopenScoreSheet({ dossierId, userId: memberB.userId, reason: "Thảo luận lại tiêu chí 4.1" })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    // The producer, its ward, leaders and the minute-taking secretary from the office.
    for (const who of [w.producerUserA, w.wardOfficerA, w.leader, w.economicOffice]) {
      actAs(who);
      expect(await saveScoreDraft({ dossierId, answers: { items: {} } })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await reopenScoreSheet({ dossierId, userId: memberB.userId, reason: "Thảo luận lại tiêu chí 4.1" })).toEqual({ ok: false, code: "FORBIDDEN" });
    }
  });
});

describe("a conflict found during scoring", () => {
  it("takes the member's submitted sheet out of the result at once, and back when withdrawn", async () => {
    const { dossierId, roundId } = await scoringSetup();
    ok(await submitAs(chair, dossierId, answersWithTotal(sheet, 90)));
    ok(await submitAs(memberC, dossierId, answersWithTotal(sheet, 80)));
    expect((await result(dossierId)).averageTotal).toBe(85);
    actAs(memberC);
    const { declarationId } = ok(await declareConflict({ roundId, kind: "OTHER", dossierId, note: "Vừa được mời làm cố vấn cho hợp tác xã" }));
    expect(await findDossier(memberC, dossierId)).toBeNull();
    expect(await countedMemberIds(dossierId)).not.toContain(memberC.userId);
    const r = await result(dossierId);
    expect([r.memberCount, r.averageTotal, (r.explanation as unknown as ResultExplanation).expectedMembers]).toEqual([1, 90, 2]);
    ok(await removeDeclaration({ declarationId }));
    expect([(await result(dossierId)).memberCount, (await result(dossierId)).averageTotal]).toEqual([2, 85]);
  });
});

describe("drafts", () => {
  let dossierId: string;
  beforeAll(async () => {
    ({ dossierId } = await scoringSetup());
  });

  it("save with a version; a stale tab or a second first-save is a CONFLICT, never an overwrite", async () => {
    actAs(memberB);
    const first = ok(await saveScoreDraft({ dossierId, answers: { items: { "1.1": { option: 2 } } }, comment: "Nguyên liệu tại chỗ" }));
    expect([first.total, first.missing]).toEqual([3, 31]);
    const second = ok(await saveScoreDraft({ dossierId, version: first.version, answers: { items: { "1.1": { option: 2 }, "1.2": { option: 1 } } } }));
    expect(second.total).toBe(4);
    // The first tab, still holding the first version:
    expect(await saveScoreDraft({ dossierId, version: first.version, answers: { items: { "1.1": { option: 0 } } } })).toEqual({ ok: false, code: "CONFLICT" });
    // A tab opened before any save:
    expect(await saveScoreDraft({ dossierId, answers: { items: {} } })).toEqual({ ok: false, code: "CONFLICT" });
    const row = await db.scoreSheet.findUniqueOrThrow({ where: { dossierId_userId: { dossierId, userId: memberB.userId } } });
    expect([row.status, row.total, (row.answers as StoredAnswers).items["1.2"]]).toEqual(["DRAFT", 4, { option: 1 }]);
  });

  it("answers are checked against the dossier's pinned sheet, every problem named", async () => {
    actAs(memberC);
    const r = await saveScoreDraft({ dossierId, answers: { items: { "1.1": { option: 7 }, "99.9": { option: 0 }, "2.4": { option: 0 } } } });
    expect(r).toEqual({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "answers.items.1.1": ["dossiers.scoreOptionOutOfRange"], "answers.items.99.9": ["dossiers.scoreUnknownItem"], "answers.items.2.4": ["dossiers.scoreAnswerKind"] },
    });
    expect(await db.scoreSheet.count({ where: { dossierId, userId: memberC.userId } })).toBe(0);
  });

  it("submitting needs every item answered (unless a stop-evaluation note applies)", async () => {
    actAs(memberC);
    const partial = answersWithTotal(sheet, 90);
    const { "11": _last, ...fewer } = partial.items;
    void _last;
    expect(await submitScoreSheet({ dossierId, answers: { items: fewer } })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { "answers.items.11": ["council.itemRequired"] } });
    // Item 6.1 prints "không đánh giá các bước tiếp theo": with it flagged, what follows is never scored.
    const before61 = Object.fromEntries(Object.entries(partial.items).filter(([code]) => /^[1-5]\./.test(code) || code === "6.1"));
    const stopped = ok(await submitScoreSheet({ dossierId, answers: { items: before61, stopEvaluations: ["6.1"] } }));
    expect(stopped.total).toBeLessThan(70);
    const row = await db.scoreSheet.findUniqueOrThrow({ where: { dossierId_userId: { dossierId, userId: memberC.userId } } });
    expect([row.status, row.total]).toEqual(["SUBMITTED", stopped.total]);
  });
});

describe("reading the others' sheets", () => {
  let dossierId: string;
  let roundId: string;
  beforeAll(async () => {
    ({ dossierId, roundId } = await scoringSetup());
    ok(await submitAs(chair, dossierId, answersWithTotal(sheet, 88), "Sản phẩm tốt, bao bì đẹp"));
  });

  it("a member who has not submitted gets FORBIDDEN from the data function (no query of others' sheets)", async () => {
    const dossier = (await findDossier(memberB, dossierId))!;
    expect(dossier.seat).toEqual({ role: "MEMBER", scores: true, ownSheetSubmitted: false });
    await expect(readCouncilSheets(memberB, dossier)).rejects.toEqual(new AppError("FORBIDDEN"));
    // Even with a draft in progress.
    actAs(memberB);
    ok(await saveScoreDraft({ dossierId, answers: { items: { "1.1": { option: 1 } } } }));
    await expect(readCouncilSheets(memberB, (await findDossier(memberB, dossierId))!)).rejects.toEqual(new AppError("FORBIDDEN"));
    // Progress is for the chair, the secretary and the office.
    await expect(roundProgress(memberB, (await findRound(memberB, roundId))!)).rejects.toEqual(new AppError("FORBIDDEN"));
  });

  it("after submitting, the member reads every submitted sheet with its points per item", async () => {
    ok(await submitAs(memberB, dossierId, answersWithTotal(sheet, 84)));
    const read = await readCouncilSheets(memberB, (await findDossier(memberB, dossierId))!);
    expect(read.sheets.map((s) => [s.name, s.total])).toEqual([
      [`Chủ tịch ${w.tag}`, 88],
      [`Ủy viên B ${w.tag}`, 84],
    ]);
    expect(read.sheets[0]!.comment).toBe("Sản phẩm tốt, bao bì đẹp");
    expect(Object.values(read.sheets[0]!.itemPoints).reduce((a, b) => a + b, 0)).toBe(88);
    expect(read.expected).toBe(3);
    expect(read.result?.explanation.submittedMembers).toBe(2);
  });

  it("the office and the non-scoring secretary see progress always; totals only where the viewer may read them", async () => {
    const office = await roundProgress(w.economicOffice, (await findRound(w.economicOffice, roundId))!);
    const row = office.rows.find((r) => r.id === dossierId)!;
    const byName = (name: string) => row.cells[office.members.findIndex((m) => m.name === name)];
    expect(byName(`Chủ tịch ${w.tag}`)).toMatchObject({ kind: "SHEET", state: "SUBMITTED", total: 88 });
    expect(byName(`Ủy viên C ${w.tag}`)).toMatchObject({ kind: "SHEET", state: "NOT_STARTED", total: null });
    expect(byName(`Ủy viên khai báo ${w.tag}`)).toEqual({ kind: "CONFLICT" });
    expect(row.cells[office.members.findIndex((m) => m.userId === w.economicOffice.userId)]).toEqual({ kind: "NOT_COUNTED" });
    expect([row.submitted, row.expected]).toEqual([2, 3]);
    expect(office.late.map((l) => l.userId)).toEqual([memberC.userId]);
  });
});

describe("two members submitting at the same moment", () => {
  it("both count exactly once: three members, one average", async () => {
    const { dossierId } = await scoringSetup();
    const totals = [91, 86, 80];
    // Hold the dossier's row lock from outside so the three submissions are in flight together
    // and must queue behind it; released, each must see the sheets committed before it.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let markLocked!: () => void;
    const locked = new Promise<void>((r) => (markLocked = r));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Dossier" WHERE id = ${dossierId} FOR UPDATE`;
        markLocked();
        await released;
      },
      { timeout: 20_000 },
    );
    await locked;
    // Each call reads the session when it starts, so the three run as three different members.
    const calls = [chair, memberB, memberC].map((m, i) => {
      actAs(m);
      return submitScoreSheet({ dossierId, answers: answersWithTotal(sheet, totals[i]!) });
    });
    await new Promise((r) => setTimeout(r, 400));
    const early = await Promise.race([Promise.all(calls).then(() => "finished"), new Promise((r) => setTimeout(() => r("waiting"), 50))]);
    expect(early).toBe("waiting");
    release();
    await holder;
    const results = await Promise.all(calls);
    for (const r of results) expect(r.ok).toBe(true);
    const r = await result(dossierId);
    expect(r.memberCount).toBe(3);
    expect(r.averageTotal).toBeCloseTo(257 / 3, 10);
    expect((await explanationOf(dossierId)).memberTotals.map((m) => m.total)).toEqual([91, 86, 80]);
    expect(await db.scoreSheet.count({ where: { dossierId, status: "SUBMITTED" } })).toBe(3);
    expect(await db.statusEvent.count({ where: { entityType: "ScoreSheet", action: "submit", entityId: { in: (await db.scoreSheet.findMany({ where: { dossierId }, select: { id: true } })).map((s) => s.id) } } })).toBe(3);
    // All in, 11 points apart: the office hears the dossier needs discussion.
    expect(await notifiedUsers("councilNotices.discussionNeeded", `/rounds/${(await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).roundId}`)).toContain(w.economicOffice.userId);
  });
});

describe("a submitted sheet is locked", () => {
  it("cannot be saved or submitted again; only the chair's recorded reopen changes it", async () => {
    const { dossierId } = await scoringSetup();
    ok(await submitAs(memberB, dossierId, answersWithTotal(sheet, 82)));
    const before = await db.scoreSheet.findUniqueOrThrow({ where: { dossierId_userId: { dossierId, userId: memberB.userId } } });
    actAs(memberB);
    expect(await saveScoreDraft({ dossierId, version: before.updatedAt.toISOString(), answers: answersWithTotal(sheet, 95) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await submitScoreSheet({ dossierId, version: before.updatedAt.toISOString(), answers: answersWithTotal(sheet, 95) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await saveScoreDraft({ dossierId, answers: answersWithTotal(sheet, 95) })).toEqual({ ok: false, code: "INVALID_TRANSITION" });

    // Not the member themself, not another member, not the office: the chair.
    for (const who of [memberB, memberC, w.economicOffice]) {
      actAs(who);
      expect(await reopenScoreSheet({ dossierId, userId: memberB.userId, reason: "Xem lại tiêu chí 4.1 theo hợp đồng phân phối" })).toEqual({ ok: false, code: "FORBIDDEN" });
    }
    actAs(chair);
    expect(await reopenScoreSheet({ dossierId, userId: memberB.userId, reason: "ngắn" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["council.reasonRequired"] } });
    // A conflicted member's sheet is not the council's to reopen.
    expect(await reopenScoreSheet({ dossierId, userId: declared.userId, reason: "Xem lại tiêu chí 4.1 theo hợp đồng phân phối" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await reopenScoreSheet({ dossierId, userId: memberC.userId, reason: "Xem lại tiêu chí 4.1 theo hợp đồng phân phối" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    const after = await db.scoreSheet.findUniqueOrThrow({ where: { id: before.id } });
    expect([after.status, after.total, after.updatedAt.toISOString()]).toEqual(["SUBMITTED", 82, before.updatedAt.toISOString()]);

    ok(await reopenScoreSheet({ dossierId, userId: memberB.userId, reason: "Xem lại tiêu chí 4.1 theo hợp đồng phân phối" }));
    const reopened = await db.scoreSheet.findUniqueOrThrow({ where: { id: before.id } });
    expect([reopened.status, reopened.reopenCount, reopened.submittedAt]).toEqual(["DRAFT", 1, null]);
    const event = await db.statusEvent.findFirstOrThrow({ where: { entityType: "ScoreSheet", entityId: before.id, action: "reopen" } });
    expect([event.fromStatus, event.toStatus, event.comment, event.actorId]).toEqual(["SUBMITTED", "DRAFT", "Xem lại tiêu chí 4.1 theo hợp đồng phân phối", chair.userId]);
    expect(await db.auditEntry.count({ where: { action: "score.reopen", entityType: "ScoreSheet", entityId: before.id, actorId: chair.userId } })).toBe(1);
    expect(await notifiedUsers("councilNotices.sheetReopened", `/evaluation/${dossierId}`)).toEqual([memberB.userId]);
    // With its only sheet reopened the dossier has no result to show.
    expect(await db.dossierResult.count({ where: { dossierId } })).toBe(0);
    // The member re-scores from the reopened draft.
    ok(await submitAs(memberB, dossierId, answersWithTotal(sheet, 85)));
    expect((await result(dossierId)).averageTotal).toBe(85);
  });
});

describe("disagreement, discussion, close", () => {
  it("a spread above the threshold is flagged; the chair reopens, the member re-scores, the office closes: STAGED, 80.33, 4★", async () => {
    const { dossierId, roundId } = await scoringSetup();
    actAs(w.economicOffice);
    expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { dossierId: ["council.sheetsMissing"] } });
    ok(await submitAs(chair, dossierId, answersWithTotal(sheet, 85)));
    ok(await submitAs(memberB, dossierId, answersWithTotal(sheet, 80)));
    ok(await submitAs(memberC, dossierId, answersWithTotal(sheet, 73)));
    let r = await result(dossierId);
    expect([r.spread, r.spreadExceeded, r.status]).toEqual([12, true, "PROVISIONAL"]);
    const spreads = (await explanationOf(dossierId)).itemSpreads;
    expect(Math.max(...Object.values(spreads))).toBeGreaterThan(0);
    const progress = await roundProgress(chair, (await findRound(chair, roundId))!);
    expect(progress.rows.find((x) => x.id === dossierId)?.needsDiscussion).toBe(true);

    // The office cannot close a discussion; only the chair can (or the council re-scores).
    actAs(w.economicOffice);
    expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { discussionNote: ["council.discussionNeedsChair"] } });
    actAs(chair);
    ok(await reopenScoreSheet({ dossierId, userId: memberC.userId, reason: "Chênh lệch 12 điểm: thống nhất lại tiêu chí 4.2, 4.3" }));
    ok(await submitAs(memberC, dossierId, answersWithTotal(sheet, 76)));
    r = await result(dossierId);
    expect([r.spread, r.spreadExceeded]).toEqual([9, false]);

    actAs(w.economicOffice);
    ok(await closeScoring({ dossierId }));
    r = await result(dossierId);
    expect(r.status).toBe("STAGED");
    expect(Math.round(r.averageTotal * 100) / 100).toBe(80.33);
    expect([r.star, r.bandStar, r.knockedOut, r.memberCount]).toEqual([4, 4, false, 3]);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).status).toBe("COUNCIL_DONE");
    const event = await db.statusEvent.findFirstOrThrow({ where: { entityType: "Dossier", entityId: dossierId, action: "close-scoring" } });
    expect([event.fromStatus, event.toStatus]).toEqual(["COUNCIL_SCORING", "COUNCIL_DONE"]);
    // Closed is closed: no more sheets, reopens or closes.
    actAs(chair);
    expect(await reopenScoreSheet({ dossierId, userId: memberC.userId, reason: "Thử mở lại sau khi đã kết thúc" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("the chair may close a discussed spread with a recorded conclusion", async () => {
    const { dossierId } = await scoringSetup({ maxSpread: 5 });
    ok(await submitAs(chair, dossierId, answersWithTotal(sheet, 90)));
    ok(await submitAs(memberB, dossierId, answersWithTotal(sheet, 82)));
    ok(await submitAs(memberC, dossierId, answersWithTotal(sheet, 86)));
    expect((await result(dossierId)).spreadExceeded).toBe(true);
    actAs(memberB);
    expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(chair);
    expect(await closeScoring({ dossierId })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { discussionNote: ["council.discussionNoteRequired"] } });
    const note = "Hội đồng đã thảo luận: giữ nguyên điểm, chênh lệch do đánh giá khác nhau về thị trường";
    ok(await closeScoring({ dossierId, discussionNote: note }));
    const r = await result(dossierId);
    expect([r.status, r.averageTotal, r.star]).toEqual(["STAGED", 86, 4]);
    // The conclusion is kept with the result; the dossier's history, which the producer and the
    // ward read, says only that scoring closed.
    const event = await db.statusEvent.findFirstOrThrow({ where: { entityType: "DossierResult", entityId: dossierId, action: "discussion" } });
    expect([event.comment, event.actorId]).toEqual([note, chair.userId]);
    const dossierEvent = await db.statusEvent.findFirstOrThrow({ where: { entityType: "Dossier", entityId: dossierId, action: "close-scoring" } });
    expect(dossierEvent.comment).toBeNull();
  });
});

describe("reminders", () => {
  it("the secretary reminds every late member once; a reminded member's first save still works", async () => {
    const { dossierId, roundId } = await scoringSetup();
    ok(await submitAs(chair, dossierId, answersWithTotal(sheet, 80)));
    actAs(memberB);
    expect(await remindMembers({ roundId })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    expect(ok(await remindMembers({ roundId })).reminded).toBe(2);
    const notified = await db.notification.findMany({ where: { kind: "councilNotices.reminder", userId: { in: [chair.userId, memberB.userId, memberC.userId] }, createdAt: { gte: new Date(Date.now() - 60_000) } } });
    expect(new Set(notified.map((n) => n.userId))).toEqual(new Set([memberB.userId, memberC.userId]));
    const sheets = await db.scoreSheet.findMany({ where: { dossierId, userId: { in: [memberB.userId, memberC.userId] } } });
    expect(sheets.map((s) => [s.status, s.remindedAt !== null])).toEqual([["DRAFT", true], ["DRAFT", true]]);
    expect(await db.outboxEmail.count({ where: { subject: { contains: "Nhắc việc" } } })).toBeGreaterThanOrEqual(2);
    // One member only.
    expect(ok(await remindMembers({ roundId, userId: memberC.userId })).reminded).toBe(1);
    expect(await remindMembers({ roundId, userId: w.leader.userId })).toEqual({ ok: false, code: "NOT_FOUND" });
    // The screen opened before the reminder holds no version; nothing was written on the sheet yet.
    actAs(memberB);
    ok(await saveScoreDraft({ dossierId, answers: { items: { "1.1": { option: 2 } } } }));
    const progress = await roundProgress(w.economicOffice, (await findRound(w.economicOffice, roundId))!);
    const row = progress.rows.find((x) => x.id === dossierId)!;
    const state = (u: string) => row.cells[progress.members.findIndex((m) => m.userId === u)];
    expect(state(memberB.userId)).toMatchObject({ kind: "SHEET", state: "DRAFT" });
    expect(state(memberC.userId)).toMatchObject({ kind: "SHEET", state: "NOT_STARTED" });
  });
});
