// Step 2 of the OCOP cycle end to end through the server actions: a producer's idea goes to its
// ward, back for more information, up to the Economic Office and into the cycle; every step
// leaves a timeline row, notifications, queued e-mails and an audit entry. Then the ways a
// forged request could try to get around scope or the workflow.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bulkDecideIdeas, saveIdeaDraft, transitionIdea } from "@/lib/actions/ideas";
import { findIdea, listIdeaRevisions, listIdeas } from "@/lib/db/ideas";
import { listStatusEvents } from "@/lib/db/timeline";
import { defaultVietnamHolidays } from "@/lib/domain";
import { actAs } from "./act-as";
import { blankIdea, completeIdea, extraProducer, extraUser, ideaAt, notifiedUsers, ok, versionOfIdea, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let wardOfficerB: Actor;
beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
});
beforeEach(() => actAs(null));

const ideaRow = (id: string) => db.productIdea.findUniqueOrThrow({ where: { id } });
const auditOf = (entityId: string) => db.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });
const sorted = (ids: string[]) => [...ids].sort();
const activeIds = async (where: Prisma.UserWhereInput) =>
  sorted((await db.user.findMany({ where: { ...where, isActive: true }, select: { id: true } })).map((u) => u.id));

/** The 15th working day after the Vietnamese calendar day of `at`, counted here by hand (weekends and public holidays off). */
function fifteenWorkingDaysAfter(at: Date): string {
  const holidays = defaultVietnamHolidays();
  const vn = new Date(at.getTime() + 7 * 3_600_000);
  let day = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate());
  let counted = 0;
  while (counted < 15) {
    day += 86_400_000;
    const d = new Date(day);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(d.toISOString().slice(0, 10))) counted++;
  }
  return new Date(day).toISOString().slice(0, 10);
}

describe("the idea journey: draft → ward → returned → revised → forwarded → accepted", () => {
  const name = "Miến dong Côn Minh";
  let ideaId: string;
  let href: string;
  let firstVersion: string;

  it("a verified producer saves a draft with only a name, under its own producer", async () => {
    actAs(w.producerUserA);
    const saved = ok(await saveIdeaDraft(blankIdea(name)));
    ideaId = saved.ideaId;
    href = `/ideas/${ideaId}`;
    expect(saved.similarOwn).toEqual([]);
    const row = await ideaRow(ideaId);
    expect(row).toMatchObject({ producerId: w.producerA.id, status: "DRAFT", productName: name, version: 0, criteriaSetNo: null, submittedAt: null, wardDueOn: null });
    expect(saved.version).toBe(row.updatedAt.toISOString());
  });

  it("submitting an incomplete draft answers INCOMPLETE with the missing fields, and changes nothing", async () => {
    actAs(w.producerUserA);
    const before = await ideaRow(ideaId);
    const result = await transitionIdea({ ideaId, action: "submit" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INCOMPLETE");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["criteriaSetNo", "description", "ideaOrigin", "localIdentity", "localLabour", "rawMaterials", "targetMarket"]);
    expect(result.fieldErrors?.description).toEqual(["validation.required"]);
    expect(await ideaRow(ideaId)).toEqual(before);
    expect(await db.ideaRevision.count({ where: { ideaId } })).toBe(0);
    expect(await db.statusEvent.count({ where: { entityId: ideaId } })).toBe(0);
  });

  it("filling the draft needs the version it was read at; a stale version is a CONFLICT", async () => {
    actAs(w.producerUserA);
    firstVersion = await versionOfIdea(ideaId);
    const filled = ok(await saveIdeaDraft({ ...completeIdea(name), ideaId, version: firstVersion }));
    expect(filled.version).not.toBe(firstVersion);
    expect(await ideaRow(ideaId)).toMatchObject({ criteriaSetNo: 1, ideaOrigin: "TRADITIONAL", localWorkerCount: 12, status: "DRAFT" });
    // A second tab still holding the first version cannot overwrite what was just saved.
    expect(await saveIdeaDraft({ ...completeIdea(name), description: "Bản cũ từ tab khác, không được ghi đè", ideaId, version: firstVersion })).toEqual({ ok: false, code: "CONFLICT" });
    expect(await saveIdeaDraft({ ...completeIdea(name), ideaId })).toEqual({ ok: false, code: "CONFLICT" });
    expect((await ideaRow(ideaId)).description).toBe(completeIdea(name).description);
  });

  it("submits: SUBMITTED, due 15 working days later, revision 1, the ward's officers told, e-mails queued", async () => {
    actAs(w.producerUserA);
    expect(ok(await transitionIdea({ ideaId, action: "submit" }))).toEqual({ ideaId, status: "SUBMITTED" });
    const row = await ideaRow(ideaId);
    expect(row).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(row.wardDueOn!.toISOString().slice(0, 10)).toBe(fifteenWorkingDaysAfter(row.submittedAt!));
    // At least three calendar weeks: fifteen working days never fit in less.
    expect(row.wardDueOn!.getTime() - row.submittedAt!.getTime()).toBeGreaterThan(20 * 86_400_000);

    const revisions = await db.ideaRevision.findMany({ where: { ideaId } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.version).toBe(1);
    expect(revisions[0]!.snapshot).toMatchObject({ version: 1, productName: name, description: completeIdea(name).description, criteriaSetNo: 1 });

    // Every (active) ward officer of ward A, and nobody else: not the producer who submitted, not ward B.
    const notified = sorted(await notifiedUsers("ideaSubmitted", href));
    expect(notified).toEqual(await activeIds({ role: "WARD_OFFICER", wardId: w.wardA }));
    expect(notified).toContain(w.wardOfficerA.userId);
    expect(notified).not.toContain(wardOfficerB.userId);
    expect(notified).not.toContain(w.producerUserA.userId);
    expect(notified).not.toContain(w.economicOffice.userId);

    const officerMail = (await db.user.findUniqueOrThrow({ where: { id: w.wardOfficerA.userId } })).email!;
    const mails = await db.outboxEmail.findMany({ where: { to: officerMail } });
    expect(mails.some((m) => m.subject.includes(name) && m.subject.includes(w.producerA.name) && m.body.includes(href))).toBe(true);
  });

  it("while under review the producer can neither edit, nor forward or accept its own idea", async () => {
    actAs(w.producerUserA);
    const before = await ideaRow(ideaId);
    expect(await saveIdeaDraft({ ...completeIdea("Tên đổi khi đang xét"), ideaId, version: before.updatedAt.toISOString() })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await transitionIdea({ ideaId, action: "forward" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionIdea({ ideaId, action: "accept" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionIdea({ ideaId, action: "return", comment: "Tự trả lại cho mình" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await ideaRow(ideaId)).toEqual(before);
  });

  it("the Economic Office cannot act on an idea still at the ward: FORBIDDEN", async () => {
    actAs(w.economicOffice);
    expect(await transitionIdea({ ideaId, action: "accept" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionIdea({ ideaId, action: "return", comment: "Văn phòng trả lại sớm" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionIdea({ ideaId, action: "reject", comment: "Văn phòng từ chối sớm" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await ideaRow(ideaId)).status).toBe("SUBMITTED");
  });

  it("a ward officer of another ward gets NOT_FOUND, for reading and for every step", async () => {
    expect(await findIdea(wardOfficerB, ideaId)).toBeNull();
    actAs(wardOfficerB);
    expect(await transitionIdea({ ideaId, action: "forward" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await transitionIdea({ ideaId, action: "return", comment: "Không phải xã của tôi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await transitionIdea({ ideaId, action: "reject", comment: "Không phải xã của tôi" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await ideaRow(ideaId)).status).toBe("SUBMITTED");
  });

  it("the ward officer returns it; a return needs a comment", async () => {
    actAs(w.wardOfficerA);
    const noComment = await transitionIdea({ ideaId, action: "return" });
    expect(noComment).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { comment: ["workflow.commentRequired"] } });
    expect(await transitionIdea({ ideaId, action: "return", comment: "  " })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await ideaRow(ideaId)).status).toBe("SUBMITTED");

    expect(ok(await transitionIdea({ ideaId, action: "return", comment: "Bổ sung nguồn nguyên liệu" }))).toEqual({ ideaId, status: "RETURNED" });
    expect(await notifiedUsers("ideaReturned", href)).toEqual([w.producerUserA.userId]);
  });

  it("the producer edits the returned idea (stale version refused) and resubmits: revision 2, revision 1 kept", async () => {
    actAs(w.producerUserA);
    const revised = { ...completeIdea(name), rawMaterials: "Củ dong riềng trồng tại xã Côn Minh, 20 ha" };
    expect(await saveIdeaDraft({ ...revised, ideaId, version: firstVersion })).toEqual({ ok: false, code: "CONFLICT" });
    ok(await saveIdeaDraft({ ...revised, ideaId, version: await versionOfIdea(ideaId) }));
    expect(ok(await transitionIdea({ ideaId, action: "resubmit" }))).toEqual({ ideaId, status: "SUBMITTED" });
    expect(await ideaRow(ideaId)).toMatchObject({ status: "SUBMITTED", version: 2, rawMaterials: revised.rawMaterials });

    const revisions = await listIdeaRevisions({ id: ideaId });
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions[0]!.snapshot).toMatchObject({ version: 2, rawMaterials: revised.rawMaterials });
    expect(revisions[1]!.snapshot).toMatchObject({ version: 1, rawMaterials: completeIdea(name).rawMaterials });
    // The ward officers hear of the resubmission too.
    expect((await notifiedUsers("ideaSubmitted", href)).filter((u) => u === w.wardOfficerA.userId)).toHaveLength(2);
  });

  it("the ward forwards: WARD_ACCEPTED, the Economic Office (and the producer) told", async () => {
    actAs(w.wardOfficerA);
    expect(ok(await transitionIdea({ ideaId, action: "forward", comment: "Đủ điều kiện" }))).toEqual({ ideaId, status: "WARD_ACCEPTED" });
    const notified = sorted(await notifiedUsers("ideaForwarded", href));
    const expected = sorted([...(await activeIds({ role: "ECONOMIC_OFFICE" })), ...(await activeIds({ role: "PRODUCER", producerId: w.producerA.id }))]);
    expect(notified).toEqual(expected);
    expect(notified).toContain(w.economicOffice.userId);
    expect(notified).not.toContain(w.wardOfficerA.userId);
  });

  it("the Economic Office accepts: ACCEPTED, decided, the producer and the ward told, never the actor", async () => {
    actAs(w.economicOffice);
    expect(ok(await transitionIdea({ ideaId, action: "accept" }))).toEqual({ ideaId, status: "ACCEPTED" });
    const row = await ideaRow(ideaId);
    expect(row.status).toBe("ACCEPTED");
    expect(row.decidedAt).toBeInstanceOf(Date);
    const notified = sorted(await notifiedUsers("ideaAccepted", href));
    const expected = sorted([...(await activeIds({ role: "PRODUCER", producerId: w.producerA.id })), ...(await activeIds({ role: "WARD_OFFICER", wardId: w.wardA }))]);
    expect(notified).toEqual(expected);
    expect(notified).toContain(w.producerUserA.userId);
    expect(notified).not.toContain(w.economicOffice.userId);
    // An accepted idea is closed: nobody moves it again.
    expect(await transitionIdea({ ideaId, action: "return", comment: "Xem lại lần nữa" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await ideaRow(ideaId)).status).toBe("ACCEPTED");
  });

  it("the timeline holds every step in order, with who and the comments", async () => {
    const events = await listStatusEvents({ entityType: "ProductIdea", id: ideaId });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["submit", "DRAFT", "SUBMITTED"],
      ["return", "SUBMITTED", "RETURNED"],
      ["resubmit", "RETURNED", "SUBMITTED"],
      ["forward", "SUBMITTED", "WARD_ACCEPTED"],
      ["accept", "WARD_ACCEPTED", "ACCEPTED"],
    ]);
    expect(events.map((e) => e.actorName)).toEqual([w.producerUserA.name, w.wardOfficerA.name, w.producerUserA.name, w.wardOfficerA.name, w.economicOffice.name]);
    expect(events.map((e) => e.actorRole)).toEqual(["PRODUCER", "WARD_OFFICER", "PRODUCER", "WARD_OFFICER", "ECONOMIC_OFFICE"]);
    expect(events.map((e) => e.comment)).toEqual([null, "Bổ sung nguồn nguyên liệu", null, "Đủ điều kiện", null]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
  });

  it("the audit log has one entry per change, and none for the refused attempts", async () => {
    const audit = await auditOf(ideaId);
    expect(audit.map((a) => a.action)).toEqual([
      "idea.saveDraft", // created
      "idea.saveDraft", // filled
      "idea.transition", // submit
      "idea.transition", // return
      "idea.saveDraft", // revised
      "idea.transition", // resubmit
      "idea.transition", // forward
      "idea.transition", // accept
    ]);
    expect(audit.map((a) => a.actorId)).toEqual([
      w.producerUserA.userId,
      w.producerUserA.userId,
      w.producerUserA.userId,
      w.wardOfficerA.userId,
      w.producerUserA.userId,
      w.producerUserA.userId,
      w.wardOfficerA.userId,
      w.economicOffice.userId,
    ]);
    expect(audit[3]!.before).toEqual({ status: "SUBMITTED" });
    expect(audit[3]!.after).toMatchObject({ status: "RETURNED", action: "return", comment: "Bổ sung nguồn nguyên liệu" });
    expect(audit[7]!.after).toMatchObject({ status: "ACCEPTED", action: "accept" });
  });
});

describe("scope and forged requests", () => {
  it("another producer gets NOT_FOUND saving or submitting with the idea's id, and the idea is unchanged", async () => {
    const ideaId = await ideaAt("DRAFT", "Bánh gio Chợ Mới", { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice });
    const before = await ideaRow(ideaId);
    actAs(w.producerUserB);
    expect(await findIdea(w.producerUserB, ideaId)).toBeNull();
    expect(await saveIdeaDraft({ ...completeIdea("Bánh gio bị sửa trộm"), ideaId, version: before.updatedAt.toISOString() })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await transitionIdea({ ideaId, action: "submit" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await transitionIdea({ ideaId, action: "withdraw" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await ideaRow(ideaId)).toEqual(before);
    expect(await auditOf(ideaId)).toHaveLength(1);
  });

  it("producerId, wardId and status sent with a draft are ignored: the idea is the session's producer's", async () => {
    actAs(w.producerUserB);
    const forged = { ...blankIdea("Tương ớt Bạch Thông"), producerId: w.producerA.id, wardId: w.wardA, status: "ACCEPTED", version: undefined };
    const { ideaId } = ok(await saveIdeaDraft(forged));
    expect(await ideaRow(ideaId)).toMatchObject({ producerId: w.producerB.id, status: "DRAFT" });
    expect(await db.productIdea.count({ where: { producerId: w.producerA.id, productName: "Tương ớt Bạch Thông" } })).toBe(0);

    // The same fields on an update do not move the idea to another producer either.
    ok(await saveIdeaDraft({ ...forged, ideaId, version: await versionOfIdea(ideaId), description: "Cập nhật" }));
    expect(await ideaRow(ideaId)).toMatchObject({ producerId: w.producerB.id, status: "DRAFT", description: "Cập nhật" });
    // Ward A's officer does not see it: it stayed in ward B.
    expect(await findIdea(w.wardOfficerA, ideaId)).toBeNull();
  });

  it("a user without a producer cannot create ideas; without a session the answer is UNAUTHENTICATED", async () => {
    actAs(w.wardOfficerA);
    expect(await saveIdeaDraft(blankIdea("Ý tưởng của cán bộ xã"))).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(w.economicOffice);
    expect(await saveIdeaDraft(blankIdea("Ý tưởng của phòng kinh tế"))).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(null);
    expect(await saveIdeaDraft(blankIdea("Ý tưởng vô danh"))).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.productIdea.count({ where: { productName: { in: ["Ý tưởng của cán bộ xã", "Ý tưởng của phòng kinh tế", "Ý tưởng vô danh"] } } })).toBe(0);
  });

  it("an unverified producer may save drafts, but submitting answers PRODUCER_NOT_VERIFIED and leaves the draft as it was", async () => {
    const pending = await extraProducer(w.tag, "Hộ chờ xác minh", w.wardA, "PENDING");
    actAs(pending.user);
    const { ideaId } = ok(await saveIdeaDraft(completeIdea("Khâu nhục Na Rì")));
    const before = await ideaRow(ideaId);
    expect(await transitionIdea({ ideaId, action: "submit" })).toEqual({ ok: false, code: "PRODUCER_NOT_VERIFIED" });
    expect(await ideaRow(ideaId)).toEqual(before);
    expect(before).toMatchObject({ status: "DRAFT", version: 0, submittedAt: null });
    expect(await db.ideaRevision.count({ where: { ideaId } })).toBe(0);
    expect(await db.notification.count({ where: { href: `/ideas/${ideaId}` } })).toBe(0);
  });

  it("a word in the number-of-workers field is refused on that field with validation.number, nothing saved", async () => {
    actAs(w.producerUserA);
    const result = await saveIdeaDraft({ ...blankIdea("Số lao động bằng chữ"), localWorkerCount: "mười hai" });
    expect(result).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { localWorkerCount: ["validation.number"] } });
    expect(await db.productIdea.count({ where: { productName: "Số lao động bằng chữ" } })).toBe(0);
  });

  it("a ward officer cannot skip the Economic Office: accepting a submitted idea is FORBIDDEN", async () => {
    const ideaId = await ideaAt("SUBMITTED", "Cá suối nướng Ba Bể", { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice });
    actAs(w.wardOfficerA);
    expect(await transitionIdea({ ideaId, action: "accept" })).toEqual({ ok: false, code: "FORBIDDEN" });
    ok(await transitionIdea({ ideaId, action: "forward" }));
    // Once forwarded it is the office's: the ward can no longer return it.
    expect(await transitionIdea({ ideaId, action: "return", comment: "Đổi ý, trả lại" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await ideaRow(ideaId)).status).toBe("WARD_ACCEPTED");
  });
});

describe("bulk decisions by the Economic Office", () => {
  let forwarded: string[];
  let submitted: string;
  beforeAll(async () => {
    const by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
    forwarded = [await ideaAt("WARD_ACCEPTED", "Trà hoa vàng Pác Ngòi", by), await ideaAt("WARD_ACCEPTED", "Mật ong bạc hà Đồng Văn", by)];
    submitted = await ideaAt("SUBMITTED", "Gạo nếp Tài Ấp", by);
  });

  it("a ward officer calling it gets FORBIDDEN and nothing changes", async () => {
    actAs(w.wardOfficerA);
    expect(await bulkDecideIdeas({ ideaIds: [...forwarded, submitted], action: "accept" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.producerUserA);
    expect(await bulkDecideIdeas({ ideaIds: forwarded, action: "accept" })).toEqual({ ok: false, code: "FORBIDDEN" });
    for (const id of forwarded) expect((await ideaRow(id)).status).toBe("WARD_ACCEPTED");
  });

  it("a bulk return needs a comment", async () => {
    actAs(w.economicOffice);
    expect(await bulkDecideIdeas({ ideaIds: forwarded, action: "return" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { comment: ["workflow.commentRequired"] } });
    expect(await bulkDecideIdeas({ ideaIds: [], action: "accept" })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("accepts the eligible ones and says which did not change and why", async () => {
    actAs(w.economicOffice);
    const result = ok(await bulkDecideIdeas({ ideaIds: [forwarded[0]!, submitted, "khong-co-y-tuong-nay", forwarded[1]!], action: "accept" }));
    expect(result.changed).toBe(2);
    expect(result.skipped).toBe(2);
    expect(result.outcomes).toEqual([
      { ideaId: forwarded[0], name: "Trà hoa vàng Pác Ngòi", changed: true },
      { ideaId: submitted, name: "Gạo nếp Tài Ấp", changed: false, code: "INVALID_TRANSITION" },
      { ideaId: "khong-co-y-tuong-nay", name: "", changed: false, code: "NOT_FOUND" },
      { ideaId: forwarded[1], name: "Mật ong bạc hà Đồng Văn", changed: true },
    ]);
    for (const id of forwarded) {
      expect((await ideaRow(id)).status).toBe("ACCEPTED");
      expect((await listStatusEvents({ entityType: "ProductIdea", id })).at(-1)).toMatchObject({ action: "accept", toStatus: "ACCEPTED", actorName: w.economicOffice.name });
      expect((await auditOf(id)).at(-1)).toMatchObject({ action: "idea.transition", actorId: w.economicOffice.userId });
      expect(await notifiedUsers("ideaAccepted", `/ideas/${id}`)).toContain(w.producerUserA.userId);
    }
    expect((await ideaRow(submitted)).status).toBe("SUBMITTED");
    expect((await listStatusEvents({ entityType: "ProductIdea", id: submitted })).map((e) => e.action)).toEqual(["submit"]);
  });

  it("a bulk return sends the forwarded idea back to the producer with the comment", async () => {
    const by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
    const another = await ideaAt("WARD_ACCEPTED", "Hồng không hạt Quang Thuận", by);
    actAs(w.economicOffice);
    const result = ok(await bulkDecideIdeas({ ideaIds: [another, forwarded[0]!], action: "return", comment: "Cần bổ sung thị trường" }));
    expect(result.outcomes.map((o) => [o.ideaId, o.changed, o.code])).toEqual([
      [another, true, undefined],
      [forwarded[0], false, "INVALID_TRANSITION"],
    ]);
    expect((await ideaRow(another)).status).toBe("RETURNED");
    expect((await listStatusEvents({ entityType: "ProductIdea", id: another })).at(-1)).toMatchObject({ action: "return", comment: "Cần bổ sung thị trường" });
    expect(await notifiedUsers("ideaReturned", `/ideas/${another}`)).toEqual([w.producerUserA.userId]);
  });
});

describe("similar names", () => {
  const first = "Rượu men lá Nặm Cắt";

  it("the producer's own close name is shown by name; another producer of the ward gets only a count", async () => {
    actAs(w.producerUserA);
    const a = ok(await saveIdeaDraft(blankIdea(first)));
    expect(a.similarOwn).toEqual([]);
    const b = ok(await saveIdeaDraft(blankIdea("Rượu men lá Nặm Cắt đặc biệt")));
    expect(b.similarOwn).toEqual([first]);

    const neighbour = await extraProducer(w.tag, "Hộ cùng phường", w.wardA);
    actAs(neighbour.user);
    // Regression: another producer's never-submitted drafts are private, even as a count.
    expect(ok(await saveIdeaDraft(blankIdea("Ruou men la Nam Cat")))).toMatchObject({ similarOwn: [], similarWardCount: 0 });
    actAs(w.producerUserA);
    const submitted = ok(await saveIdeaDraft(completeIdea("Rượu men lá Nặm Cắt loại một")));
    ok(await transitionIdea({ ideaId: submitted.ideaId, action: "submit" }));
    actAs(neighbour.user);
    const c = ok(await saveIdeaDraft(blankIdea("Ruou men la Nam Cat loai mot")));
    expect(c.similarOwn).toEqual(["Ruou men la Nam Cat"]); // its own earlier draft, by name
    expect(c.similarWardCount).toBeGreaterThanOrEqual(1);
    // Another producer's unpublished idea is not ours to show: no name travels back.
    expect(JSON.stringify(c)).not.toContain("Nặm Cắt");

    // A producer of another ward is not warned about ward A's names.
    actAs(w.producerUserB);
    const d = ok(await saveIdeaDraft(blankIdea("Rượu men lá Nặm Cắt")));
    expect(d).toMatchObject({ similarOwn: [], similarWardCount: 0 });
  });

  it("an unrelated name warns of nothing", async () => {
    actAs(w.producerUserA);
    const r = ok(await saveIdeaDraft(blankIdea("Khoai môn Thượng Giáo")));
    expect(r.similarOwn).toEqual([]);
  });
});

describe("queues", () => {
  it("a ward officer lists only its ward's submitted ideas; the office sees all; drafts stay the producer's", async () => {
    const by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
    const submitted = await ideaAt("SUBMITTED", "Bánh chưng đen Tày", by);
    const draft = await ideaAt("DRAFT", "Bánh cuốn trứng Phủ Thông", by);
    actAs(w.producerUserB);
    const inWardB = ok(await saveIdeaDraft(completeIdea("Cơm lam Nông Thượng"))).ideaId;
    ok(await transitionIdea({ ideaId: inWardB, action: "submit" }));

    const ward = await listIdeas(w.wardOfficerA, { q: w.tag });
    const wardIds = ward.rows.map((r) => r.id);
    expect(wardIds).toContain(submitted);
    expect(wardIds).not.toContain(draft);
    expect(wardIds).not.toContain(inWardB);
    expect(ward.rows.every((r) => r.status !== "DRAFT" && r.producer.ward.name === "Phường Đức Xuân")).toBe(true);
    expect(ward.counts.DRAFT).toBeUndefined();
    expect(ward.counts.SUBMITTED).toBeGreaterThanOrEqual(1);

    expect((await listIdeas(wardOfficerB, { q: w.tag })).rows.map((r) => r.id)).toEqual([inWardB]);
    const office = (await listIdeas(w.economicOffice, { q: w.tag, status: "SUBMITTED" })).rows.map((r) => r.id);
    expect(office).toEqual(expect.arrayContaining([submitted, inWardB]));
    expect(office).not.toContain(draft);

    const own = (await listIdeas(w.producerUserA, { q: w.tag })).rows;
    expect(own.map((r) => r.id)).toContain(draft);
    expect(own.every((r) => r.producer.name === w.producerA.name)).toBe(true);
    expect((await listIdeas(w.council, {})).total).toBe(0);
  });
});
