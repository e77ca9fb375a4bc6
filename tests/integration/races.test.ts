// Issue 8 item 3: two requests on one record at the same moment. Each race is made real, not
// hoped for: a transaction of the test holds the record's row until both requests have read it
// and are waiting to write, then lets go. Exactly one write may land; the other must answer
// CONFLICT ("changed by someone else"), and only the winner leaves an audit entry.
//
// Races tested elsewhere, not repeated here:
// - producer contact saved twice from one version: actions.test.ts ("two saves from the same version");
// - the same inspection concluded twice: inspections.test.ts ("of two at once exactly one wins");
// - three council members submitting at once, all counted once: scoring.test.ts;
// - two forwards in one ward getting distinct product codes: dossiers.test.ts;
// - the last training seat / event booths: training.test.ts, events.test.ts; results release: results.test.ts.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { revokeCertificate, startReEvaluation } from "@/lib/actions/certificates";
import { createDossier, saveDossierDraft, saveForm03, transitionDossier, uploadEvidence } from "@/lib/actions/dossiers";
import { transitionIdea } from "@/lib/actions/ideas";
import { logSupportActivity, savePlanDraft, transitionPlan, updateSupportStatus } from "@/lib/actions/plans";
import { concludeInspection, planInspection } from "@/lib/actions/inspections";
import { approvePointOfSale } from "@/lib/actions/points-of-sale";
import { saveScoreDraft, submitScoreSheet } from "@/lib/actions/scoring";
import { addDays, addMonths, vietnamDateOf } from "@/lib/domain/dates";
import { bestAnswers } from "@/lib/domain/scoring/sheet-score";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import type { ActionResult } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { actAs, currentActor } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { answersWithTotal, councilMembers, councilRound, forwardedDossier, sheetData, sheetVersion } from "./council-fixtures";
import { extraUser, ideaAt, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

// Evidence files of the dossier races go to a folder of this test (lib/env reads it on first use).
const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ocop-races-test-${process.pid}-${Date.now()}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});

// The points-of-sale actions import lib/auth/auth, whose Auth.js set-up needs Next's server.
vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }), CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));

let w: World;
let wardOfficerA2: Actor;
let office2: Actor;
let by: { producer: Actor; ward: Actor; office: Actor };
const today = vietnamDateOf(new Date());

beforeAll(async () => {
  w = await makeWorld();
  wardOfficerA2 = await extraUser(w.tag, "Cán bộ phường Đức Xuân thứ hai", "WARD_OFFICER", { wardId: w.wardA });
  office2 = await extraUser(w.tag, "Chuyên viên Phòng Kinh tế thứ hai", "ECONOMIC_OFFICE");
  await db.producer.update({ where: { id: w.producerA.id }, data: { phone: "0912345678" } });
  by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
});
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// The race itself

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sessions of this database waiting for a lock (files run one at a time: the new ones are ours). */
async function waitingOnLocks() {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return Number(row!.n);
}

async function untilWaiting(n: number) {
  const deadline = Date.now() + 10_000;
  while ((await waitingOnLocks()) < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} requests waiting on the held row; the race did not happen`);
    await sleep(20);
  }
}

/**
 * Runs two requests so that both read the record before either writes: the row is held (FOR NO
 * KEY UPDATE: what an UPDATE takes, so inserts referring to the row still go through) until both
 * are blocked on it. `inOrder`: the first is queued before the second starts, so it writes first.
 */
async function atOnce<A, B>(row: { table: string; id: string }, first: () => Promise<A>, second: () => Promise<B>, o: { inOrder?: boolean } = {}): Promise<[A, B]> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let markHeld!: () => void;
  const held = new Promise<void>((r) => (markHeld = r));
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT id FROM "${row.table}" WHERE id = $1 FOR NO KEY UPDATE`, row.id);
      markHeld();
      await released;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await held;
  const base = await waitingOnLocks();
  const calls: [Promise<A>?, Promise<B>?] = [];
  try {
    calls[0] = first();
    if (o.inOrder) await untilWaiting(base + 1);
    calls[1] = second();
    await untilWaiting(base + 2);
  } finally {
    release();
    await holder;
  }
  return Promise.all([calls[0]!, calls[1]!]);
}

/** Exactly one success; the other is the CONFLICT the screen shows as "changed by someone else". */
function oneWins(results: ActionResult<unknown>[]): number {
  expect(results.filter((r) => r.ok), JSON.stringify(results)).toHaveLength(1);
  expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: "CONFLICT" })]);
  return results.findIndex((r) => r.ok);
}

const auditCount = (action: string, entityId: string) => db.auditEntry.count({ where: { action, entityId } });
const eventsOf = (entityType: string, entityId: string, actions: string[]) =>
  db.statusEvent.findMany({ where: { entityType, entityId, action: { in: actions } }, select: { action: true, actorId: true } });

it("the loser's message says someone else changed the record, in Vietnamese and in English", () => {
  expect(translatorFor("vi")("errors.CONFLICT")).toMatch(/người khác thay đổi/);
  expect(translatorFor("en")("errors.CONFLICT")).toMatch(/Someone else changed/);
});

it("two concurrent sessions keep their own actors", async () => {
  const seen = await Promise.all([
    actAs(w.wardOfficerA, async () => (await sleep(30), currentActor()?.userId)),
    actAs(wardOfficerA2, async () => (await sleep(10), currentActor()?.userId)),
  ]);
  expect(seen).toEqual([w.wardOfficerA.userId, wardOfficerA2.userId]);
});

// ---------------------------------------------------------------------------------------------
// Ideas

describe("ideas", () => {
  it("two ward officers at once, one forwarding and one returning: one decision stands", async () => {
    const ideaId = await ideaAt("SUBMITTED", `Miến dong Na Rì ${w.tag}`, by);
    const results = await atOnce(
      { table: "ProductIdea", id: ideaId },
      () => actAs(w.wardOfficerA, () => transitionIdea({ ideaId, action: "forward" })),
      () => actAs(wardOfficerA2, () => transitionIdea({ ideaId, action: "return", comment: "Bổ sung nguồn nguyên liệu" })),
    );
    const winner = oneWins(results);
    const idea = await db.productIdea.findUniqueOrThrow({ where: { id: ideaId } });
    expect(idea.status).toBe(winner === 0 ? "WARD_ACCEPTED" : "RETURNED");
    // The timeline names the officer whose decision stood, and only that one.
    expect(await eventsOf("ProductIdea", ideaId, ["forward", "return"])).toEqual([
      { action: winner === 0 ? "forward" : "return", actorId: (winner === 0 ? w.wardOfficerA : wardOfficerA2).userId },
    ]);
    expect(await db.auditEntry.count({ where: { action: "idea.transition", entityId: ideaId, actorId: { in: [w.wardOfficerA.userId, wardOfficerA2.userId] } } })).toBe(1);
  });

  it("two office officers at once, one accepting and one rejecting: one decision stands", async () => {
    const ideaId = await ideaAt("WARD_ACCEPTED", `Chè Shan tuyết ${w.tag}`, by);
    const results = await atOnce(
      { table: "ProductIdea", id: ideaId },
      () => actAs(w.economicOffice, () => transitionIdea({ ideaId, action: "accept" })),
      () => actAs(office2, () => transitionIdea({ ideaId, action: "reject", comment: "Trùng với sản phẩm đã công nhận" })),
    );
    const winner = oneWins(results);
    expect((await db.productIdea.findUniqueOrThrow({ where: { id: ideaId } })).status).toBe(winner === 0 ? "ACCEPTED" : "REJECTED");
    expect(await eventsOf("ProductIdea", ideaId, ["accept", "reject"])).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "idea.transition", entityId: ideaId, actorId: { in: [w.economicOffice.userId, office2.userId] } } })).toBe(1);
  });

  it("a double-clicked submit sends the idea once: one revision, one notice to the ward", async () => {
    const ideaId = await ideaAt("DRAFT", `Mật ong bạc hà ${w.tag}`, by);
    const submit = () => actAs(w.producerUserA, () => transitionIdea({ ideaId, action: "submit" }));
    oneWins(await atOnce({ table: "ProductIdea", id: ideaId }, submit, submit));
    expect(await db.productIdea.findUniqueOrThrow({ where: { id: ideaId } })).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(await db.ideaRevision.count({ where: { ideaId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: w.wardOfficerA.userId, href: `/ideas/${ideaId}`, kind: "ideaSubmitted" } })).toBe(1);
    expect(await auditCount("idea.transition", ideaId)).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Business plans

const year = (y: number, revenue = "", cost = "") => ({ year: y, revenue, cost, profit: "" });

/** A complete plan draft of producer A on a newly accepted idea. */
async function completePlan(name: string) {
  const ideaId = await ideaAt("ACCEPTED", name, by);
  actAs(w.producerUserA);
  const { planId } = ok(
    await savePlanDraft({
      ideaId,
      market: "Siêu thị và cửa hàng đặc sản tại Bắc Kạn, Hà Nội; bán trực tuyến",
      production: "Thu hái, sấy lạnh, phân loại và đóng gói tại xưởng của hợp tác xã",
      capacity: "5 tấn mỗi năm",
      rawMaterialArea: "20 ha liên kết với 30 hộ",
      packaging: "Túi zip có tem truy xuất nguồn gốc",
      standards: [],
      capital: "800 triệu đồng",
      fundingSources: "",
      labour: "15 thành viên",
      financials: [year(2026, "1 tỷ", "800 triệu"), year(2027, "1,2 tỷ", "900 triệu"), year(2028, "1,5 tỷ", "1 tỷ")],
      milestones: [],
    }),
  );
  actAs(null);
  return planId;
}

describe("business plans", () => {
  it("approval and return at once by two office officers: one stands", async () => {
    const planId = await completePlan(`Nấm hương rừng ${w.tag}`);
    actAs(w.producerUserA);
    ok(await transitionPlan({ planId, action: "submit" }));
    const results = await atOnce(
      { table: "BusinessPlan", id: planId },
      () => actAs(w.economicOffice, () => transitionPlan({ planId, action: "approve" })),
      () => actAs(office2, () => transitionPlan({ planId, action: "return", comment: "Bổ sung phương án vốn" })),
    );
    const winner = oneWins(results);
    expect((await db.businessPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe(winner === 0 ? "APPROVED" : "RETURNED");
    expect(await eventsOf("BusinessPlan", planId, ["approve", "return"])).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "plan.transition", entityId: planId, actorId: { in: [w.economicOffice.userId, office2.userId] } } })).toBe(1);
  });

  it("a support activity marked done and cancelled at once by the office and the ward: one stands", async () => {
    const planId = await completePlan(`Gạo nếp Khẩu nua lếch ${w.tag}`);
    actAs(w.producerUserA);
    ok(await transitionPlan({ planId, action: "submit" }));
    actAs(w.economicOffice);
    ok(await transitionPlan({ planId, action: "approve" }));
    const { supportId } = ok(await logSupportActivity({ planId, kind: "TRAINING", fundingSource: "CITY", amount: "", date: today, status: "PLANNED", note: "" }));
    const results = await atOnce(
      { table: "SupportActivity", id: supportId },
      () => actAs(w.economicOffice, () => updateSupportStatus({ planId, supportId, status: "DONE" })),
      () => actAs(w.wardOfficerA, () => updateSupportStatus({ planId, supportId, status: "CANCELLED" })),
    );
    const winner = oneWins(results);
    expect((await db.supportActivity.findUniqueOrThrow({ where: { id: supportId } })).status).toBe(winner === 0 ? "DONE" : "CANCELLED");
    expect(await auditCount("plan.updateSupport", supportId)).toBe(1);
  });

  it("a double-clicked submit sends the plan once", async () => {
    const planId = await completePlan(`Lạp sườn gác bếp ${w.tag}`);
    const submit = () => actAs(w.producerUserA, () => transitionPlan({ planId, action: "submit" }));
    oneWins(await atOnce({ table: "BusinessPlan", id: planId }, submit, submit));
    expect(await db.businessPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(await eventsOf("BusinessPlan", planId, ["submit"])).toHaveLength(1);
    expect(await auditCount("plan.transition", planId)).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Dossiers

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const LONG = "Nội dung mô tả đầy đủ của chủ thể về sản phẩm.";

/** A dossier of producer A filled by the producer through the actions, ready to submit. */
async function readyDossier(name: string) {
  actAs(w.producerUserA);
  const { dossierId } = ok(await createDossier({ productName: name, criteriaSetNo: 7, evaluationType: "FIRST" }));
  const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
  ok(
    await saveDossierDraft({
      dossierId,
      version: d.updatedAt.toISOString(),
      productName: d.productName,
      criteriaSetNo: d.criteriaSetNo,
      evaluationType: d.evaluationType,
      previousCertificateId: "",
      sampleCount: 5,
      form01: { unitName: "HTX A", legalRepresentativeName: "Nguyễn Văn An", position: "Giám đốc", contactAddress: "Phường Đức Xuân", phone: "0912 345 678", email: "" },
      form02: {
        entityName: "HTX A",
        address: "Phường Đức Xuân",
        legalRepresentativeFullName: "Nguyễn Văn An",
        productDescription: LONG,
        rawMaterialAndProductionTechnology: LONG,
        distributionMarkets: LONG,
        businessResults: LONG,
        productionBusinessPlan: LONG,
      },
      selfScore: bestAnswers((await sheetData(7)) as CriteriaSheetData),
    }),
  );
  const evidence = new FormData();
  evidence.set("dossierId", dossierId);
  evidence.set("kind", "FOOD_SAFETY_CERTIFICATE");
  evidence.set("title", "Giấy chứng nhận cơ sở đủ điều kiện ATTP");
  evidence.set("issuedOn", "2025-01-10");
  evidence.set("expiresOn", "2029-01-09");
  evidence.append("itemCodes", "1.1");
  evidence.set("file", new File([PDF as BlobPart], "giay-chung-nhan.pdf", { type: "application/pdf" }));
  ok(await uploadEvidence(evidence));
  actAs(null);
  return dossierId;
}

describe("dossiers", () => {
  it("a double-clicked submit sends the dossier once: one revision, one ward deadline", async () => {
    const dossierId = await readyDossier(`Tinh bột nghệ ${w.tag} nộp`);
    const submit = () => actAs(w.producerUserA, () => transitionDossier({ dossierId, action: "submit" }));
    oneWins(await atOnce({ table: "Dossier", id: dossierId }, submit, submit));
    expect(await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(await db.dossierRevision.count({ where: { dossierId } })).toBe(1);
    expect(await eventsOf("Dossier", dossierId, ["submit"])).toHaveLength(1);
    expect(await auditCount("dossier.transition", dossierId)).toBe(1);
  });

  it("forward and return at once at the ward: one stands, and a code is given only if it was the forward", async () => {
    const dossierId = await readyDossier(`Tinh bột nghệ ${w.tag} chuyển`);
    actAs(w.producerUserA);
    ok(await transitionDossier({ dossierId, action: "submit" }));
    actAs(w.wardOfficerA);
    const version = (await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).updatedAt.toISOString();
    ok(
      await saveForm03({
        dossierId,
        version,
        form03: {
          communeName: "Phường Đức Xuân",
          entityName: "HTX A",
          registeredProduct: "Tinh bột nghệ",
          localRawMaterialUse: "Nguyên liệu nghệ trồng tại 3 thôn của phường.",
          localLabourUse: "12 lao động địa phương, có đóng bảo hiểm.",
          productIdeaOrigin: "Sản phẩm truyền thống của địa phương.",
          localIdentity: "Gắn với kinh nghiệm chế biến nghệ của người Tày.",
        },
      }),
    );
    const results = await atOnce(
      { table: "Dossier", id: dossierId },
      () => actAs(w.wardOfficerA, () => transitionDossier({ dossierId, action: "forward" })),
      () => actAs(wardOfficerA2, () => transitionDossier({ dossierId, action: "return", comment: "Thiếu phiếu kiểm nghiệm chỉ tiêu vi sinh" })),
    );
    const winner = oneWins(results);
    const row = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(row.status).toBe(winner === 0 ? "FORWARDED" : "RETURNED");
    // The loser's transaction rolled back whole: a returned dossier has no product code.
    if (winner === 0) expect(row.productCode).toMatch(/-/);
    else expect(row.productCode).toBeNull();
    expect(await eventsOf("Dossier", dossierId, ["forward", "return"])).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "dossier.transition", entityId: dossierId, actorId: { in: [w.wardOfficerA.userId, wardOfficerA2.userId] } } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Council sheets

describe("council sheets", () => {
  async function scoring() {
    const [chair, member] = await councilMembers(`${w.tag}-${Math.random().toString(36).slice(2, 6)}`, ["Chủ tịch hội đồng", "Ủy viên hội đồng"]);
    const dossier = await forwardedDossier(w.producerA.id);
    const round = await councilRound({ office: w.economicOffice, members: [{ actor: chair, role: "CHAIR" }, { actor: member }], dossierIds: [dossier.id] });
    return { chair, member, dossierId: dossier.id, roundId: round.id, sheet: await sheetData(7) };
  }

  it("a member's double-clicked submit counts the sheet once; the second click is a conflict", async () => {
    const { member, dossierId, sheet } = await scoring();
    actAs(member);
    const answers = answersWithTotal(sheet, 84);
    ok(await saveScoreDraft({ dossierId, answers }));
    const version = await sheetVersion(dossierId, member.userId);
    const submit = () => actAs(member, () => submitScoreSheet({ dossierId, version, answers }));
    oneWins(await atOnce({ table: "Dossier", id: dossierId }, submit, submit));
    const sheetRow = await db.scoreSheet.findUniqueOrThrow({ where: { dossierId_userId: { dossierId, userId: member.userId } } });
    expect(sheetRow).toMatchObject({ status: "SUBMITTED", total: 84 });
    expect(await eventsOf("ScoreSheet", sheetRow.id, ["submit"])).toHaveLength(1);
    expect(await auditCount("score.submit", sheetRow.id)).toBe(1);
    expect((await db.dossierResult.findUniqueOrThrow({ where: { dossierId } })).memberCount).toBe(1);
  });

  it("the last two sheets at once: both count, and the office hears once that all are in", async () => {
    const { chair, member, dossierId, roundId, sheet } = await scoring();
    const results = await atOnce(
      { table: "Dossier", id: dossierId },
      () => actAs(chair, () => submitScoreSheet({ dossierId, answers: answersWithTotal(sheet, 90) })),
      () => actAs(member, () => submitScoreSheet({ dossierId, answers: answersWithTotal(sheet, 86) })),
    );
    for (const r of results) ok(r);
    expect((await db.dossierResult.findUniqueOrThrow({ where: { dossierId } })).memberCount).toBe(2);
    expect(
      await db.notification.count({ where: { userId: w.economicOffice.userId, href: `/rounds/${roundId}`, kind: { in: ["councilNotices.allSubmitted", "councilNotices.discussionNeeded"] } } }),
    ).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Certificates

const revocation = (certificateId: string, decisionNumber: string) => ({
  certificateId,
  ground: "D",
  decisionNumber,
  decidedOn: today,
  signerName: "Nguyễn Văn An",
  signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh",
  note: "Biên bản kiểm tra số 12/BB-KT: dùng nhãn OCOP cho sản phẩm chưa được công nhận.",
});
/** Issued so that today is `daysBeforeExpiry` days before the certificate's last valid day. */
const issuedFor = (daysBeforeExpiry: number) => addMonths(addDays(today, daysBeforeExpiry), -36);

describe("certificates", () => {
  it("two revocations at once by two officers: one decision, one revocation", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(400) });
    const numbers = [`${w.tag}/QĐ-TH-1`, `${w.tag}/QĐ-TH-2`];
    const results = await atOnce(
      { table: "Certificate", id: certificate.id },
      () => actAs(w.economicOffice, () => revokeCertificate(revocation(certificate.id, numbers[0]!))),
      () => actAs(office2, () => revokeCertificate(revocation(certificate.id, numbers[1]!))),
    );
    const winner = oneWins(results);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, include: { revocationDecision: true } })).toMatchObject({
      status: "REVOKED",
      revocationDecision: { number: numbers[winner] },
    });
    // The loser's decision row went with its transaction.
    expect(await db.decision.count({ where: { number: { in: numbers } } })).toBe(1);
    expect(await eventsOf("Certificate", certificate.id, ["revoke"])).toHaveLength(1);
    expect(await auditCount("certificate.revoke", certificate.id)).toBe(1);
    expect(await db.notification.count({ where: { userId: w.producerUserA.userId, kind: "certNotices.revoked", href: `/certificates/${certificate.id}` } })).toBe(1);
  });

  it("a double-clicked revocation with the same decision number revokes once", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(400) });
    const revoke = () => actAs(w.economicOffice, () => revokeCertificate(revocation(certificate.id, `${w.tag}/QĐ-TH-KÉP`)));
    oneWins(await atOnce({ table: "Certificate", id: certificate.id }, revoke, revoke));
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).status).toBe("REVOKED");
    expect(await auditCount("certificate.revoke", certificate.id)).toBe(1);
  });

  it("a revocation decided while the producer opens a re-evaluation: the revoked certificate is not renewed", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(150) });
    const started = new Date();
    const results = await atOnce(
      { table: "Certificate", id: certificate.id },
      () => actAs(w.economicOffice, () => revokeCertificate(revocation(certificate.id, `${w.tag}/QĐ-TH-ĐGL`))),
      () => actAs(w.producerUserA, () => startReEvaluation({ certificateId: certificate.id })),
      { inOrder: true },
    );
    expect(oneWins(results)).toBe(0);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).status).toBe("REVOKED");
    expect(await db.dossier.count({ where: { previousCertificateId: certificate.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "certificate.startReEvaluation", actorId: w.producerUserA.userId, at: { gte: started } } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Points of sale

describe("points of sale", () => {
  it("a double-clicked approval approves once", async () => {
    const point = await db.pointOfSale.create({
      data: {
        trackingCode: `races${w.tag}${Date.now()}`,
        name: `Điểm bán đặc sản ${w.tag}`,
        operatorName: "Hộ kinh doanh Hoàng Thị Lan",
        address: "Tổ 5, phường Đức Xuân",
        wardId: w.wardA,
        locationKind: "MALL_SUPERMARKET_MARKET",
        contactName: "Hoàng Thị Lan",
        phone: "0912345678",
        totalItemCount: 100,
        ocopLocalItemCount: 70,
      },
    });
    const approve = () => actAs(w.economicOffice, () => approvePointOfSale({ pointOfSaleId: point.id, version: point.version, decisionNo: "125/QĐ-UBND", approvedOn: today, note: "" }));
    oneWins(await atOnce({ table: "PointOfSale", id: point.id }, approve, approve));
    expect(await db.pointOfSale.findUniqueOrThrow({ where: { id: point.id } })).toMatchObject({ status: "APPROVED", version: point.version + 1 });
    expect(await eventsOf("PointOfSale", point.id, ["approve"])).toHaveLength(1);
    expect(await auditCount("pointOfSale.approve", point.id)).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Inspections (two conclusions at once: inspections.test.ts)

describe("inspections", () => {
  it("a second click on conclude, arriving after the first was saved, is a conflict and writes nothing", async () => {
    const { certificate } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: issuedFor(400) });
    actAs(w.economicOffice);
    const { inspectionId } = ok(await planInspection({ certificateId: certificate.id, kind: "PERIODIC", plannedOn: addDays(today, 10), team: "Hoàng Thị Lan, chuyên viên Phòng Kinh tế" }));
    const allMet = { result: "MET", note: "" };
    const conclude = () =>
      concludeInspection({
        inspectionId,
        version: 0,
        inspectedOn: today,
        team: "Hoàng Thị Lan, chuyên viên Phòng Kinh tế",
        checklist: { criteriaMaintained: allMet, markUsedCorrectly: allMet, labelCorrect: allMet, advertisingCorrect: allMet },
        findings: "",
        conclusion: "COMPLIANT",
        followUp: "NONE",
        followUpNote: "",
        revocationGround: "",
      });
    ok(await conclude());
    expect(await conclude()).toEqual(expect.objectContaining({ ok: false, code: "CONFLICT" }));
    expect(await auditCount("inspection.conclude", inspectionId)).toBe(1);
    expect(await eventsOf("Inspection", inspectionId, ["conclude"])).toHaveLength(1);
  });
});
