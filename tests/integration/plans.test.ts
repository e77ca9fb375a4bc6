// Steps 3–4: the business plan of an accepted idea, its money in Vietnamese writing, appraisal
// by the Economic Office with the ward's comments, then support, milestones and the mark that
// opens evaluation.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { commentOnPlan, logSupportActivity, reportMilestone, savePlanDraft, transitionPlan } from "@/lib/actions/plans";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findPlan, listPlans, listSupport } from "@/lib/db/plans";
import { listStatusEvents } from "@/lib/db/timeline";
import { actAs } from "./act-as";
import { extraUser, ideaAt, notifiedUsers, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let wardOfficerB: Actor;
let acceptedIdea: string;
let forwardedIdea: string;
let draftIdea: string;
beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  const by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
  acceptedIdea = await ideaAt("ACCEPTED", "Nấm hương rừng Thanh Mai", by);
  forwardedIdea = await ideaAt("WARD_ACCEPTED", "Chè Shan tuyết Bằng Phúc", by);
  draftIdea = await ideaAt("DRAFT", "Lạp sườn gác bếp", by);
});
beforeEach(() => actAs(null));

const sorted = (ids: string[]) => [...ids].sort();
const activeIds = async (where: Prisma.UserWhereInput) => sorted((await db.user.findMany({ where: { ...where, isActive: true }, select: { id: true } })).map((u) => u.id));
const planRow = (id: string) => db.businessPlan.findUniqueOrThrow({ where: { id } });
const versionOf = async (id: string) => (await planRow(id)).updatedAt.toISOString();

type Money = string | number | null;
const year = (y: number, revenue: Money = "", cost: Money = "", profit: Money = "") => ({ year: y, revenue, cost, profit });

/** What the plan form sends: every section, three years of figures as typed, the open milestones. */
function planInput(ideaId: string, over: Record<string, unknown> = {}) {
  return {
    ideaId,
    market: "",
    production: "",
    capacity: "",
    rawMaterialArea: "",
    packaging: "",
    standards: [],
    capital: "",
    fundingSources: "",
    labour: "",
    financials: [year(2026), year(2027), year(2028)],
    milestones: [],
    ...over,
  };
}

const complete = {
  market: "Siêu thị và cửa hàng đặc sản tại Bắc Kạn, Hà Nội; bán trực tuyến",
  production: "Thu hái, sấy lạnh, phân loại và đóng gói tại xưởng của hợp tác xã",
  capacity: "5 tấn nấm khô mỗi năm",
  packaging: "Túi zip có tem truy xuất nguồn gốc",
  rawMaterialArea: "20 ha rừng nấm hương liên kết với 30 hộ",
  capital: "800 triệu đồng",
  labour: "15 thành viên, 20 lao động thời vụ",
};

describe("a plan follows an accepted idea, one per idea", () => {
  it("refuses a plan for an idea not yet accepted by the Economic Office", async () => {
    actAs(w.producerUserA);
    expect(await savePlanDraft(planInput(forwardedIdea))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await savePlanDraft(planInput(draftIdea))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await db.businessPlan.count({ where: { ideaId: { in: [forwardedIdea, draftIdea] } } })).toBe(0);
  });

  it("text in a money field is a VALIDATION error on that field, and nothing is saved", async () => {
    actAs(w.producerUserA);
    const result = await savePlanDraft(planInput(acceptedIdea, { market: "Chưa mất gì", financials: [year(2026, "một triệu rưỡi"), year(2027, "1.000.000", "-5.000"), year(2028, "1,500,000")] }));
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "financials.0.revenue": ["validation.money"], "financials.1.cost": ["validation.moneyNegative"], "financials.2.revenue": ["validation.money"] },
    });
    expect(await db.businessPlan.count({ where: { ideaId: acceptedIdea } })).toBe(0);
  });

  it("another producer cannot start a plan on the idea: NOT_FOUND", async () => {
    actAs(w.producerUserB);
    expect(await savePlanDraft(planInput(acceptedIdea))).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(w.wardOfficerA);
    expect(await savePlanDraft(planInput(acceptedIdea))).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await db.businessPlan.count({ where: { ideaId: acceptedIdea } })).toBe(0);
  });
});

describe("the plan journey", () => {
  const listed = async (actor: Actor) => (await listPlans(actor, { q: w.tag })).rows.map((r) => r.id);

  let planId: string;
  let href: string;
  let staleVersion: string;

  it("saves Vietnamese money as whole đồng and computes an empty profit", async () => {
    actAs(w.producerUserA);
    const saved = ok(
      await savePlanDraft(
        planInput(acceptedIdea, {
          standards: ["VIETGAP", "HACCP"],
          financials: [year(2026, "1.500.000", "", ""), year(2027, "2 triệu", "1.200.000 đ", ""), year(2028, "3,5 triệu", "4 triệu", "")],
          milestones: [
            { title: "Hoàn thiện bao bì", dueOn: "2026-06-30" },
            { title: "Đạt chứng nhận VietGAP", dueOn: "2026-09-30" },
          ],
          // Scope fields a forged form might add are not the plan's to take.
          producerId: w.producerB.id,
          status: "APPROVED",
        }),
      ),
    );
    planId = saved.planId;
    href = `/plans/${planId}`;
    const row = await planRow(planId);
    expect(row).toMatchObject({ ideaId: acceptedIdea, producerId: w.producerA.id, status: "DRAFT", standards: ["VIETGAP", "HACCP"], version: 0 });
    expect(row.financials).toEqual([
      { year: 2026, revenue: 1_500_000, cost: null, profit: null },
      { year: 2027, revenue: 2_000_000, cost: 1_200_000, profit: 800_000 },
      { year: 2028, revenue: 3_500_000, cost: 4_000_000, profit: -500_000 },
    ]);
    expect(saved.version).toBe(row.updatedAt.toISOString());
    const milestones = await db.planMilestone.findMany({ where: { planId }, orderBy: { sortOrder: "asc" } });
    expect(milestones.map((m) => [m.title, m.dueOn.toISOString().slice(0, 10)])).toEqual([
      ["Hoàn thiện bao bì", "2026-06-30"],
      ["Đạt chứng nhận VietGAP", "2026-09-30"],
    ]);
  });

  it("a typed profit (a loss, say) is kept as written", async () => {
    actAs(w.producerUserA);
    staleVersion = await versionOf(planId);
    ok(await savePlanDraft(planInput(acceptedIdea, { planId, version: staleVersion, financials: [year(2026, "10 triệu", "4 triệu", "-1.000.000"), year(2027, 2_000_000, 500_000), year(2028)] })));
    expect((await planRow(planId)).financials).toEqual([
      { year: 2026, revenue: 10_000_000, cost: 4_000_000, profit: -1_000_000 },
      { year: 2027, revenue: 2_000_000, cost: 500_000, profit: 1_500_000 },
      { year: 2028, revenue: null, cost: null, profit: null },
    ]);
    // The milestones not sent again are gone: the form sends all open ones each time.
    expect(await db.planMilestone.count({ where: { planId } })).toBe(0);
  });

  it("a save from a stale version is a CONFLICT; a bad figure later loses nothing already saved", async () => {
    actAs(w.producerUserA);
    expect(await savePlanDraft(planInput(acceptedIdea, { planId, version: staleVersion, market: "Bản cũ" }))).toEqual({ ok: false, code: "CONFLICT" });
    const before = await planRow(planId);
    expect(await savePlanDraft(planInput(acceptedIdea, { planId, version: before.updatedAt.toISOString(), financials: [year(2026, "mười triệu"), year(2027), year(2028)] }))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await planRow(planId)).toEqual(before);
  });

  it("one plan per idea: a second one is refused", async () => {
    actAs(w.producerUserA);
    expect(await savePlanDraft(planInput(acceptedIdea))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await db.businessPlan.count({ where: { ideaId: acceptedIdea } })).toBe(1);
  });

  it("another producer and another ward get NOT_FOUND on the plan, for every action", async () => {
    const before = await planRow(planId);
    for (const outsider of [w.producerUserB, wardOfficerB]) expect(await findPlan(outsider, planId)).toBeNull();
    actAs(w.producerUserB);
    expect(await savePlanDraft(planInput(acceptedIdea, { planId, version: before.updatedAt.toISOString(), market: "Sửa trộm" }))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await transitionPlan({ planId, action: "submit" })).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(wardOfficerB);
    expect(await commentOnPlan({ planId, comment: "Xã khác góp ý" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await logSupportActivity({ planId, kind: "TRAINING", fundingSource: "CITY", amount: "1.000.000", date: "2026-03-01", note: "" })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await planRow(planId)).toEqual(before);
    expect(await db.statusEvent.count({ where: { entityId: planId } })).toBe(0);
  });

  it("submitting an incomplete plan answers INCOMPLETE with the missing sections", async () => {
    actAs(w.producerUserA);
    const result = await transitionPlan({ planId, action: "submit" });
    expect(result).toMatchObject({ ok: false, code: "INCOMPLETE" });
    if (result.ok) return;
    // Every section the office appraises, and revenue and cost for each of the three years.
    const missing = Object.keys(result.fieldErrors ?? {});
    expect(missing.filter((k) => !k.startsWith("financials.")).sort()).toEqual(["capacity", "capital", "labour", "market", "packaging", "production", "rawMaterialArea"]);
    // The draft typed figures for two years only: the third year's revenue and cost are missing.
    expect(missing.filter((k) => k.startsWith("financials.")).sort()).toEqual(["financials.2.cost", "financials.2.revenue"]);
    expect((await planRow(planId)).status).toBe("DRAFT");
  });

  it("the producer completes and submits: the Economic Office and the ward are told", async () => {
    actAs(w.producerUserA);
    ok(
      await savePlanDraft(
        planInput(acceptedIdea, {
          ...complete,
          planId,
          version: await versionOf(planId),
          standards: ["VIETGAP"],
          financials: [year(2026, "1.500.000.000", "1,2 tỷ"), year(2027, "2 tỷ", "1,5 tỷ"), year(2028, "2.500.000.000", "1.800.000.000")],
          milestones: [
            { title: "Hoàn thiện bao bì", dueOn: "2026-06-30" },
            { title: "Đạt chứng nhận VietGAP", dueOn: "2026-09-30" },
          ],
        }),
      ),
    );
    expect(ok(await transitionPlan({ planId, action: "submit" }))).toEqual({ planId, status: "SUBMITTED" });
    const row = await planRow(planId);
    expect(row).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect((row.financials as { profit: number }[]).map((f) => f.profit)).toEqual([300_000_000, 500_000_000, 700_000_000]);
    const expected = sorted([...(await activeIds({ role: "ECONOMIC_OFFICE" })), ...(await activeIds({ role: "WARD_OFFICER", wardId: w.wardA }))]);
    expect(sorted(await notifiedUsers("planSubmitted", href))).toEqual(expected);
    // Under appraisal the producer cannot change it.
    expect(await savePlanDraft(planInput(acceptedIdea, { ...complete, planId, version: row.updatedAt.toISOString(), capacity: "10 tấn" }))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("the ward may comment (on the timeline, no status change) but not appraise", async () => {
    actAs(w.wardOfficerA);
    ok(await commentOnPlan({ planId, comment: "Xã xác nhận vùng nguyên liệu 12 ha" }));
    expect(await transitionPlan({ planId, action: "approve" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionPlan({ planId, action: "return", comment: "Xã trả lại" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await transitionPlan({ planId, action: "reject", comment: "Xã từ chối" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.producerUserA);
    expect(await transitionPlan({ planId, action: "approve" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await commentOnPlan({ planId, comment: "Chủ thể tự góp ý" })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await planRow(planId)).status).toBe("SUBMITTED");
    const events = await listStatusEvents({ entityType: "BusinessPlan", id: planId });
    expect(events.at(-1)).toMatchObject({ action: "comment", fromStatus: "SUBMITTED", toStatus: "SUBMITTED", comment: "Xã xác nhận vùng nguyên liệu 12 ha", actorName: w.wardOfficerA.name, actorRole: "WARD_OFFICER" });
    const told = await notifiedUsers("planCommented", href);
    expect(told).toContain(w.producerUserA.userId);
    expect(told).toContain(w.economicOffice.userId);
    expect(told).not.toContain(w.wardOfficerA.userId);
  });

  it("support cannot be logged before approval", async () => {
    actAs(w.economicOffice);
    expect(await logSupportActivity({ planId, kind: "TRAINING", fundingSource: "CITY", amount: "1.000.000", date: "2026-03-01", note: "" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await db.supportActivity.count({ where: { planId } })).toBe(0);
  });

  it("the Economic Office returns it with a comment (required); the producer revises and resubmits", async () => {
    actAs(w.economicOffice);
    expect(await transitionPlan({ planId, action: "return" })).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { comment: ["workflow.commentRequired"] } });
    expect(ok(await transitionPlan({ planId, action: "return", comment: "Bổ sung phương án tiêu thụ" }))).toEqual({ planId, status: "RETURNED" });
    expect(sorted(await notifiedUsers("planReturned", href))).toEqual(sorted([...(await activeIds({ role: "PRODUCER", producerId: w.producerA.id })), ...(await activeIds({ role: "WARD_OFFICER", wardId: w.wardA }))]));

    actAs(w.producerUserA);
    const row = await planRow(planId);
    ok(
      await savePlanDraft(
        planInput(acceptedIdea, {
          ...complete,
          market: "Siêu thị tại Bắc Kạn, Hà Nội; hợp đồng bao tiêu với 2 nhà phân phối",
          planId,
          version: row.updatedAt.toISOString(),
          financials: row.financials,
          milestones: [
            { title: "Hoàn thiện bao bì", dueOn: "2026-06-30" },
            { title: "Đạt chứng nhận VietGAP", dueOn: "2026-09-30" },
          ],
        }),
      ),
    );
    expect(ok(await transitionPlan({ planId, action: "resubmit" }))).toEqual({ planId, status: "SUBMITTED" });
    expect(await planRow(planId)).toMatchObject({ status: "SUBMITTED", version: 2, market: "Siêu thị tại Bắc Kạn, Hà Nội; hợp đồng bao tiêu với 2 nhà phân phối" });
  });

  it("the Economic Office approves", async () => {
    actAs(w.economicOffice);
    expect(ok(await transitionPlan({ planId, action: "approve", comment: "Phê duyệt" }))).toEqual({ planId, status: "APPROVED" });
    const row = await planRow(planId);
    expect(row.decidedAt).toBeInstanceOf(Date);
    const told = await notifiedUsers("planApproved", href);
    expect(told).toContain(w.producerUserA.userId);
    expect(told).toContain(w.wardOfficerA.userId);
    expect(told).not.toContain(w.economicOffice.userId);
  });

  it("support is logged by the office and the ward (amount as BigInt), the producer told; the producer cannot log", async () => {
    actAs(w.producerUserA);
    expect(await logSupportActivity({ planId, kind: "TRAINING", fundingSource: "CITY", amount: "1.000.000", date: "2026-03-01", note: "" })).toEqual({ ok: false, code: "FORBIDDEN" });

    actAs(w.economicOffice);
    const first = ok(await logSupportActivity({ planId, kind: "PACKAGING_DESIGN", fundingSource: "NATIONAL_TARGET_PROGRAMME", amount: "15.000.000", date: "2026-04-10", status: "DONE", note: "Thiết kế nhãn mác" }));
    const row = await db.supportActivity.findUniqueOrThrow({ where: { id: first.supportId } });
    expect(row).toMatchObject({ planId, kind: "PACKAGING_DESIGN", fundingSource: "NATIONAL_TARGET_PROGRAMME", amount: BigInt(15_000_000), status: "DONE", note: "Thiết kế nhãn mác", createdById: w.economicOffice.userId });
    expect(row.date.toISOString().slice(0, 10)).toBe("2026-04-10");
    expect(await notifiedUsers("supportLogged", href)).toEqual(await activeIds({ role: "PRODUCER", producerId: w.producerA.id }));
    expect((await db.auditEntry.findFirstOrThrow({ where: { entityId: first.supportId } })).action).toBe("plan.logSupport");

    actAs(w.wardOfficerA);
    ok(await logSupportActivity({ planId, kind: "TRAINING", fundingSource: "PROVINCE", amount: "2,5 triệu", date: "2026-05-02", note: "" }));
    const { rows, total } = await listSupport({ id: planId });
    expect(rows).toHaveLength(2);
    expect(total).toBe(BigInt(17_500_000));
  });

  it("a support amount written in words is refused on that field with validation.money, nothing logged", async () => {
    actAs(w.economicOffice);
    const before = await db.supportActivity.count({ where: { planId } });
    const bad = await logSupportActivity({ planId, kind: "PACKAGING_DESIGN", fundingSource: "NATIONAL_TARGET_PROGRAMME", amount: "mười lăm triệu", date: "2026-04-10", note: "" });
    expect(bad).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { amount: ["validation.money"] } });
    expect(await db.supportActivity.count({ where: { planId } })).toBe(before);
  });

  it("the office starts implementation; the producer reports a milestone; the office marks it ready", async () => {
    actAs(w.producerUserA);
    expect(await transitionPlan({ planId, action: "start-implementation" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    expect(ok(await transitionPlan({ planId, action: "start-implementation" }))).toEqual({ planId, status: "IMPLEMENTING" });

    const milestone = await db.planMilestone.findFirstOrThrow({ where: { planId, title: "Hoàn thiện bao bì" } });
    expect(await reportMilestone({ planId, milestoneId: milestone.id, doneOn: "2026-06-20", report: "Văn phòng báo thay" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.producerUserB);
    expect(await reportMilestone({ planId, milestoneId: milestone.id, doneOn: "2026-06-20", report: "Báo cáo giả" })).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(w.producerUserA);
    expect(await reportMilestone({ planId, milestoneId: "khong-co-moc-nay", doneOn: "2026-06-20", report: "Không có mốc" })).toEqual({ ok: false, code: "NOT_FOUND" });
    ok(await reportMilestone({ planId, milestoneId: milestone.id, doneOn: "2026-06-20", report: "Đã in 5.000 túi có tem truy xuất" }));
    const reported = await db.planMilestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(reported.doneOn!.toISOString().slice(0, 10)).toBe("2026-06-20");
    expect(reported).toMatchObject({ report: "Đã in 5.000 túi có tem truy xuất" });
    expect(reported.reportedAt).toBeInstanceOf(Date);
    const told = await notifiedUsers("milestoneReported", href);
    expect(told).toContain(w.economicOffice.userId);
    expect(told).toContain(w.wardOfficerA.userId);
    expect(told).not.toContain(w.producerUserA.userId);

    actAs(w.wardOfficerA);
    expect(await transitionPlan({ planId, action: "mark-ready" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    expect(ok(await transitionPlan({ planId, action: "mark-ready" }))).toEqual({ planId, status: "READY_FOR_EVALUATION" });
    expect(await notifiedUsers("planReady", href)).toContain(w.producerUserA.userId);
    actAs(w.producerUserA);
    expect(await reportMilestone({ planId, milestoneId: milestone.id, doneOn: "2026-06-21", report: "Báo cáo muộn" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("the timeline and the audit log tell the whole story", async () => {
    const events = await listStatusEvents({ entityType: "BusinessPlan", id: planId });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ["submit", "DRAFT", "SUBMITTED", "PRODUCER"],
      ["comment", "SUBMITTED", "SUBMITTED", "WARD_OFFICER"],
      ["return", "SUBMITTED", "RETURNED", "ECONOMIC_OFFICE"],
      ["resubmit", "RETURNED", "SUBMITTED", "PRODUCER"],
      ["approve", "SUBMITTED", "APPROVED", "ECONOMIC_OFFICE"],
      ["start-implementation", "APPROVED", "IMPLEMENTING", "ECONOMIC_OFFICE"],
      ["mark-ready", "IMPLEMENTING", "READY_FOR_EVALUATION", "ECONOMIC_OFFICE"],
    ]);
    expect(events[2]).toMatchObject({ comment: "Bổ sung phương án tiêu thụ", actorName: w.economicOffice.name });
    // The lists are scoped the same way as the record.
    expect(await listed(w.wardOfficerA)).toContain(planId);
    expect(await listed(w.economicOffice)).toContain(planId);
    expect(await listed(w.producerUserA)).toContain(planId);
    expect(await listed(wardOfficerB)).not.toContain(planId);
    expect(await listed(w.producerUserB)).not.toContain(planId);
    const audit = await db.auditEntry.findMany({ where: { entityType: "BusinessPlan", entityId: planId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "plan.saveDraft",
      "plan.saveDraft",
      "plan.saveDraft",
      "plan.transition",
      "plan.comment",
      "plan.transition",
      "plan.saveDraft",
      "plan.transition",
      "plan.transition",
      "plan.transition",
      "plan.transition",
    ]);
  });
});
