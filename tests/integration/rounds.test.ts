// Issue 4 item 3: evaluation rounds, their councils, the dossiers they take and the conflicts of
// interest that keep a member away from a dossier, all through the server actions.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  addCouncilMember,
  assignDossiers,
  closeRound,
  createRound,
  declareConflict,
  removeCouncilMember,
  removeDeclaration,
  removeDossierFromRound,
  startRoundScoring,
  updateCouncilMember,
  updateRound,
} from "@/lib/actions/rounds";
import { findDossier } from "@/lib/db/dossiers";
import { findRound, listDeclarations, listRoundConflicts, listRoundDossiers, listRounds } from "@/lib/db/rounds";
import { actAs } from "./act-as";
import { councilMembers, forwardedDossier, freshYear } from "./council-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { extraUser, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
beforeEach(() => actAs(null));

const iso = (d: Date) => d.toISOString().slice(0, 10);
const roundRow = (id: string) => db.evaluationRound.findUniqueOrThrow({ where: { id } });
const conflictsOf = (dossierId: string) => db.dossierConflict.findMany({ where: { dossierId }, orderBy: { userId: "asc" }, select: { userId: true, source: true, reason: true } });

async function newRound(year?: number) {
  const cycleYear = year ?? (await freshYear());
  actAs(w.economicOffice);
  const { roundId } = ok(await createRound({ cycleYear }));
  return roundId;
}

describe("creating a round takes its defaults from the rule set in force", () => {
  it("QĐ26: rounds 1 and 2 get the Art. 5 calendar, the council defaults and the provincial level", async () => {
    actAs(w.economicOffice);
    const year = 2035;
    const first = ok(await createRound({ cycleYear: year, title: "", proposalsBy: "", completeBy: "", maxSpread: "", knockOutRule: "", level: "" }));
    const second = ok(await createRound({ cycleYear: year }));
    expect([first.no, second.no]).toEqual([1, 2]);
    const [r1, r2] = await Promise.all([roundRow(first.roundId), roundRow(second.roundId)]);
    expect({ title: r1.title, level: r1.level, proposalsBy: iso(r1.proposalsBy), completeBy: iso(r1.completeBy), maxSpread: r1.maxSpread, knockOutRule: r1.knockOutRule, status: r1.status }).toEqual({
      title: "Đợt 1 năm 2035",
      level: "PROVINCE",
      proposalsBy: "2035-04-30",
      completeBy: "2035-06-30",
      maxSpread: 10,
      knockOutRule: "MAJORITY",
      status: "PLANNED",
    });
    expect([iso(r2.proposalsBy), iso(r2.completeBy), r2.title]).toEqual(["2035-10-30", "2035-12-30", "Đợt 2 năm 2035"]);
  });

  it("an extra round has no calendar: its dates must be typed, in order", async () => {
    actAs(w.economicOffice);
    const year = 2036;
    ok(await createRound({ cycleYear: year }));
    ok(await createRound({ cycleYear: year }));
    expect(await createRound({ cycleYear: year })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { proposalsBy: ["validation.required"] } });
    expect(await createRound({ cycleYear: year, proposalsBy: "2036-11-30", completeBy: "2036-11-01" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { completeBy: ["council.datesOrder"] } });
    const third = ok(await createRound({ cycleYear: year, proposalsBy: "2036-11-15", completeBy: "2036-12-20", maxSpread: "8", title: "Đợt bổ sung" }));
    const r3 = await roundRow(third.roundId);
    expect([third.no, r3.title, r3.maxSpread, iso(r3.completeBy)]).toEqual([3, "Đợt bổ sung", 8, "2036-12-20"]);
  });

  it("a QĐ148-era year gets a district council (and no calendar), QĐ1489 a provincial one", async () => {
    actAs(w.economicOffice);
    const old = ok(await createRound({ cycleYear: 2024, proposalsBy: "2024-05-01", completeBy: "2024-07-01" }));
    expect((await roundRow(old.roundId)).level).toBe("DISTRICT");
    expect(await createRound({ cycleYear: 2025 })).toMatchObject({ ok: false, code: "VALIDATION" });
    const interim = ok(await createRound({ cycleYear: 2025, proposalsBy: "2025-09-01", completeBy: "2025-11-30" }));
    expect((await roundRow(interim.roundId)).level).toBe("PROVINCE");
  });

  it("only the Economic Office creates and edits rounds; edits are version-checked", async () => {
    for (const who of [w.council, w.leader, w.wardOfficerA, w.producerUserA]) {
      actAs(who);
      expect(await createRound({ cycleYear: 2037 })).toEqual({ ok: false, code: "FORBIDDEN" });
    }
    const roundId = await newRound();
    const r = await roundRow(roundId);
    const edit = { roundId, version: r.updatedAt.toISOString(), title: "Đợt 1 (điều chỉnh)", level: "PROVINCE", proposalsBy: iso(r.proposalsBy), completeBy: iso(r.completeBy), maxSpread: 12, knockOutRule: "ANY", councilDecision: "Quyết định số 15/QĐ-UBND" };
    // Leaders read rounds but do not run them; others do not see them at all.
    actAs(w.leader);
    expect(await updateRound(edit)).toEqual({ ok: false, code: "FORBIDDEN" });
    for (const who of [w.council, w.producerUserA, w.wardOfficerA]) {
      actAs(who);
      expect(await updateRound(edit)).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    actAs(w.economicOffice);
    ok(await updateRound(edit));
    expect(await updateRound({ ...edit, title: "Lần sửa từ tab cũ" })).toEqual({ ok: false, code: "CONFLICT" });
    const after = await roundRow(roundId);
    expect([after.title, after.maxSpread, after.knockOutRule, after.councilDecision]).toEqual(["Đợt 1 (điều chỉnh)", 12, "ANY", "Quyết định số 15/QĐ-UBND"]);
    expect(await db.auditEntry.count({ where: { action: "round.update", entityId: roundId } })).toBe(1);
  });
});

describe("the council of a round", () => {
  let chair: Actor, member: Actor, secondChair: Actor;
  beforeAll(async () => {
    [chair, member, secondChair] = await councilMembers(w.tag, ["Chủ tịch HĐ", "Ủy viên HĐ", "Ủy viên khác"]);
  });

  it("has one chair and at most one secretary; office staff sit only as secretary", async () => {
    const roundId = await newRound();
    actAs(w.economicOffice);
    ok(await addCouncilMember({ roundId, userId: chair.userId, role: "CHAIR", title: "Phó Chủ tịch UBND thành phố" }));
    expect(await addCouncilMember({ roundId, userId: secondChair.userId, role: "CHAIR" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { role: ["council.oneChair"] } });
    expect(await addCouncilMember({ roundId, userId: w.economicOffice.userId, role: "MEMBER" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { role: ["council.officeOnlySecretary"] } });
    // …and never score: they see every sheet while running the round.
    expect(await addCouncilMember({ roundId, userId: w.economicOffice.userId, role: "SECRETARY", scores: true })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { scores: ["council.officeOnlySecretary"] } });
    ok(await addCouncilMember({ roundId, userId: w.economicOffice.userId, role: "SECRETARY", scores: false }));
    const other = await extraUser(w.tag, "Thư ký khác", "COUNCIL_MEMBER");
    expect(await addCouncilMember({ roundId, userId: other.userId, role: "SECRETARY" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { role: ["council.oneSecretary"] } });
    expect(await addCouncilMember({ roundId, userId: w.leader.userId, role: "MEMBER" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { userId: ["council.notSeatable"] } });
    const m = ok(await addCouncilMember({ roundId, userId: member.userId, role: "MEMBER" }));
    expect(await addCouncilMember({ roundId, userId: member.userId, role: "MEMBER" })).toEqual({ ok: false, code: "CONFLICT" });
    // Promoting a member to chair while there is one is refused the same way.
    expect(await updateCouncilMember({ memberId: m.memberId, role: "CHAIR", scores: true, title: "" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { role: ["council.oneChair"] } });
    ok(await updateCouncilMember({ memberId: m.memberId, role: "MEMBER", scores: true, title: "Trưởng phòng Nông nghiệp" }));
    expect(await notifiedUsers("councilNotices.memberAdded", `/rounds/${roundId}`)).toEqual(expect.arrayContaining([chair.userId, member.userId]));
    const seats = await db.councilMember.findMany({ where: { roundId }, select: { userId: true, role: true, scores: true, title: true } });
    expect(seats).toHaveLength(3);
    expect(seats.find((s) => s.userId === member.userId)?.title).toBe("Trưởng phòng Nông nghiệp");
  });

  it("cannot start scoring without a chair, a scoring member and a waiting dossier", async () => {
    const roundId = await newRound();
    actAs(w.economicOffice);
    const m = ok(await addCouncilMember({ roundId, userId: member.userId, role: "MEMBER" }));
    expect(await startRoundScoring({ roundId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { members: ["council.chairRequired"] } });
    ok(await addCouncilMember({ roundId, userId: chair.userId, role: "CHAIR", scores: false }));
    ok(await updateCouncilMember({ memberId: m.memberId, role: "MEMBER", scores: false, title: "" }));
    expect(await startRoundScoring({ roundId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { members: ["council.scorerRequired"] } });
    ok(await updateCouncilMember({ memberId: m.memberId, role: "MEMBER", scores: true, title: "" }));
    expect(await startRoundScoring({ roundId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { dossiers: ["council.nothingToStart"] } });
    expect((await roundRow(roundId)).status).toBe("PLANNED");
  });

  it("a member who has submitted a sheet, or the chair, cannot leave a council that is scoring", async () => {
    const roundId = await newRound();
    actAs(w.economicOffice);
    const c = ok(await addCouncilMember({ roundId, userId: chair.userId, role: "CHAIR" }));
    const m = ok(await addCouncilMember({ roundId, userId: member.userId, role: "MEMBER" }));
    const d = await forwardedDossier(w.producerB.id);
    ok(await assignDossiers({ roundId, dossierIds: [d.id] }));
    ok(await startRoundScoring({ roundId }));
    expect(await removeCouncilMember({ memberId: c.memberId })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { role: ["council.chairRequired"] } });
    await db.scoreSheet.create({ data: { dossierId: d.id, userId: member.userId, status: "SUBMITTED", total: 80, submittedAt: new Date() } });
    expect(await removeCouncilMember({ memberId: m.memberId })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { memberId: ["council.memberHasSubmitted"] } });
    expect(await db.councilMember.count({ where: { roundId } })).toBe(2);
  });
});

describe("dossiers join a round from the forwarded queue and start scoring together", () => {
  it("assigns forwarded dossiers once, refuses others, removes only before scoring, then starts scoring", async () => {
    const [chair, member] = await councilMembers(w.tag, ["CT vòng hồ sơ", "UV vòng hồ sơ"]);
    const roundId = await newRound();
    const otherRound = await newRound();
    actAs(w.economicOffice);
    ok(await addCouncilMember({ roundId, userId: chair.userId, role: "CHAIR" }));
    ok(await addCouncilMember({ roundId, userId: member.userId, role: "MEMBER" }));
    // …and never score: they see every sheet while running the round.
    expect(await addCouncilMember({ roundId, userId: w.economicOffice.userId, role: "SECRETARY", scores: true })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { scores: ["council.officeOnlySecretary"] } });
    ok(await addCouncilMember({ roundId, userId: w.economicOffice.userId, role: "SECRETARY", scores: false }));
    const a = await forwardedDossier(w.producerA.id, "Miến dong Na Rì");
    const b = await forwardedDossier(w.producerB.id, "Mật ong Ba Bể");
    const submitted = await buildDossier({ producerId: w.producerA.id, status: "SUBMITTED" });
    const draft = await buildDossier({ producerId: w.producerA.id, status: "DRAFT" });

    expect(await assignDossiers({ roundId, dossierIds: [submitted.id] })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    // A draft is the producer's own notebook: the office does not see it at all.
    expect(await assignDossiers({ roundId, dossierIds: [draft.id] })).toEqual({ ok: false, code: "NOT_FOUND" });
    ok(await assignDossiers({ roundId, dossierIds: [a.id, b.id] }));
    expect(await assignDossiers({ roundId: otherRound, dossierIds: [a.id] })).toEqual({ ok: false, code: "CONFLICT" });
    ok(await removeDossierFromRound({ roundId, dossierId: b.id }));
    expect((await db.dossier.findUniqueOrThrow({ where: { id: b.id } })).roundId).toBeNull();
    ok(await assignDossiers({ roundId, dossierIds: [b.id] }));

    // Other desks cannot touch the round's dossiers.
    for (const [who, code] of [[w.leader, "FORBIDDEN"], [member, "FORBIDDEN"], [w.producerUserA, "NOT_FOUND"], [w.council, "NOT_FOUND"]] as const) {
      actAs(who);
      expect(await assignDossiers({ roundId, dossierIds: [submitted.id] })).toEqual({ ok: false, code });
      expect(await startRoundScoring({ roundId })).toEqual({ ok: false, code });
    }

    actAs(w.economicOffice);
    expect(ok(await startRoundScoring({ roundId })).started).toBe(2);
    const rows = await db.dossier.findMany({ where: { id: { in: [a.id, b.id] } }, select: { status: true } });
    expect(rows.map((r) => r.status)).toEqual(["COUNCIL_SCORING", "COUNCIL_SCORING"]);
    expect((await roundRow(roundId)).status).toBe("SCORING");
    const event = await db.statusEvent.findFirstOrThrow({ where: { entityType: "Dossier", entityId: a.id, action: "start-scoring" } });
    expect([event.fromStatus, event.toStatus, event.actorId]).toEqual(["FORWARDED", "COUNCIL_SCORING", w.economicOffice.userId]);
    expect(await notifiedUsers("councilNotices.scoringStarted", `/dossiers/${a.id}`)).toContain(w.producerUserA.userId);
    // Only members whose sheet counts are told to score; the office secretary is the actor anyway.
    const opened = await db.notification.findMany({ where: { kind: "councilNotices.scoringOpened", userId: { in: [chair.userId, member.userId, w.economicOffice.userId] } } });
    expect(opened.map((n) => n.userId).sort()).toEqual([chair.userId, member.userId].sort());
    expect(await removeDossierFromRound({ roundId, dossierId: a.id })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    // Closing the round waits for every dossier's result.
    expect(await closeRound({ roundId })).toEqual({ ok: false, code: "INCOMPLETE", fieldErrors: { dossiers: ["council.roundStillOpen"] } });

    // A dossier added to an open round starts with the next start.
    const late = await forwardedDossier(w.producerB.id, "Rượu men lá");
    ok(await assignDossiers({ roundId, dossierIds: [late.id] }));
    expect(ok(await startRoundScoring({ roundId })).started).toBe(1);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("COUNCIL_SCORING");
  });

  it("lists rounds with their counts by stage, grouped in SQL", async () => {
    const [chair] = await councilMembers(w.tag, ["CT đếm"]);
    const year = await freshYear();
    actAs(w.economicOffice);
    const { roundId } = ok(await createRound({ cycleYear: year }));
    ok(await addCouncilMember({ roundId, userId: chair.userId, role: "CHAIR" }));
    const d1 = await forwardedDossier(w.producerA.id);
    const d2 = await forwardedDossier(w.producerB.id);
    ok(await assignDossiers({ roundId, dossierIds: [d1.id, d2.id] }));
    await db.dossier.update({ where: { id: d2.id }, data: { status: "SUPPLEMENT_REQUESTED" } });
    ok(await startRoundScoring({ roundId }));
    const listed = (await listRounds(w.economicOffice, { year })).find((r) => r.id === roundId);
    expect(listed).toMatchObject({ memberCount: 1, counts: { total: 2, waiting: 1, scoring: 1, done: 0 } });
    // A council member lists only the rounds they sit on.
    const ids = async (who: Actor) => (await listRounds(who, { year })).map((r) => r.id);
    expect(await ids(chair)).toEqual([roundId]);
    expect(await ids(w.council)).not.toContain(roundId);
    expect(await ids(w.producerUserA)).toEqual([]);
  });
});

describe("conflicts of interest", () => {
  let chair: Actor, declarer: Actor, relative: Actor, careless: Actor, linked: Actor;
  let roundId: string;
  let dossierA: string, dossierB: string;
  beforeAll(async () => {
    [chair, declarer, relative, careless] = await councilMembers(w.tag, ["CT xung đột", "UV khai báo", "UV người thân", "UV không dấu"]);
    // A member whose own account belongs to producer A (e.g. an expert from the cooperative).
    linked = await extraUser(w.tag, "UV của HTX A", "COUNCIL_MEMBER", { producerId: w.producerA.id });
    dossierA = (await forwardedDossier(w.producerA.id, "Tinh bột nghệ Đức Xuân")).id; // legal rep "Nguyễn Văn An", ward A
    dossierB = (await forwardedDossier(w.producerB.id, "Chè Shan tuyết")).id;
    roundId = await newRound();
    actAs(w.economicOffice);
    for (const [m, role] of [[chair, "CHAIR"], [declarer, "MEMBER"], [relative, "MEMBER"], [careless, "MEMBER"]] as const) ok(await addCouncilMember({ roundId, userId: m.userId, role }));
    ok(await assignDossiers({ roundId, dossierIds: [dossierA, dossierB] }));
  });

  it("members see the round and its dossiers; members of other rounds do not", async () => {
    expect(await findRound(declarer, roundId)).not.toBeNull();
    expect(await findRound(w.council, roundId)).toBeNull();
    expect((await listRoundDossiers(declarer, { id: roundId })).map((d) => d.id).sort()).toEqual([dossierA, dossierB].sort());
    expect(await findDossier(w.council, dossierA)).toBeNull();
  });

  it("a declaration naming the producer is DECLARED and hides the dossier from the member (404)", async () => {
    actAs(declarer);
    const { declarationId } = ok(await declareConflict({ roundId, kind: "PRODUCER", producerId: w.producerA.id, note: "Tôi là thành viên góp vốn của hợp tác xã" }));
    expect(await conflictsOf(dossierA)).toEqual([{ userId: declarer.userId, source: "DECLARED", reason: "DECLARED_PRODUCER" }]);
    expect(await findDossier(declarer, dossierA)).toBeNull();
    expect(await findDossier(declarer, dossierB)).not.toBeNull();
    expect((await listRoundDossiers(declarer, { id: roundId })).map((d) => d.id)).toEqual([dossierB]);
    expect(await notifiedUsers("councilNotices.conflictDeclared", `/rounds/${roundId}`)).toContain(w.economicOffice.userId);
    // The member reads their own declarations and how many dossiers they are kept from, not which.
    expect((await listDeclarations(declarer, { id: roundId })).map((d) => d.id)).toEqual([declarationId]);
    expect(await listRoundConflicts(declarer, { id: roundId })).toEqual({ ownCount: 1, rows: [] });
    expect(await listDeclarations(chair, { id: roundId })).toEqual([]);
    // Withdrawing it gives the dossier back; another member cannot withdraw it.
    actAs(chair);
    expect(await removeDeclaration({ declarationId })).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(declarer);
    ok(await removeDeclaration({ declarationId }));
    expect(await conflictsOf(dossierA)).toEqual([]);
    expect(await findDossier(declarer, dossierA)).not.toBeNull();
    ok(await declareConflict({ roundId, kind: "OTHER", dossierId: dossierA, note: "Đã tư vấn bao bì cho sản phẩm này" }));
    expect(await conflictsOf(dossierA)).toEqual([{ userId: declarer.userId, source: "DECLARED", reason: "DECLARED_DOSSIER" }]);
  });

  it("a relative declared by family name and ward is DETECTED on the matching legal representative only", async () => {
    actAs(relative);
    ok(await declareConflict({ roundId, kind: "RELATIVE", familyName: "Nguyễn", wardId: w.wardA, note: "Anh ruột" }));
    // Written without diacritics the name is another family (lib/domain/conflicts.ts).
    actAs(careless);
    ok(await declareConflict({ roundId, kind: "RELATIVE", familyName: "Nguyen", wardId: w.wardA, note: "Em họ" }));
    const rows = await conflictsOf(dossierA);
    expect(rows).toContainEqual({ userId: relative.userId, source: "DETECTED", reason: "RELATIVE_FAMILY_WARD" });
    expect(rows.some((r) => r.userId === careless.userId)).toBe(false);
    expect(await findDossier(relative, dossierA)).toBeNull();
    // Producer B has the same legal representative's name but sits in ward B: no match.
    expect(await conflictsOf(dossierB)).toEqual([]);
    expect(await declareConflict({ roundId, kind: "RELATIVE", familyName: "Nguyễn Văn", wardId: w.wardA })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { familyName: ["council.familyNameWord"] } });
    expect(await declareConflict({ roundId, kind: "RELATIVE", familyName: "Nguyễn" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { wardId: ["validation.choose"] } });
    expect(await declareConflict({ roundId, kind: "PRODUCER" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { dossierId: ["council.nameProducerOrDossier"] } });
  });

  it("a member linked to the producer is DETECTED when joining; the office sees every conflict", async () => {
    actAs(w.economicOffice);
    const { memberId } = ok(await addCouncilMember({ roundId, userId: linked.userId, role: "MEMBER" }));
    expect(await conflictsOf(dossierA)).toContainEqual({ userId: linked.userId, source: "DETECTED", reason: "LINKED_ACCOUNT" });
    expect(await findDossier(linked, dossierA)).toBeNull();
    const all = await listRoundConflicts(w.economicOffice, { id: roundId });
    expect(all.rows.map((r) => `${r.user.name}:${r.reasons.join("+")}`).sort()).toEqual(
      [`UV khai báo ${w.tag}:DECLARED_DOSSIER`, `UV người thân ${w.tag}:RELATIVE_FAMILY_WARD`, `UV của HTX A ${w.tag}:LINKED_ACCOUNT`].sort(),
    );
    // Leaving the council clears the member's conflicts with its dossiers.
    ok(await removeCouncilMember({ memberId }));
    expect((await conflictsOf(dossierA)).some((r) => r.userId === linked.userId)).toBe(false);
  });

  it("a dossier leaving the round takes its conflicts with it, and joining brings them back", async () => {
    actAs(w.economicOffice);
    ok(await removeDossierFromRound({ roundId, dossierId: dossierA }));
    expect(await conflictsOf(dossierA)).toEqual([]);
    ok(await assignDossiers({ roundId, dossierIds: [dossierA] }));
    expect((await conflictsOf(dossierA)).map((r) => r.userId).sort()).toEqual([declarer.userId, relative.userId].sort());
  });

  it("someone outside the council cannot declare in the round", async () => {
    for (const who of [w.council, w.producerUserA]) {
      actAs(who);
      expect(await declareConflict({ roundId, kind: "PRODUCER", producerId: w.producerA.id })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    // The office runs the round but holds no seat in it here.
    actAs(w.economicOffice);
    expect(await declareConflict({ roundId, kind: "PRODUCER", producerId: w.producerA.id })).toEqual({ ok: false, code: "FORBIDDEN" });
  });
});
