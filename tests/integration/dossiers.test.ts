// Step 5, items 1–2: the evaluation dossier from the producer to the ward and the Economic
// Office's intake: drafts, self-score, evidence, submission (rule set and sheet pinned, the
// ward's 15-working-day deadline), return with missing items, Form 03, forwarding with a product
// code, supplements, and who may see or touch any of it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionResult } from "@/lib/errors";
import { addWorkingDays } from "@/lib/domain/working-days";
import { defaultVietnamHolidays } from "@/lib/domain/holidays-vn";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { bestAnswers } from "@/lib/domain/scoring/sheet-score";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { actAs } from "./act-as";
import { buildDossier, buildRound, sheetFor } from "./dossier-fixtures";
import { db, makeWorld } from "./world";

// Uploaded files go to a folder of this test (lib/env reads STORAGE_DIR once, on first use: the
// app modules are imported below, after it is set).
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ocop-dossiers-test-"));
process.env.STORAGE_DIR = storageDir;

let actions: typeof import("@/lib/actions/dossiers");
let dbDossiers: typeof import("@/lib/db/dossiers");
let dbAttachments: typeof import("@/lib/db/attachments");
let h: typeof import("./helpers");

let w: Awaited<ReturnType<typeof makeWorld>>;
let wardOfficerB: Actor;
let sheet7: CriteriaSheetData;
const TODAY = () => vietnamDateOf(new Date());
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  actions = await import("@/lib/actions/dossiers");
  dbDossiers = await import("@/lib/db/dossiers");
  dbAttachments = await import("@/lib/db/attachments");
  h = await import("./helpers");
  w = await makeWorld();
  wardOfficerB = await h.extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  await db.producer.update({ where: { id: w.producerA.id }, data: { phone: "0912345678" } });
  sheet7 = (await sheetFor(7)).data as unknown as CriteriaSheetData;
});
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const ok = <T,>(r: ActionResult<T>) => h.ok(r);
const dossierRow = (id: string) => db.dossier.findUniqueOrThrow({ where: { id } });
const versionOf = async (id: string) => (await dossierRow(id)).updatedAt.toISOString();

const LONG = "Nội dung mô tả đầy đủ của chủ thể về sản phẩm.";
const completeForm01 = { unitName: "HTX A", legalRepresentativeName: "Nguyễn Văn An", position: "Giám đốc", contactAddress: "Phường Đức Xuân", phone: "0912 345 678", email: "" };
const completeForm02 = {
  entityName: "HTX A",
  address: "Phường Đức Xuân",
  legalRepresentativeFullName: "Nguyễn Văn An",
  productDescription: LONG,
  rawMaterialAndProductionTechnology: LONG,
  distributionMarkets: LONG,
  businessResults: LONG,
  productionBusinessPlan: LONG,
};

/** What the edit page sends: the whole draft, at the version it was read. */
async function draftInput(dossierId: string, over: Record<string, unknown> = {}) {
  const d = await dossierRow(dossierId);
  return {
    dossierId,
    version: d.updatedAt.toISOString(),
    productName: d.productName,
    criteriaSetNo: d.criteriaSetNo,
    evaluationType: d.evaluationType,
    previousCertificateId: d.previousCertificateId ?? "",
    sampleCount: 5,
    form01: completeForm01,
    form02: completeForm02,
    selfScore: bestAnswers(sheet7),
    ...over,
  };
}

function evidenceForm(dossierId: string, o: { kind?: string; title?: string; expiresOn?: string; itemCodes?: string[]; bytes?: Uint8Array } = {}) {
  const data = new FormData();
  data.set("dossierId", dossierId);
  data.set("kind", o.kind ?? "FOOD_SAFETY_CERTIFICATE");
  data.set("title", o.title ?? "Giấy chứng nhận cơ sở đủ điều kiện ATTP");
  data.set("issuedOn", "2025-01-10");
  data.set("expiresOn", o.expiresOn ?? "2029-01-09");
  for (const code of o.itemCodes ?? []) data.append("itemCodes", code);
  data.set("file", new File([(o.bytes ?? PDF) as BlobPart], "giay-chung-nhan.pdf", { type: "application/pdf" }));
  return data;
}

/** A dossier of producer A, created and filled by the producer through the actions. */
async function readyDraft(name = `Tinh bột nghệ ${randomUUID().slice(0, 6)}`, o: { fscExpiresOn?: string } = {}) {
  actAs(w.producerUserA);
  const { dossierId } = ok(await actions.createDossier({ productName: name, criteriaSetNo: 7, evaluationType: "FIRST" }));
  ok(await actions.saveDossierDraft(await draftInput(dossierId)));
  ok(await actions.uploadEvidence(evidenceForm(dossierId, { expiresOn: o.fscExpiresOn, itemCodes: ["1.1"] })));
  return dossierId;
}

const FULL_FORM03 = {
  communeName: "Phường Đức Xuân",
  entityName: "HTX A",
  registeredProduct: "Tinh bột nghệ",
  localRawMaterialUse: "Nguyên liệu nghệ trồng tại 3 thôn của phường.",
  localLabourUse: "12 lao động địa phương, có đóng bảo hiểm.",
  productIdeaOrigin: "Sản phẩm truyền thống của địa phương.",
  localIdentity: "Gắn với kinh nghiệm chế biến nghệ của người Tày.",
};

describe("from draft to the Economic Office", () => {
  it("draft → submit (rule set, sheet and due date) → return with missing items → resubmit → Form 03 → forward with a product code", async () => {
    const dossierId = await readyDraft("Tinh bột nghệ Đức Xuân");
    const created = await dossierRow(dossierId);
    // Prefilled from the producer's record.
    expect((created.form01 as { unitName: string }).unitName).toBe("HTX A");
    expect(created.status).toBe("DRAFT");
    expect(created.ruleSetCode).toBeNull();

    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    const submitted = await dossierRow(dossierId);
    const latest = await sheetFor(7);
    expect(submitted).toMatchObject({ status: "SUBMITTED", version: 1, ruleSetCode: "QD26_2026", sheetId: latest.id });
    // 15 working days for the commune (QĐ26 Art. 7.2), from the day it arrived.
    const due = addWorkingDays(TODAY(), 15, defaultVietnamHolidays());
    expect(submitted.wardDueOn?.toISOString().slice(0, 10)).toBe(due);
    expect(await db.dossierRevision.count({ where: { dossierId } })).toBe(1);
    expect(await h.notifiedUsers("dossierNotices.submitted", `/dossiers/${dossierId}`)).toContain(w.wardOfficerA.userId);

    // The ward returns it with a checklist; the producer sees what is missing.
    actAs(w.wardOfficerA);
    const refused = await actions.transitionDossier({ dossierId, action: "return", comment: "" });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    ok(await actions.transitionDossier({ dossierId, action: "return", comment: "Bổ sung mẫu và phiếu kiểm nghiệm.", missingItems: ["samples", "testResults"] }));
    expect(await dossierRow(dossierId)).toMatchObject({ status: "RETURNED", missingItems: ["samples", "testResults"], wardDueOn: null });
    expect(await h.notifiedUsers("dossierNotices.returned", `/dossiers/${dossierId}`)).toContain(w.producerUserA.userId);

    actAs(w.producerUserA);
    ok(await actions.saveDossierDraft(await draftInput(dossierId, { sampleCount: 6 })));
    ok(await actions.uploadEvidence(evidenceForm(dossierId, { kind: "TEST_RESULTS", title: "Phiếu kiểm nghiệm", expiresOn: "" })));
    ok(await actions.transitionDossier({ dossierId, action: "resubmit" }));
    expect(await dossierRow(dossierId)).toMatchObject({ status: "SUBMITTED", version: 2, missingItems: [], sampleCount: 6, sheetId: latest.id });

    // Forwarding needs the four assessments of Form 03.
    actAs(w.wardOfficerA);
    const early = await actions.transitionDossier({ dossierId, action: "forward" });
    expect(early).toMatchObject({ ok: false, code: "INCOMPLETE" });
    if (!early.ok) expect(Object.keys(early.fieldErrors ?? {}).sort()).toEqual(["form03.localIdentity", "form03.localLabourUse", "form03.localRawMaterialUse", "form03.productIdeaOrigin"]);
    ok(await actions.saveForm03({ dossierId, version: await versionOf(dossierId), form03: FULL_FORM03 }));
    const forwarded = ok(await actions.transitionDossier({ dossierId, action: "forward" }));
    expect(forwarded.productCode).toMatch(/^06-01840-\d{3}-2026$/); // the dossier's cycle year
    const row = await dossierRow(dossierId);
    expect(row).toMatchObject({ status: "FORWARDED", productCode: forwarded.productCode, form03ById: w.wardOfficerA.userId });
    expect(row.forwardedAt).not.toBeNull();
    const notified = await h.notifiedUsers("dossierNotices.forwarded", `/dossiers/${dossierId}`);
    expect(notified).toContain(w.economicOffice.userId);
    expect(notified).toContain(w.producerUserA.userId);
  });

  it("two forwards in the same ward at the same moment get different, consecutive product codes", async () => {
    const ids = [await readyDraft(), await readyDraft()];
    actAs(w.producerUserA);
    for (const dossierId of ids) ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    actAs(w.wardOfficerA);
    for (const dossierId of ids) ok(await actions.saveForm03({ dossierId, version: await versionOf(dossierId), form03: FULL_FORM03 }));
    const results = await Promise.all(ids.map((dossierId) => actions.transitionDossier({ dossierId, action: "forward" })));
    const codes = results.map((r) => ok(r).productCode!);
    expect(new Set(codes).size).toBe(2);
    const seq = codes.map((c) => Number(c.split("-")[2])).sort((a, b) => a - b);
    expect(seq[1]! - seq[0]!).toBe(1);
  });

  it("an incomplete submission names what is missing and keeps the draft", async () => {
    actAs(w.producerUserA);
    const { dossierId } = ok(await actions.createDossier({ productName: "Miến dong chưa đủ", criteriaSetNo: 7, evaluationType: "FIRST" }));
    const result = await actions.transitionDossier({ dossierId, action: "submit" });
    expect(result).toMatchObject({ ok: false, code: "INCOMPLETE" });
    const fields = result.ok ? {} : (result.fieldErrors ?? {});
    expect(fields["evidence.FOOD_SAFETY_CERTIFICATE"]).toEqual(["dossiers.evidenceMissing"]);
    expect(fields.selfScore).toEqual(["dossiers.selfScoreIncomplete"]);
    expect(fields.sampleCount).toEqual(["validation.required"]);
    expect(fields["form02.productDescription"]).toEqual(["validation.required"]);
    expect(Object.keys(fields).filter((k) => k.startsWith("selfScore.items.")).length).toBeGreaterThan(20);
    expect(await dossierRow(dossierId)).toMatchObject({ status: "DRAFT", version: 0, ruleSetCode: null, sheetId: null, submittedAt: null });
  });

  it("an unverified producer may draft but not submit", async () => {
    const other = await h.extraProducer(w.tag, "Hộ chưa xác minh", w.wardA, "PENDING");
    actAs(other.user);
    const { dossierId } = ok(await actions.createDossier({ productName: "Mật ong bạc hà", criteriaSetNo: 7, evaluationType: "FIRST" }));
    expect(await actions.transitionDossier({ dossierId, action: "submit" })).toMatchObject({ ok: false, code: "PRODUCER_NOT_VERIFIED" });
  });

  it("self-score answers that do not fit the sheet come back as field errors", async () => {
    actAs(w.producerUserA);
    const { dossierId } = ok(await actions.createDossier({ productName: "Bún khô", criteriaSetNo: 7, evaluationType: "FIRST" }));
    const result = await actions.saveDossierDraft(await draftInput(dossierId, { selfScore: { items: { "99.9": { met: true }, "1.1": { option: 40 } } } }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "selfScore.items.99.9": ["dossiers.scoreUnknownItem"], "selfScore.items.1.1": ["dossiers.scoreOptionOutOfRange"] } });
  });

  it("a stale draft save is a conflict, not a silent overwrite", async () => {
    const dossierId = await readyDraft();
    const stale = await draftInput(dossierId);
    ok(await actions.saveDossierDraft(await draftInput(dossierId, { productName: "Tên mới" })));
    expect(await actions.saveDossierDraft({ ...stale, productName: "Tên cũ" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await dossierRow(dossierId)).productName).toBe("Tên mới");
  });

  it("the Economic Office asks for a supplement; the producer supplements; the ward cannot ask", async () => {
    const dossierId = await readyDraft();
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    actAs(w.wardOfficerA);
    ok(await actions.saveForm03({ dossierId, version: await versionOf(dossierId), form03: FULL_FORM03 }));
    ok(await actions.transitionDossier({ dossierId, action: "forward" }));
    expect(await actions.transitionDossier({ dossierId, action: "request-supplement", comment: "Thiếu", missingItems: ["label"] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    ok(await actions.transitionDossier({ dossierId, action: "request-supplement", comment: "Bổ sung nhãn sản phẩm.", missingItems: ["label"] }));
    const code = (await dossierRow(dossierId)).productCode;
    expect(await dossierRow(dossierId)).toMatchObject({ status: "SUPPLEMENT_REQUESTED", missingItems: ["label"] });
    actAs(w.producerUserA);
    ok(await actions.uploadEvidence(evidenceForm(dossierId, { kind: "LABEL", title: "Nhãn sản phẩm", expiresOn: "" })));
    ok(await actions.transitionDossier({ dossierId, action: "supplement" }));
    // Back at the office with the same product code; the ward's deadline does not restart.
    expect(await dossierRow(dossierId)).toMatchObject({ status: "FORWARDED", missingItems: [], productCode: code, wardDueOn: null, version: 2 });
  });

  it("the ward declines with a reason; the office rejects at intake, not at the ward's desk", async () => {
    const a = await readyDraft();
    const b = await readyDraft();
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId: a, action: "submit" }));
    ok(await actions.transitionDossier({ dossierId: b, action: "submit" }));
    actAs(w.economicOffice);
    expect(await actions.transitionDossier({ dossierId: a, action: "reject", comment: "Không đủ điều kiện" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.wardOfficerA);
    expect(await actions.transitionDossier({ dossierId: a, action: "reject", comment: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    ok(await actions.transitionDossier({ dossierId: a, action: "reject", comment: "Sản phẩm không thuộc địa bàn." }));
    expect((await dossierRow(a)).status).toBe("REJECTED");
    ok(await actions.saveForm03({ dossierId: b, version: await versionOf(b), form03: FULL_FORM03 }));
    ok(await actions.transitionDossier({ dossierId: b, action: "forward" }));
    actAs(w.economicOffice);
    ok(await actions.transitionDossier({ dossierId: b, action: "reject", comment: "Hồ sơ giả mạo giấy tờ." }));
    expect((await dossierRow(b)).status).toBe("REJECTED");
  });

  it("withdrawing a draft tells nobody; evidence can be removed while editable only", async () => {
    const dossierId = await readyDraft();
    actAs(w.producerUserA);
    const [evidence] = await dbDossiers.listDossierEvidence({ id: dossierId });
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    expect(await actions.removeEvidence({ dossierId, evidenceId: evidence!.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    actAs(w.wardOfficerA);
    ok(await actions.transitionDossier({ dossierId, action: "return", comment: "Bổ sung giấy tờ.", missingItems: ["foodSafetyCertificate"] }));
    actAs(w.producerUserA);
    ok(await actions.removeEvidence({ dossierId, evidenceId: evidence!.id }));
    expect(await dbDossiers.listDossierEvidence({ id: dossierId })).toEqual([]);
    // The file stays in storage, marked deleted (a reviewed paper is recoverable).
    expect((await db.attachment.findUniqueOrThrow({ where: { id: evidence!.attachment.id } })).deletedAt).not.toBeNull();

    const draft = await readyDraft();
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId: draft, action: "withdraw" }));
    expect(await db.notification.count({ where: { href: `/dossiers/${draft}` } })).toBe(0);
  });
});

describe("the rule set stays with the dossier", () => {
  it("a resubmission after a new sheet version keeps the rule set and sheet of the first submission", async () => {
    const dossierId = await readyDraft();
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    const first = await dossierRow(dossierId);
    actAs(w.wardOfficerA);
    ok(await actions.transitionDossier({ dossierId, action: "return", comment: "Bổ sung.", missingItems: ["form02"] }));

    // A corrected sheet is published meanwhile: a new version of set 7.
    const old = await sheetFor(7);
    const corrected = await db.criteriaSheet.create({
      data: { ruleSetCode: old.ruleSetCode, criteriaSetNo: 7, version: old.version + 1, contentHash: `test-${randomUUID()}`, title: old.title, totalPoints: old.totalPoints, itemCount: old.itemCount, data: old.data as object },
    });
    try {
      actAs(w.producerUserA);
      ok(await actions.transitionDossier({ dossierId, action: "resubmit" }));
      const again = await dossierRow(dossierId);
      expect(again).toMatchObject({ ruleSetCode: first.ruleSetCode, sheetId: first.sheetId, version: 2 });
      // A draft opened now would be scored on the corrected version.
      expect((await dbDossiers.sheetForDossier({ sheetId: null, criteriaSetNo: 7 }, TODAY()))?.id).toBe(corrected.id);
      expect((await dbDossiers.sheetForDossier(again, TODAY()))?.id).toBe(first.sheetId);
      // The set cannot change once the sheet is pinned.
      actAs(w.wardOfficerA);
      ok(await actions.transitionDossier({ dossierId, action: "return", comment: "Lần nữa.", missingItems: ["form01"] }));
      actAs(w.producerUserA);
      expect(await actions.saveDossierDraft(await draftInput(dossierId, { criteriaSetNo: 8 }))).toMatchObject({ ok: false, fieldErrors: { criteriaSetNo: ["dossiers.setLocked"] } });
    } finally {
      await db.criteriaSheet.delete({ where: { id: corrected.id } });
    }
  });
});

describe("the rule set of the first submission, months later", () => {
  it("a dossier first submitted under QĐ148 as amended keeps it, with that set's (absent) ward deadline", async () => {
    const dossierId = await readyDraft();
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    actAs(w.wardOfficerA);
    ok(await actions.transitionDossier({ dossierId, action: "return", comment: "Bổ sung.", missingItems: ["samples"] }));
    // Arrangement: as if the first submission had been in April 2026, under QĐ148 + QĐ1489.
    await db.dossier.update({ where: { id: dossierId }, data: { ruleSetCode: "QD148_1489_2025" } });
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId, action: "resubmit" }));
    // QĐ1489 set no commune deadline, so none is invented; QĐ26's 15 days do not apply to it.
    expect(await dossierRow(dossierId)).toMatchObject({ status: "SUBMITTED", ruleSetCode: "QD148_1489_2025", wardDueOn: null });
  });
});

describe("intake flags", () => {
  it("an expired food-safety certificate is flagged, in the queue and on the dossier", async () => {
    const yesterday = addDays(TODAY(), -1);
    const dossierId = await readyDraft(`Miến dong hết hạn ${randomUUID().slice(0, 4)}`, { fscExpiresOn: yesterday });
    actAs(w.producerUserA);
    // Expired papers do not stop the submission: the ward and the office see the flag.
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    const d = (await dbDossiers.findDossier(w.wardOfficerA, dossierId))!;
    const { flags } = await dbDossiers.dossierIntake(d);
    expect(flags).toEqual([expect.objectContaining({ code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND", expired: true, expiresOn: yesterday })]);
    const { rows } = await dbDossiers.listDossiers(w.wardOfficerA, { status: "SUBMITTED", q: "Miến dong hết hạn" });
    expect(rows.find((r) => r.id === dossierId)?.flags.map((f) => f.code)).toEqual(["FOOD_SAFETY_EXPIRES_BEFORE_ROUND"]);
  });

  it("a certificate valid through the round is not flagged", async () => {
    const dossierId = await readyDraft(undefined, { fscExpiresOn: "2030-01-01" });
    const d = (await dbDossiers.findDossier(w.producerUserA, dossierId))!;
    expect((await dbDossiers.dossierIntake(d)).flags).toEqual([]);
  });
});

describe("scope", () => {
  let dossierId: string;
  let evidenceId: string;
  let attachmentId: string;
  beforeAll(async () => {
    dossierId = await readyDraft();
    actAs(w.producerUserA);
    ok(await actions.transitionDossier({ dossierId, action: "submit" }));
    const [e] = await dbDossiers.listDossierEvidence({ id: dossierId });
    evidenceId = e!.id;
    attachmentId = e!.attachment.id;
    actAs(null);
  });

  it("another producer and another ward's officer get NOT_FOUND on read and on every action", async () => {
    for (const outsider of [w.producerUserB, wardOfficerB]) {
      expect(await dbDossiers.findDossier(outsider, dossierId)).toBeNull();
      actAs(outsider);
      const attempts: Promise<ActionResult<unknown>>[] = [
        actions.saveDossierDraft(await draftInput(dossierId)),
        actions.uploadEvidence(evidenceForm(dossierId)),
        actions.removeEvidence({ dossierId, evidenceId }),
        actions.saveForm03({ dossierId, version: await versionOf(dossierId), form03: FULL_FORM03 }),
        ...(["submit", "resubmit", "supplement", "withdraw", "return", "forward", "reject", "request-supplement"] as const).map((action) =>
          actions.transitionDossier({ dossierId, action, comment: "Một lý do đủ dài để qua kiểm tra.", missingItems: ["label"] }),
        ),
      ];
      for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
      const { rows } = await dbDossiers.listDossiers(outsider, {});
      expect(rows.map((r) => r.id)).not.toContain(dossierId);
    }
    expect((await dossierRow(dossierId)).status).toBe("SUBMITTED");
  });

  it("a producer's draft is private until first submitted", async () => {
    const draft = await readyDraft();
    expect(await dbDossiers.findDossier(w.wardOfficerA, draft)).toBeNull();
    expect(await dbDossiers.findDossier(w.economicOffice, draft)).toBeNull();
    expect((await dbDossiers.listDossiers(w.producerUserA, {})).rows[0]?.id).toBe(draft);
  });

  it("a council member sees the dossier only through a round they sit on, and never when conflicted", async () => {
    expect(await dbDossiers.findDossier(w.council, dossierId)).toBeNull();
    const member = await h.extraUser(w.tag, "Thành viên có xung đột", "COUNCIL_MEMBER");
    const round = await buildRound({ members: [{ actor: w.council }, { actor: member }] });
    await db.dossier.update({ where: { id: dossierId }, data: { roundId: round.id } });
    await db.dossierConflict.create({ data: { dossierId, userId: member.userId, source: "DECLARED", reason: "Người thân của chủ thể" } });
    try {
      expect(await dbDossiers.findDossier(w.council, dossierId)).not.toBeNull();
      expect(await dbDossiers.findDossier(member, dossierId)).toBeNull();
      expect(await dbAttachments.findAttachment(w.council, attachmentId)).not.toBeNull();
      expect(await dbAttachments.findAttachment(member, attachmentId)).toBeNull();
    } finally {
      await db.dossierConflict.deleteMany({ where: { dossierId } });
      await db.dossier.update({ where: { id: dossierId }, data: { roundId: null } });
    }
  });

  it("evidence files download only in scope", async () => {
    for (const insider of [w.producerUserA, w.wardOfficerA, w.economicOffice, w.leader]) {
      expect((await dbAttachments.findAttachment(insider, attachmentId))?.file.id, insider.role).toBe(attachmentId);
    }
    for (const outsider of [w.producerUserB, wardOfficerB, w.council]) {
      expect(await dbAttachments.findAttachment(outsider, attachmentId), outsider.role).toBeNull();
    }
  });

  it("the generic file removal does not take a dossier's evidence apart", async () => {
    const { removeAttachment } = await import("@/lib/actions/attachments");
    const draft = await readyDraft();
    const [e] = await dbDossiers.listDossierEvidence({ id: draft });
    actAs(w.producerUserA);
    expect(await removeAttachment({ attachmentId: e!.attachment.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});

describe("opening a dossier", () => {
  it("from an approved business plan: name and criteria set come from its idea", async () => {
    const ideaId = await h.ideaAt("ACCEPTED", `Chè Shan ${randomUUID().slice(0, 4)}`, { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice });
    // Arrangement: an approved plan (the plan workflow has its own tests).
    const plan = await db.businessPlan.create({ data: { ideaId, producerId: w.producerA.id, status: "APPROVED", market: "Hà Nội và Bắc Kạn", version: 1 } });
    actAs(w.producerUserA);
    const { dossierId } = ok(await actions.createDossier({ planId: plan.id, evaluationType: "FIRST" }));
    const d = await dossierRow(dossierId);
    const idea = await db.productIdea.findUniqueOrThrow({ where: { id: ideaId } });
    expect(d).toMatchObject({ planId: plan.id, productName: idea.productName, criteriaSetNo: idea.criteriaSetNo });
    expect((d.form02 as { distributionMarkets: string }).distributionMarkets).toBe("Hà Nội và Bắc Kạn");

    // Someone else's plan does not exist for this producer.
    actAs(w.producerUserB);
    expect(await actions.createDossier({ planId: plan.id, evaluationType: "FIRST" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A plan not yet approved cannot start a dossier.
    await db.businessPlan.update({ where: { id: plan.id }, data: { status: "SUBMITTED" } });
    actAs(w.producerUserA);
    expect(await actions.createDossier({ planId: plan.id, evaluationType: "FIRST" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("an upgrade names one of the producer's own active certificates", async () => {
    const decision = await db.decision.create({ data: { kind: "RECOGNITION", number: `QD-${randomUUID().slice(0, 8)}`, signedOn: new Date("2025-06-30"), signerName: "Chủ tịch", signerTitle: "Chủ tịch UBND tỉnh", level: "PROVINCE" } });
    const certificateOf = async (producerId: string, status: "ACTIVE" | "EXPIRED") => {
      const source = await buildDossier({ producerId, status: "RECOGNISED" });
      return db.certificate.create({
        data: {
          number: `GCN-${randomUUID().slice(0, 8)}`,
          verifyCode: randomUUID(),
          dossierId: source.id,
          producerId,
          productName: source.productName,
          criteriaSetNo: 7,
          star: 3,
          level: "PROVINCE",
          ruleSetCode: "QD26_2026",
          averageTotal: 65,
          issuedOn: new Date("2025-06-30"),
          expiresOn: new Date("2028-06-30"),
          decisionId: decision.id,
          status,
        },
      });
    };
    const own = await certificateOf(w.producerA.id, "ACTIVE");
    const expired = await certificateOf(w.producerA.id, "EXPIRED");
    const others = await certificateOf(w.producerB.id, "ACTIVE");
    actAs(w.producerUserA);
    expect(await actions.createDossier({ productName: "Nâng hạng", criteriaSetNo: 7, evaluationType: "UPGRADE" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { previousCertificateId: ["dossiers.previousCertificateRequired"] },
    });
    for (const bad of [expired.id, others.id]) {
      expect(await actions.createDossier({ productName: "Nâng hạng", criteriaSetNo: 7, evaluationType: "UPGRADE", previousCertificateId: bad })).toMatchObject({
        ok: false,
        fieldErrors: { previousCertificateId: ["dossiers.previousCertificateInvalid"] },
      });
    }
    const { dossierId } = ok(await actions.createDossier({ productName: "Nâng hạng", criteriaSetNo: 7, evaluationType: "UPGRADE", previousCertificateId: own.id }));
    expect(await dossierRow(dossierId)).toMatchObject({ evaluationType: "UPGRADE", previousCertificateId: own.id });
    // An upgrade must say what changed (Form 02), or it is incomplete.
    ok(await actions.saveDossierDraft(await draftInput(dossierId)));
    ok(await actions.uploadEvidence(evidenceForm(dossierId)));
    const result = await actions.transitionDossier({ dossierId, action: "submit" });
    expect(result).toMatchObject({ ok: false, code: "INCOMPLETE", fieldErrors: { "form02.productQualityChanges": ["validation.required"] } });
    // One open dossier per certificate: a second one (upgrade or re-evaluation) is refused while
    // the first is in progress, and allowed again once it is withdrawn.
    expect(await actions.createDossier({ productName: "Đánh giá lại", criteriaSetNo: 7, evaluationType: "RE_EVALUATION", previousCertificateId: own.id })).toMatchObject({
      ok: false,
      fieldErrors: { previousCertificateId: ["dossiers.previousCertificateInUse"] },
    });
    ok(await actions.transitionDossier({ dossierId, action: "withdraw" }));
    ok(await actions.createDossier({ productName: "Đánh giá lại", criteriaSetNo: 7, evaluationType: "RE_EVALUATION", previousCertificateId: own.id }));
  });
});
