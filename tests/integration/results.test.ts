// Council results after scoring: check, decision, release together, referrals and their outcome.
import { beforeAll, describe, expect, it } from "vitest";
import { checkResult, recordRecognitionDecision, recordReferralOutcome, releaseRoundResults, returnResult } from "@/lib/actions/results";
import { findVisibleResult } from "@/lib/db/decisions";
import { findDossier } from "@/lib/db/dossiers";
import { addMonths, vietnamDateOf } from "@/lib/domain/dates";
import { parseCertificateNumber } from "@/lib/domain/certificate-numbers";
import { GET as minutesPdf } from "@/app/api/dossiers/[id]/minutes/route";
import { actAs } from "./act-as";
import { councilOf, issuedCertificate, roundOf, scoredDossier } from "./certificate-fixtures";
import { notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let council: Awaited<ReturnType<typeof councilOf>>;
const today = vietnamDateOf(new Date());
const iso = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  w = await makeWorld();
  council = await councilOf(w.tag);
});

async function checkAll(...dossierIds: string[]) {
  actAs(w.economicOffice);
  for (const dossierId of dossierIds) ok(await checkResult({ dossierId }));
}

async function decisionFor(roundId: string, number = `${Math.floor(Math.random() * 1e6)}/QĐ-UBND`, signedOn = today) {
  actAs(w.economicOffice);
  return ok(await recordRecognitionDecision({ roundId, number, signedOn, signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh" })).decisionId;
}

describe("releasing a round", () => {
  it("recognises 4★ with a certificate valid 36 months, turns 2★ down without one and rejects a knock-out", async () => {
    const round = await roundOf(council);
    const four = await scoredDossier({ producerId: w.producerA.id, members: council, points: [80, 82, 78], keepStar: 4, roundId: round.id });
    const two = await scoredDossier({ producerId: w.producerA.id, members: council, points: 45, keepStar: 2, roundId: round.id });
    const ko = await scoredDossier({ producerId: w.producerB.id, members: council, points: 85, keepStar: 4, knockOut: true, roundId: round.id });
    await checkAll(four.dossier.id, two.dossier.id, ko.dossier.id);
    const signedOn = "2026-02-28";
    const decisionId = await decisionFor(round.id, `${w.tag}/QĐ-UBND`, signedOn);

    const released = ok(await releaseRoundResults({ roundId: round.id, decisionId }));
    expect(released).toMatchObject({ recognised: 1, notRecognised: 1, rejected: 1, referred: 0 });

    const cert = await db.certificate.findUniqueOrThrow({ where: { dossierId: four.dossier.id }, include: { decision: true } });
    expect(cert).toMatchObject({ star: 4, level: "PROVINCE", ruleSetCode: "QD26_2026", status: "ACTIVE", averageTotal: 80 });
    expect(iso(cert.issuedOn)).toBe(signedOn);
    expect(iso(cert.expiresOn)).toBe("2029-02-28");
    expect(iso(cert.expiresOn)).toBe(addMonths(signedOn, 36));
    expect(cert.decision.number).toBe(`${w.tag}/QĐ-UBND`);
    expect(cert.verifyCode).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(parseCertificateNumber(cert.number)).toMatchObject({ year: 2026, province: "06" });

    const dossiers = await db.dossier.findMany({ where: { id: { in: [four.dossier.id, two.dossier.id, ko.dossier.id] } }, include: { result: true, certificate: true } });
    const byId = new Map(dossiers.map((d) => [d.id, d]));
    expect(byId.get(four.dossier.id)).toMatchObject({ status: "RECOGNISED", result: { status: "RELEASED", decisionId } });
    expect(byId.get(two.dossier.id)).toMatchObject({ status: "NOT_RECOGNISED", certificate: null, result: { status: "RELEASED", star: 2 } });
    expect(byId.get(ko.dossier.id)).toMatchObject({ status: "REJECTED", certificate: null, result: { status: "RELEASED", knockedOut: true } });

    expect(await notifiedUsers("certNotices.recognised", `/certificates/${cert.id}`)).toEqual(expect.arrayContaining([w.producerUserA.userId, w.wardOfficerA.userId]));
    expect(await notifiedUsers("certNotices.notRecognised", `/dossiers/${two.dossier.id}`)).toContain(w.producerUserA.userId);
    expect(await notifiedUsers("certNotices.rejected", `/dossiers/${ko.dossier.id}`)).toContain(w.producerUserB.userId);
    const events = await db.statusEvent.findMany({ where: { entityType: "Dossier", entityId: four.dossier.id }, orderBy: { id: "asc" } });
    expect(events.at(-1)).toMatchObject({ action: "recognise", fromStatus: "COUNCIL_DONE", toStatus: "RECOGNISED", actorId: w.economicOffice.userId });
  });

  it("needs the signed decision before anything is recognised, and releases only checked results", async () => {
    const round = await roundOf(council);
    const checked = await scoredDossier({ producerId: w.producerA.id, members: council, points: 75, keepStar: 4, roundId: round.id });
    const staged = await scoredDossier({ producerId: w.producerA.id, members: council, points: 60, keepStar: 3, roundId: round.id });
    actAs(w.economicOffice);
    expect(await releaseRoundResults({ roundId: round.id })).toMatchObject({ ok: false, code: "INCOMPLETE", fieldErrors: { roundId: ["results.nothingChecked"] } });
    await checkAll(checked.dossier.id);
    expect(await releaseRoundResults({ roundId: round.id, decisionId: "" })).toMatchObject({ ok: false, code: "INCOMPLETE", fieldErrors: { decisionId: ["results.decisionRequired"] } });
    // Refused as a whole: nothing moved.
    expect((await db.dossier.findUniqueOrThrow({ where: { id: checked.dossier.id } })).status).toBe("COUNCIL_DONE");

    const decisionId = await decisionFor(round.id);
    expect(ok(await releaseRoundResults({ roundId: round.id, decisionId }))).toMatchObject({ recognised: 1 });
    const left = await db.dossier.findUniqueOrThrow({ where: { id: staged.dossier.id }, include: { result: true } });
    expect(left).toMatchObject({ status: "COUNCIL_DONE", result: { status: "STAGED" } });
    // A second release finds nothing new to release.
    expect(await releaseRoundResults({ roundId: round.id, decisionId })).toMatchObject({ ok: false, code: "INCOMPLETE" });
  });

  it("checks, and sends a checked result back with a reason (recorded who and when)", async () => {
    const { dossier } = await scoredDossier({ producerId: w.producerA.id, members: council, points: 72, keepStar: 4 });
    actAs(w.economicOffice);
    ok(await checkResult({ dossierId: dossier.id }));
    const result = await db.dossierResult.findUniqueOrThrow({ where: { dossierId: dossier.id } });
    expect(result).toMatchObject({ status: "CHECKED", checkedById: w.economicOffice.userId });
    expect(result.checkedAt).not.toBeNull();
    expect(await checkResult({ dossierId: dossier.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await returnResult({ dossierId: dossier.id, note: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    ok(await returnResult({ dossierId: dossier.id, note: "Phiếu của thành viên 2 cần xem lại tiêu chí 4.1" }));
    expect(await db.dossierResult.findUniqueOrThrow({ where: { dossierId: dossier.id } })).toMatchObject({ status: "STAGED", checkedById: null, checkedAt: null });
    const back = await db.statusEvent.findFirstOrThrow({ where: { entityType: "DossierResult", entityId: dossier.id, action: "return" } });
    expect(back.comment).toContain("tiêu chí 4.1");
  });

  it("is the Economic Office's work only", async () => {
    const { dossier, roundId } = await scoredDossier({ producerId: w.producerA.id, members: council, points: 72, keepStar: 4 });
    for (const who of [w.producerUserA, w.wardOfficerA, w.leader, council[0]!]) {
      actAs(who);
      const r = await checkResult({ dossierId: dossier.id });
      expect(r.ok).toBe(false);
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain((r as { code: string }).code);
      expect((await releaseRoundResults({ roundId })).ok).toBe(false);
    }
    actAs(w.producerUserB);
    expect(await checkResult({ dossierId: dossier.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("keeps decision numbers unique and refuses a decision dated in the future", async () => {
    const round = await roundOf(council);
    const number = `${w.tag}-unique/QĐ-UBND`;
    await decisionFor(round.id, number);
    actAs(w.economicOffice);
    const base = { roundId: round.id, signedOn: today, signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch" };
    expect(await recordRecognitionDecision({ ...base, number: ` ${number}  ` })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { number: ["results.decisionNumberTaken"] } });
    expect(await recordRecognitionDecision({ ...base, number: `${number}-2`, signedOn: "2099-01-01" })).toMatchObject({ ok: false, fieldErrors: { signedOn: ["results.dateInFuture"] } });
  });
});

describe("what producers and wards see", () => {
  it("nothing of a result until it is released", async () => {
    const round = await roundOf(council);
    const { dossier } = await scoredDossier({ producerId: w.producerA.id, members: council, points: 76, keepStar: 4, roundId: round.id });
    const visibleTo = async (actor: typeof w.producerUserA) => {
      const loaded = await findDossier(actor, dossier.id);
      return loaded ? findVisibleResult(actor, loaded) : null;
    };
    expect(await visibleTo(w.producerUserA)).toBeNull();
    expect(await visibleTo(w.wardOfficerA)).toBeNull();
    expect(await visibleTo(w.economicOffice)).toMatchObject({ status: "STAGED", star: 4 });
    await checkAll(dossier.id);
    expect(await visibleTo(w.producerUserA)).toBeNull();
    ok(await releaseRoundResults({ roundId: round.id, decisionId: await decisionFor(round.id) }));
    expect(await visibleTo(w.producerUserA)).toMatchObject({ status: "RELEASED", star: 4, averageTotal: 76 });
    expect(await visibleTo(w.wardOfficerA)).toMatchObject({ status: "RELEASED" });
    expect(await visibleTo(w.producerUserB)).toBeNull();
  });
});

describe("referral to the next level", () => {
  it("≥ 90 under QĐ26 goes to the ministry, then 5★ is recognised centrally from the outcome entered", async () => {
    const round = await roundOf(council);
    const { dossier } = await scoredDossier({ producerId: w.producerA.id, members: council, points: [92, 94, 93], keepStar: 5, roundId: round.id });
    await checkAll(dossier.id);
    expect(ok(await releaseRoundResults({ roundId: round.id }))).toMatchObject({ referred: 1, recognised: 0 });
    const referral = await db.referral.findFirstOrThrow({ where: { dossierId: dossier.id } });
    expect(referral).toMatchObject({ fromLevel: "PROVINCE", toLevel: "CENTRAL", averageTotal: 93, outcomeOn: null });
    expect(iso(referral.sentOn)).toBe(today);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).status).toBe("SENT_TO_CENTRAL");
    expect(await db.certificate.findUnique({ where: { dossierId: dossier.id } })).toBeNull();
    expect(await notifiedUsers("certNotices.referredCentral", `/dossiers/${dossier.id}`)).toContain(w.producerUserA.userId);

    actAs(w.economicOffice);
    const outcome = { referralId: referral.id, star: "5", average: "91,5", decidedOn: "2026-09-15", decisionNumber: `${w.tag}/QĐ-BNNMT`, signerName: "Bộ trưởng", signerTitle: "Bộ trưởng Bộ Nông nghiệp và Môi trường", note: "" };
    expect(await recordReferralOutcome({ ...outcome, level: "PROVINCE" })).toMatchObject({ ok: false, fieldErrors: { level: ["results.levelMismatch"] } });
    const done = ok(await recordReferralOutcome({ ...outcome, level: "CENTRAL" }));
    expect(done.status).toBe("RECOGNISED");
    const cert = await db.certificate.findUniqueOrThrow({ where: { dossierId: dossier.id }, include: { decision: true } });
    expect(cert).toMatchObject({ star: 5, level: "CENTRAL", averageTotal: 91.5, decision: { level: "CENTRAL", number: `${w.tag}/QĐ-BNNMT` } });
    expect(iso(cert.issuedOn)).toBe("2026-09-15");
    expect(iso(cert.expiresOn)).toBe("2029-09-15");
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({ outcomeStar: 5, outcomeAverage: 91.5, outcomeDecisionNo: `${w.tag}/QĐ-BNNMT` });
    // Entered once.
    expect(await recordReferralOutcome({ ...outcome, level: "CENTRAL" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("below 90 at the centre the province recognises 4★ under the same ministry-free decision, or nothing is recognised", async () => {
    const round = await roundOf(council);
    const a = await scoredDossier({ producerId: w.producerA.id, members: council, points: 95, keepStar: 5, roundId: round.id });
    const b = await scoredDossier({ producerId: w.producerA.id, members: council, points: 90, keepStar: 5, roundId: round.id });
    await checkAll(a.dossier.id, b.dossier.id);
    ok(await releaseRoundResults({ roundId: round.id }));
    const [ra, rb] = await Promise.all([a, b].map((x) => db.referral.findFirstOrThrow({ where: { dossierId: x.dossier.id } })));
    actAs(w.economicOffice);
    ok(await recordReferralOutcome({ referralId: ra!.id, star: 4, average: 86, decidedOn: "2026-10-01", decisionNumber: `${w.tag}-4/QĐ-UBND`, level: "PROVINCE", signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", note: "Trung ương chấm 86 điểm" }));
    expect(await db.certificate.findUniqueOrThrow({ where: { dossierId: a.dossier.id } })).toMatchObject({ star: 4, level: "PROVINCE", averageTotal: 86 });
    expect(ok(await recordReferralOutcome({ referralId: rb!.id, star: "", average: "", decidedOn: "2026-10-01", note: "Không đạt" })).status).toBe("NOT_RECOGNISED");
    expect(await db.certificate.findUnique({ where: { dossierId: b.dossier.id } })).toBeNull();
    expect(await notifiedUsers("certNotices.notRecognisedAfterReferral", `/dossiers/${b.dossier.id}`)).toContain(w.producerUserA.userId);
  });

  it("under QĐ148 a city council refers ≥ 70 to the province", async () => {
    const round = await roundOf(council, "DISTRICT");
    const { dossier } = await scoredDossier({ producerId: w.producerA.id, members: council, points: 75, keepStar: 4, roundId: round.id, ruleSetCode: "QD148_2023" });
    await checkAll(dossier.id);
    ok(await releaseRoundResults({ roundId: round.id }));
    expect(await db.referral.findFirstOrThrow({ where: { dossierId: dossier.id } })).toMatchObject({ fromLevel: "DISTRICT", toLevel: "PROVINCE" });
    expect(await notifiedUsers("certNotices.referredProvince", `/dossiers/${dossier.id}`)).toContain(w.producerUserA.userId);
  });
});

describe("certificates that replace others", () => {
  it("an upgrade supersedes the old certificate, a re-evaluation renews it, and numbers follow each other", async () => {
    const old1 = await issuedCertificate({ producerId: w.producerA.id, issuedOn: "2024-05-10", star: 3 });
    const old2 = await issuedCertificate({ producerId: w.producerA.id, issuedOn: "2023-08-01", star: 4 });
    const round = await roundOf(council);
    const up = await scoredDossier({ producerId: w.producerA.id, members: council, points: 80, keepStar: 4, roundId: round.id, evaluationType: "UPGRADE", previousCertificateId: old1.certificate.id });
    const re = await scoredDossier({ producerId: w.producerA.id, members: council, points: 78, keepStar: 4, roundId: round.id, evaluationType: "RE_EVALUATION", previousCertificateId: old2.certificate.id });
    await checkAll(up.dossier.id, re.dossier.id);
    ok(await releaseRoundResults({ roundId: round.id, decisionId: await decisionFor(round.id) }));
    const [n1, n2] = await Promise.all([up, re].map((x) => db.certificate.findUniqueOrThrow({ where: { dossierId: x.dossier.id } })));
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old1.certificate.id } })).toMatchObject({ status: "SUPERSEDED", replacedById: n1!.id });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old2.certificate.id } })).toMatchObject({ status: "RENEWED", replacedById: n2!.id });
    const seqs = [n1!, n2!].map((c) => parseCertificateNumber(c.number)!.seq).sort((a, b) => a - b);
    expect(seqs[1]! - seqs[0]!).toBe(1);
  });

  it("two rounds released at the same moment never share a certificate number", async () => {
    const rounds = await Promise.all([roundOf(council), roundOf(council)]);
    const dossiers = [];
    for (const round of rounds) dossiers.push((await scoredDossier({ producerId: w.producerB.id, members: council, points: 74, keepStar: 4, roundId: round.id })).dossier.id);
    await checkAll(...dossiers);
    const decisions = [await decisionFor(rounds[0]!.id), await decisionFor(rounds[1]!.id)];
    actAs(w.economicOffice);
    const results = await Promise.all(rounds.map((r, i) => releaseRoundResults({ roundId: r.id, decisionId: decisions[i] })));
    for (const r of results) expect(r.ok).toBe(true);
    const certs = await db.certificate.findMany({ where: { dossierId: { in: dossiers } } });
    expect(new Set(certs.map((c) => c.number)).size).toBe(2);
  });
});

describe("council minutes PDF", () => {
  it("is served to the office once every counted sheet is in, and to nobody outside the dossier", async () => {
    const { dossier } = await scoredDossier({ producerId: w.producerA.id, members: council, points: [80, 84, 76], keepStar: 4 });
    const get = () => minutesPdf(new Request(`http://localhost/api/dossiers/${dossier.id}/minutes`), { params: Promise.resolve({ id: dossier.id }) });
    actAs(w.economicOffice);
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^inline; filename="[\w.-]+\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    for (const who of [w.producerUserA, w.producerUserB, w.wardOfficerA, null]) {
      actAs(who);
      expect((await get()).status).toBe(404);
    }
    // A council member who has not yet submitted may not read the others' totals.
    const outsider = (await councilOf(`${w.tag}-o`, 1))[0]!;
    actAs(outsider);
    expect((await get()).status).toBe(404);
    // Once a counted sheet is missing (a reopened sheet), there are no minutes yet.
    await db.scoreSheet.updateMany({ where: { dossierId: dossier.id, userId: council[2]!.userId }, data: { status: "DRAFT" } });
    await db.dossierResult.update({ where: { dossierId: dossier.id }, data: { status: "PROVISIONAL" } });
    await db.$transaction(async (tx) => (await import("@/lib/db/results")).recomputeResult(tx, dossier.id));
    actAs(w.economicOffice);
    expect((await get()).status).toBe(404);
  });
});
