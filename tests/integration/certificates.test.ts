// Certificate lifecycle: revocation, re-evaluation with carried-over evidence, the daily sweep,
// public verification and the scoped PDF route.
import { beforeAll, describe, expect, it } from "vitest";
import { revokeCertificate, startReEvaluation } from "@/lib/actions/certificates";
import { displayStatus, findCertificate, findCertificateForVerification, findVerifyCodeByNumber, listCertificates } from "@/lib/db/certificates";
import { addDays, addMonths, vietnamDateOf } from "@/lib/domain/dates";
import { runCertificateSweep } from "@/lib/jobs/certificate-sweep";
import { fileStorage } from "@/lib/storage";
import { GET as certificatePdf } from "@/app/api/certificates/[id]/pdf/route";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { extraProducer, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
const today = vietnamDateOf(new Date());
/** Issued so that today is `daysBeforeExpiry` days before the certificate's last valid day. */
const issuedFor = (daysBeforeExpiry: number) => addMonths(addDays(today, daysBeforeExpiry), -36);

beforeAll(async () => {
  w = await makeWorld();
});

describe("revocation (QĐ26 Art. 8)", () => {
  const input = (certificateId: string, number: string) => ({
    certificateId,
    ground: "D",
    decisionNumber: number,
    decidedOn: today,
    signerName: "Nguyễn Văn An",
    signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh",
    note: "Biên bản kiểm tra số 12/BB-KT: dùng nhãn OCOP 4 sao cho sản phẩm chưa được công nhận.",
  });

  it("is visible at once on the verification page, in the lists and in the certificate's history", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(400) });
    expect((await findCertificateForVerification(certificate.verifyCode))?.status).toBe("ACTIVE");

    actAs(w.economicOffice);
    ok(await revokeCertificate(input(certificate.id, `${w.tag}/QĐ-UBND-TH`)));

    const pub = await findCertificateForVerification(certificate.verifyCode);
    expect(pub).toMatchObject({ status: "REVOKED", revocationGround: "D", revocationDecision: { number: `${w.tag}/QĐ-UBND-TH` } });
    expect(displayStatus(pub!, today)).toBe("REVOKED");
    const listed = await listCertificates(w.economicOffice, { status: "revoked", q: certificate.productName }, today);
    expect(listed.rows.map((r) => r.id)).toEqual([certificate.id]);
    expect((await listCertificates(w.economicOffice, { status: "valid", q: certificate.productName }, today)).rows).toEqual([]);

    const events = await db.statusEvent.findMany({ where: { entityType: "Certificate", entityId: certificate.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.toStatus])).toEqual([["propose-revocation", "REVOCATION_PROPOSED"], ["revoke", "REVOKED"]]);
    expect(events[1]!.comment).toContain("Sử dụng nhãn hiệu chứng nhận OCOP không đúng quy định");
    const decision = await db.decision.findUniqueOrThrow({ where: { number: `${w.tag}/QĐ-UBND-TH` } });
    expect(decision).toMatchObject({ kind: "REVOCATION", level: "PROVINCE" });
    for (const u of [w.producerUserA, w.wardOfficerA]) expect(await notifiedUsers("certNotices.revoked", `/certificates/${certificate.id}`)).toContain(u.userId);
    // Nothing left to revoke.
    expect(await revokeCertificate(input(certificate.id, `${w.tag}/QĐ-UBND-TH2`))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("needs a ground, a decision and a finding, and only the office may do it", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(400) });
    actAs(w.economicOffice);
    expect(await revokeCertificate({ ...input(certificate.id, ""), ground: "G", note: "ngắn" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { ground: ["validation.choose"], decisionNumber: ["validation.required"], note: ["validation.tooShort"] },
    });
    expect(await revokeCertificate({ ...input(certificate.id, `${w.tag}-x`), decidedOn: "2099-01-01" })).toMatchObject({ ok: false, fieldErrors: { decidedOn: ["results.dateInFuture"] } });
    for (const who of [w.producerUserA, w.wardOfficerA, w.leader]) {
      actAs(who);
      expect(await revokeCertificate(input(certificate.id, `${w.tag}-y`))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    actAs(w.producerUserB);
    expect(await revokeCertificate(input(certificate.id, `${w.tag}-z`))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).status).toBe("ACTIVE");
  });
});

describe("re-evaluation (Đăng ký đánh giá lại)", () => {
  it("opens a draft pre-filled from the last dossier, carrying over only the evidence that has not expired", async () => {
    const { certificate, dossier, evidence } = await issuedCertificate({
      producerId: w.producerA.id,
      issuedOn: issuedFor(150), // inside the window: 180 to 120 days before expiry
      evidence: [
        { title: "Giấy đăng ký kinh doanh", kind: "BUSINESS_REGISTRATION", expiresOn: null, content: "%PDF-1.4 dang ky kinh doanh" },
        { title: "Giấy chứng nhận cơ sở đủ điều kiện ATTP", kind: "FOOD_SAFETY_CERTIFICATE", expiresOn: addDays(today, -1) },
        { title: "Phiếu kiểm nghiệm", kind: "TEST_RESULTS", expiresOn: addDays(today, 20) },
        { title: "Chứng nhận VietGAP", kind: "QMS_CERTIFICATE", expiresOn: addDays(today, 900) },
      ],
    });
    actAs(w.producerUserA);
    const created = ok(await startReEvaluation({ certificateId: certificate.id }));
    expect(created).toMatchObject({ created: true, carried: 3, expired: ["Giấy chứng nhận cơ sở đủ điều kiện ATTP"] });
    expect(created.expiringBeforeRound).toEqual([expect.stringContaining("Phiếu kiểm nghiệm")]);

    const renewal = await db.dossier.findUniqueOrThrow({ where: { id: created.dossierId }, include: { evidence: { include: { attachment: true }, orderBy: { createdAt: "asc" } } } });
    expect(renewal).toMatchObject({
      status: "DRAFT",
      evaluationType: "RE_EVALUATION",
      previousCertificateId: certificate.id,
      producerId: w.producerA.id,
      productName: dossier.productName,
      criteriaSetNo: dossier.criteriaSetNo,
      version: 0,
      form02: { history: "Thành lập năm 2015" },
    });
    expect(renewal.form01).toMatchObject({ unitName: "HTX", registrationType: "reassessment" });
    const byOrigin = new Map(evidence.map((e) => [e.id, e]));
    expect(renewal.evidence.map((e) => byOrigin.get(e.carriedFromId!)?.title)).toEqual(["Giấy đăng ký kinh doanh", "Phiếu kiểm nghiệm", "Chứng nhận VietGAP"]);
    for (const e of renewal.evidence) {
      const origin = byOrigin.get(e.carriedFromId!)!;
      expect(e.attachment).toMatchObject({ entityType: "Dossier", entityId: renewal.id, sha256: origin.attachment.sha256, fileName: origin.attachment.fileName });
      expect(e.attachment.storageKey).not.toBe(origin.attachment.storageKey);
      expect(await fileStorage().get(e.attachment.storageKey)).toEqual(await fileStorage().get(origin.attachment.storageKey));
    }
    const created1 = await db.statusEvent.findFirstOrThrow({ where: { entityType: "Dossier", entityId: renewal.id, action: "create" } });
    expect(created1.comment).toContain("Giấy chứng nhận cơ sở đủ điều kiện ATTP");

    // Asking again returns the renewal already open.
    expect(ok(await startReEvaluation({ certificateId: certificate.id }))).toMatchObject({ dossierId: renewal.id, created: false });
    expect(await db.dossier.count({ where: { previousCertificateId: certificate.id } })).toBe(1);
  });

  it("is open only in the filing window and only to the certificate's producer", async () => {
    const early = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(181) });
    const late = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(119) });
    const open = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(180) });
    actAs(w.producerUserA);
    expect(await startReEvaluation({ certificateId: early.certificate.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await startReEvaluation({ certificateId: late.certificate.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    actAs(w.producerUserB);
    expect(await startReEvaluation({ certificateId: open.certificate.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.wardOfficerA);
    expect(await startReEvaluation({ certificateId: open.certificate.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.producerUserA);
    expect(ok(await startReEvaluation({ certificateId: open.certificate.id })).created).toBe(true);
  });
});

describe("daily sweep", () => {
  it("expires what is past its last day and sends the renewal and 30-day notices once", async () => {
    const { producer, user } = await extraProducer(w.tag, "HTX Quét", w.wardA);
    const sweepDay = "2031-03-01";
    const expiresOn = (daysFromSweep: number) => addMonths(addDays(sweepDay, daysFromSweep), -36);
    const expired = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(-1) }); // last day yesterday
    const lastDay = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(0) }); // last valid day today
    const window = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(150) });
    const thirty = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(30) });
    const far = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(400) });
    const revoked = await issuedCertificate({ producerId: producer.id, issuedOn: expiresOn(-10) });
    await db.certificate.update({ where: { id: revoked.certificate.id }, data: { status: "REVOKED" } });

    const first = await runCertificateSweep(sweepDay);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const state = async (c: { certificate: { id: string } }) => db.certificate.findUniqueOrThrow({ where: { id: c.certificate.id } });
    expect(await state(expired)).toMatchObject({ status: "EXPIRED" });
    expect(await state(lastDay)).toMatchObject({ status: "ACTIVE" });
    expect((await state(lastDay)).expiryNoticeAt).not.toBeNull();
    expect((await state(window)).renewalNoticeAt).not.toBeNull();
    expect((await state(window)).expiryNoticeAt).toBeNull();
    expect((await state(thirty)).expiryNoticeAt).not.toBeNull();
    expect((await state(thirty)).renewalNoticeAt).toBeNull(); // its window closed long ago
    expect(await state(far)).toMatchObject({ status: "ACTIVE", renewalNoticeAt: null, expiryNoticeAt: null });
    expect(await state(revoked)).toMatchObject({ status: "REVOKED" });

    const events = await db.statusEvent.findMany({ where: { entityType: "Certificate", entityId: expired.certificate.id } });
    expect(events).toEqual([expect.objectContaining({ action: "expire", fromStatus: "ACTIVE", toStatus: "EXPIRED", actorId: null })]);
    expect(await db.auditEntry.count({ where: { entityType: "Certificate", entityId: expired.certificate.id, action: "certificate.expire", actorId: null } })).toBe(1);

    const notices = async () => db.notification.findMany({ where: { userId: user.userId }, orderBy: { createdAt: "asc" } });
    const kinds = (await notices()).map((n) => `${n.kind} ${n.href}`).sort();
    expect(kinds).toEqual(
      [
        `certNotices.expired /certificates/${expired.certificate.id}`,
        `certNotices.expiringSoon /certificates/${lastDay.certificate.id}`,
        `certNotices.expiringSoon /certificates/${thirty.certificate.id}`,
        `certNotices.renewalOpen /certificates/${window.certificate.id}`,
      ].sort(),
    );
    const renewalNotice = (await notices()).find((n) => n.kind === "certNotices.renewalOpen")!;
    expect(renewalNotice.params).toMatchObject({ number: window.certificate.number });

    // Idempotent: a second run the same day (or another instance) does nothing more.
    const second = await runCertificateSweep(sweepDay);
    expect(second).toMatchObject({ expired: 0, renewalNotices: 0, expiryNotices: 0 });
    expect((await notices()).length).toBe(4);
    // The next day only brings what the next day brings: the last-day certificate expires.
    const next = await runCertificateSweep(addDays(sweepDay, 1));
    expect(await state(lastDay)).toMatchObject({ status: "EXPIRED" });
    expect(next.renewalNotices + next.expiryNotices).toBe(0);
    expect((await notices()).length).toBe(5);
  });

  it("keeps a QĐ148 certificate through the QĐ26 Art. 12.3 grace while a late re-evaluation is pending", async () => {
    const { producer } = await extraProducer(w.tag, "HTX Chuyển tiếp", w.wardA);
    const old = await issuedCertificate({ producerId: producer.id, issuedOn: "2023-09-01", ruleSetCode: "QD148_2023" }); // last day 2026-09-01
    const pending = await db.dossier.create({
      data: { producerId: producer.id, cycleYear: 2026, status: "SUBMITTED", evaluationType: "RE_EVALUATION", productName: old.certificate.productName, criteriaSetNo: 7, version: 1, previousCertificateId: old.certificate.id },
    });
    await runCertificateSweep("2026-10-01");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: old.certificate.id } })).status).toBe("ACTIVE");
    await runCertificateSweep("2027-03-01"); // 2026-09-01 + 180 days = 2027-02-28
    expect((await db.certificate.findUniqueOrThrow({ where: { id: old.certificate.id } })).status).toBe("EXPIRED");
    expect(pending.status).toBe("SUBMITTED");
  });
});

describe("public verification and the PDF", () => {
  it("finds a certificate by its QR code or its printed number, and nothing from a wrong code", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(500), star: 3 });
    const found = await findCertificateForVerification(certificate.verifyCode);
    expect(found).toMatchObject({ number: certificate.number, star: 3, producer: { name: w.producerA.name, ward: { name: "Phường Đức Xuân" } } });
    expect(found && "revocationNote" in found).toBe(false);
    expect(await findCertificateForVerification(`${certificate.verifyCode}x`)).toBeNull();
    expect(await findCertificateForVerification("../../etc/passwd")).toBeNull();
    expect(await findVerifyCodeByNumber(` ${certificate.number.toLowerCase()} `)).toBe(certificate.verifyCode);
    expect(await findVerifyCodeByNumber("999999/1999/OCOP-00")).toBeNull();
  });

  it("serves the PDF to those who may read the certificate and 404 to everyone else", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(500) });
    const get = () => certificatePdf(new Request(`http://localhost/api/certificates/${certificate.id}/pdf`), { params: Promise.resolve({ id: certificate.id }) });
    for (const who of [w.producerUserA, w.wardOfficerA, w.economicOffice, w.leader]) {
      actAs(who);
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      expect(res.headers.get("Content-Disposition")).toMatch(/^inline; filename="giay-chung-nhan-OCOP-[\w.-]+\.pdf"/);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    for (const who of [w.producerUserB, w.council, null]) {
      actAs(who);
      expect((await get()).status).toBe(404);
    }
    actAs(w.producerUserA);
    const missing = await certificatePdf(new Request("http://localhost/api/certificates/nope/pdf"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
  });

  it("lists only what the actor may see, with the computed status and the filters", async () => {
    const { producer } = await extraProducer(w.tag, "HTX Danh sách", w.wardB);
    const soon = await issuedCertificate({ producerId: producer.id, issuedOn: issuedFor(20), star: 4 });
    const later = await issuedCertificate({ producerId: producer.id, issuedOn: issuedFor(300), star: 3 });
    const gone = await issuedCertificate({ producerId: producer.id, issuedOn: issuedFor(-5), star: 3 });
    const q = "Tinh bột nghệ";
    const office = await listCertificates(w.economicOffice, { wardId: w.wardB, expiringWithin: 30, q }, today);
    expect(office.rows.map((r) => r.id)).toContain(soon.certificate.id);
    expect(office.rows.map((r) => r.id)).not.toContain(later.certificate.id);
    // Narrowed to this producer: other test files leave many expired certificates in ward B.
    const expired = await listCertificates(w.economicOffice, { wardId: w.wardB, status: "expired", q: producer.name }, today);
    expect(expired.rows.map((r) => r.id)).toContain(gone.certificate.id);
    expect(displayStatus(expired.rows.find((r) => r.id === gone.certificate.id)!, today)).toBe("EXPIRED");
    const threeStar = await listCertificates(w.economicOffice, { wardId: w.wardB, star: 3 }, today);
    expect(threeStar.rows.every((r) => r.star === 3)).toBe(true);
    // Ward A's officer and another producer see none of ward B's producer's certificates.
    for (const who of [w.wardOfficerA, w.producerUserA]) {
      const rows = (await listCertificates(who, { wardId: w.wardB }, today)).rows;
      expect(rows.filter((r) => [soon, later, gone].some((c) => c.certificate.id === r.id))).toEqual([]);
      expect(await findCertificate(who, soon.certificate.id)).toBeNull();
    }
  });
});
