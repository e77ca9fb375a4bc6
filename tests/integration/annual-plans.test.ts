// The annual OCOP plan on a real database (issue 6 part 1): every target's achieved figure and the
// budget spent are checked against counts written here by hand in SQL, separately from
// lib/db/annual-plans.ts, for the whole city and for one ward; they agree with the dashboard and
// with the lists they open; a ward officer reads its own ward only and a producer nothing; the
// office's writes are validated with the form's messages, audited and guarded by version.
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  createAnnualPlan,
  deleteAnnualTarget,
  saveAnnualActivity,
  saveAnnualBudgetLine,
  saveAnnualTarget,
  setAnnualActivityDone,
  updateAnnualPlanHeader,
} from "@/lib/actions/annual-plans";
import { annualPlanProgress, annualPlanScope, listAnnualPlans } from "@/lib/db/annual-plans";
import { listCertificates } from "@/lib/db/certificates";
import { dashboardFunnel, dashboardHeadline } from "@/lib/db/dashboard";
import { listIdeas } from "@/lib/db/ideas";
import { listPlans } from "@/lib/db/plans";
import { TARGET_DEFINITIONS, type AnnualTargetKind } from "@/lib/domain/annual-plan";
import type { ActionResult } from "@/lib/errors";
import type { IdeaStatus, PlanStatus, PointOfSaleStatus } from "@/lib/generated/prisma/enums";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { extraUser, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

// Pages render here outside Next.js: translations from the catalogue, 404 as an error.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", messages: MESSAGES.vi as never, namespace: namespace as never }) };
});
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  useRouter: () => ({ refresh: () => undefined, push: () => undefined }),
}));

let w: World;
let officeB: Actor;
/** A cycle year of this file's own, far from the years other files fill. */
let Y: number;
let planId: string;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const asOk = async <T,>(actor: Actor, run: () => Promise<ActionResult<T>>) => {
  actAs(actor);
  return ok(await run());
};

async function certificate(producerId: string, issuedOn: string, star: number, type: "FIRST" | "UPGRADE" | "RE_EVALUATION") {
  const { dossier } = await issuedCertificate({ producerId, issuedOn, star, productName: `Sản phẩm ${randomUUID().slice(0, 6)}` });
  await db.dossier.update({ where: { id: dossier.id }, data: { evaluationType: type } });
}

async function idea(producerId: string, status: IdeaStatus, version = 1, cycleYear = Y) {
  return db.productIdea.create({ data: { producerId, cycleYear, status, productName: `Ý tưởng ${randomUUID().slice(0, 6)}`, version } });
}

async function plan(producerId: string, status: PlanStatus, version = 1, cycleYear = Y) {
  const i = await idea(producerId, "ACCEPTED", 1, cycleYear);
  return db.businessPlan.create({ data: { ideaId: i.id, producerId, status, version } });
}

async function pointOfSale(wardId: string, status: PointOfSaleStatus, approvedOn: string | null) {
  const tag = randomUUID().slice(0, 8);
  return db.pointOfSale.create({
    data: {
      trackingCode: `test-${tag}-${randomUUID()}`,
      name: `Điểm bán ${tag}`,
      operatorName: "Hộ kinh doanh Hoàng Thị Mai",
      address: "Tổ 5, phường Đức Xuân",
      wardId,
      locationKind: "TOURIST_SITE",
      contactName: "Hoàng Thị Mai",
      phone: "0912345678",
      totalItemCount: 100,
      ocopLocalItemCount: 70,
      status,
      approvalDecisionNo: approvedOn ? `${tag}/QĐ-UBND` : null,
      approvedOn: approvedOn ? d(approvedOn) : null,
    },
  });
}

beforeAll(async () => {
  w = await makeWorld();
  officeB = await extraUser(w.tag, "Cán bộ Phòng Kinh tế thứ hai", "ECONOMIC_OFFICE");
  // A year no cycle has: the counts below are then this file's records (and whatever else the
  // shared database holds in that year, which the independent SQL counts too).
  Y = 2031 + Math.floor(Math.random() * 60);
  while (await db.ocopCycle.findUnique({ where: { year: Y } })) Y = Y === 2099 ? 2031 : Y + 1;
  const cycle = await db.ocopCycle.create({ data: { year: Y, title: `Chu trình OCOP năm ${Y}` } });
  await db.cycleStep.createMany({
    data: [
      { cycleId: cycle.id, stepNo: 2, startsOn: d(`${Y}-02-01`), endsOn: d(`${Y}-04-30`) },
      { cycleId: cycle.id, stepNo: 3, startsOn: d(`${Y}-04-01`), endsOn: d(`${Y}-06-30`) },
    ],
  });

  // Recognitions: ward A two first (3★, 4★) and an upgrade; ward B a first 3★ and a re-evaluation
  // 5★; a first recognition of the year before counts for nothing.
  await certificate(w.producerA.id, `${Y}-03-15`, 3, "FIRST");
  await certificate(w.producerA.id, `${Y}-06-30`, 4, "FIRST");
  await certificate(w.producerA.id, `${Y}-12-31`, 4, "UPGRADE");
  await certificate(w.producerB.id, `${Y}-01-01`, 3, "FIRST");
  await certificate(w.producerB.id, `${Y}-05-20`, 5, "RE_EVALUATION");
  await certificate(w.producerB.id, `${Y - 1}-12-31`, 3, "FIRST");

  // Ideas of the cycle: drafts never submitted count for nothing, nor ideas of another cycle.
  await idea(w.producerA.id, "SUBMITTED");
  await idea(w.producerA.id, "REJECTED");
  await idea(w.producerA.id, "DRAFT", 0);
  await idea(w.producerB.id, "WARD_ACCEPTED");
  await idea(w.producerB.id, "SUBMITTED", 1, Y - 1);
  // Plans: approved, implementing and ready count; withdrawn, rejected and never submitted do not.
  const approvedA = await plan(w.producerA.id, "IMPLEMENTING");
  await plan(w.producerA.id, "READY_FOR_EVALUATION");
  await plan(w.producerA.id, "APPROVED", 0);
  await plan(w.producerB.id, "WITHDRAWN");
  const approvedB = await plan(w.producerB.id, "APPROVED");
  await plan(w.producerB.id, "REJECTED");
  // Points of sale by their approval date: approved and closed since count, submitted and last year's do not.
  await pointOfSale(w.wardA, "APPROVED", `${Y}-05-01`);
  await pointOfSale(w.wardB, "CLOSED", `${Y}-06-01`);
  await pointOfSale(w.wardA, "SUBMITTED", null);
  await pointOfSale(w.wardA, "APPROVED", `${Y - 1}-12-31`);
  // Support: done in the year counts; planned, cancelled or done the year before does not.
  const support = (planId: string, status: "DONE" | "PLANNED" | "CANCELLED", amount: number, date: string, fundingSource: "CITY" | "PROVINCE" | "NATIONAL_TARGET_PROGRAMME") =>
    db.supportActivity.create({ data: { planId, kind: "PACKAGING_DESIGN", fundingSource, amount: BigInt(amount), date: d(date), status } });
  await support(approvedA.id, "DONE", 15_000_000, `${Y}-06-01`, "CITY");
  await support(approvedA.id, "DONE", 2_500_000, `${Y}-09-01`, "PROVINCE");
  await support(approvedA.id, "PLANNED", 9_000_000, `${Y}-12-20`, "CITY");
  await support(approvedB.id, "DONE", 40_000_000, `${Y}-02-01`, "NATIONAL_TARGET_PROGRAMME");
  await support(approvedB.id, "CANCELLED", 1_000_000, `${Y}-02-01`, "CITY");
  await support(approvedB.id, "DONE", 7_000_000, `${Y - 1}-11-01`, "CITY");

  // The plan, written by the office through its actions.
  planId = (await asOk(w.economicOffice, () => createAnnualPlan({ year: Y, title: `Kế hoạch OCOP năm ${Y}`, decisionNumber: "45/KH-UBND", approvedOn: "2026-02-26", note: "" }))).planId;
  const target = (kind: AnnualTargetKind, quantity: number, o: { star?: number; wardId?: string } = {}) =>
    asOk(w.economicOffice, () => saveAnnualTarget({ planId, kind, quantity: String(quantity), star: o.star ? String(o.star) : "", wardId: o.wardId ?? "" }));
  await target("NEW_PRODUCTS", 4);
  await target("NEW_PRODUCTS", 2, { star: 3 });
  await target("NEW_PRODUCTS", 2, { wardId: w.wardA });
  await target("NEW_PRODUCTS", 1, { wardId: w.wardA, star: 4 });
  await target("UPGRADES", 1);
  await target("RE_EVALUATIONS", 2);
  await target("RE_EVALUATIONS", 1, { wardId: w.wardB });
  await target("IDEAS", 12);
  await target("IDEAS", 3, { wardId: w.wardA });
  await target("BUSINESS_PLANS", 3);
  await target("BUSINESS_PLANS", 1, { wardId: w.wardB });
  await target("POINTS_OF_SALE", 2);
  await target("POINTS_OF_SALE", 1, { wardId: w.wardA });
  const line = (source: "CITY" | "PROVINCE" | "NATIONAL_TARGET_PROGRAMME", amount: string, description: string) =>
    asOk(w.economicOffice, () => saveAnnualBudgetLine({ planId, source, stepNo: "4", description, amount }));
  await line("CITY", "20.000.000", "Hỗ trợ thiết kế bao bì");
  await line("PROVINCE", "1 triệu", "Tham gia hội chợ");
  await line("NATIONAL_TARGET_PROGRAMME", "100.000.000", "Hỗ trợ truy xuất nguồn gốc");
  await line("NATIONAL_TARGET_PROGRAMME", "50.000.000", "Hỗ trợ kiểm nghiệm sản phẩm");
});

// ---------------------------------------------------------------------------------------------
// The independent counts: plain SQL over the tables, a null ward meaning the whole city.

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

async function expectedAchieved(kind: AnnualTargetKind, star: number | null, ward: string | null): Promise<number> {
  const from = `${Y}-01-01`;
  const to = `${Y}-12-31`;
  const type = TARGET_DEFINITIONS[kind].evaluationType ?? null;
  let rows: Row[];
  switch (kind) {
    case "NEW_PRODUCTS":
    case "UPGRADES":
    case "RE_EVALUATIONS":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(*) AS n FROM "Certificate" c JOIN "Dossier" dd ON dd.id = c."dossierId" JOIN "Producer" pr ON pr.id = c."producerId"
         WHERE c."issuedOn" >= ${from}::date AND c."issuedOn" <= ${to}::date AND dd."evaluationType"::text = ${type}
           AND (${star}::int IS NULL OR c.star = ${star}) AND (${ward}::text IS NULL OR pr."wardId" = ${ward})`;
      break;
    case "IDEAS":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(*) AS n FROM "ProductIdea" i JOIN "Producer" pr ON pr.id = i."producerId"
         WHERE i."cycleYear" = ${Y} AND i.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})`;
      break;
    case "BUSINESS_PLANS":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(*) AS n FROM "BusinessPlan" b JOIN "ProductIdea" i ON i.id = b."ideaId" JOIN "Producer" pr ON pr.id = b."producerId"
         WHERE i."cycleYear" = ${Y} AND b.version > 0 AND b.status::text IN ('APPROVED', 'IMPLEMENTING', 'READY_FOR_EVALUATION')
           AND (${ward}::text IS NULL OR pr."wardId" = ${ward})`;
      break;
    case "POINTS_OF_SALE":
      rows = await db.$queryRaw<Row[]>`
        SELECT count(*) AS n FROM "PointOfSale" ps
         WHERE to_char(ps."approvedOn", 'YYYY') = ${String(Y)} AND ps.status::text IN ('APPROVED', 'CLOSED') AND (${ward}::text IS NULL OR ps."wardId" = ${ward})`;
      break;
  }
  return num(rows[0]!.n);
}

async function expectedSpent(ward: string | null): Promise<Record<string, bigint>> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."fundingSource"::text AS source, sum(s.amount)::text AS amount
      FROM "SupportActivity" s JOIN "BusinessPlan" b ON b.id = s."planId" JOIN "Producer" pr ON pr.id = b."producerId"
     WHERE s.status::text = 'DONE' AND to_char(s.date, 'YYYY') = ${String(Y)} AND b.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
     GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [String(r.source), BigInt(String(r.amount))]));
}

async function expectedPlanned(): Promise<Record<string, bigint>> {
  const rows = await db.$queryRaw<Row[]>`SELECT source::text AS source, sum(amount)::text AS amount FROM "AnnualBudgetLine" WHERE "annualPlanId" = ${planId} GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [String(r.source), BigInt(String(r.amount))]));
}

describe("every achieved figure equals an independent SQL count", () => {
  it("for the whole city and each ward target, as the Economic Office and a leader see them", async () => {
    for (const actor of [w.economicOffice, w.leader]) {
      const p = (await annualPlanProgress(actor, Y, { today: `${Y}-07-01` }))!;
      expect(p.targets).toHaveLength(13);
      for (const t of p.targets) expect(t.achieved, `${t.kind} ${t.star ?? "*"} ${t.wardId ?? "city"}`).toBe(await expectedAchieved(t.kind, t.star, t.wardId));
    }
    // The arrangement shows in the figures, so the comparison is not between zeros.
    const p = (await annualPlanProgress(w.economicOffice, Y))!;
    const city = (kind: AnnualTargetKind, star: number | null = null) => p.targets.find((t) => t.kind === kind && t.wardId === null && t.star === star)!.achieved;
    expect([city("NEW_PRODUCTS"), city("NEW_PRODUCTS", 3), city("UPGRADES"), city("RE_EVALUATIONS"), city("IDEAS"), city("BUSINESS_PLANS"), city("POINTS_OF_SALE")]).toEqual([3, 2, 1, 1, 9, 3, 2]);
  });

  it("for a ward officer: its own ward's targets, counted in its own ward", async () => {
    const p = (await annualPlanProgress(w.wardOfficerA, Y, { wardId: w.wardB }))!;
    expect(p.wardId).toBe(w.wardA);
    expect(p.targets.length).toBe(4);
    expect(new Set(p.targets.map((t) => t.wardId))).toEqual(new Set([w.wardA]));
    for (const t of p.targets) expect(t.achieved, `${t.kind} ${t.star ?? "*"}`).toBe(await expectedAchieved(t.kind, t.star, w.wardA));
    expect(p.targets.find((t) => t.kind === "NEW_PRODUCTS" && t.star === null)!.achieved).toBe(2);
    // The budget is the city's: a ward officer is not shown the city's lines against its ward's spending.
    expect(p.budget).toBeNull();
  });

  it("a city role may narrow to one ward's targets, with the same figures", async () => {
    const p = (await annualPlanProgress(w.leader, Y, { wardId: w.wardB }))!;
    expect(p.targets.map((t) => t.wardId)).toEqual([w.wardB, w.wardB]);
    for (const t of p.targets) expect(t.achieved).toBe(await expectedAchieved(t.kind, t.star, w.wardB));
  });

  it("the budget: planned by source from the lines, spent from the support done in the year", async () => {
    const p = (await annualPlanProgress(w.economicOffice, Y))!;
    const planned = await expectedPlanned();
    const spent = await expectedSpent(null);
    const sources = [...new Set([...Object.keys(planned), ...Object.keys(spent)])];
    expect(p.budget!.bySource.map((r) => r.source).sort()).toEqual(sources.sort());
    for (const r of p.budget!.bySource) {
      expect(r.planned, `${r.source} planned`).toBe(planned[r.source] ?? BigInt(0));
      expect(r.spent, `${r.source} spent`).toBe(spent[r.source] ?? BigInt(0));
    }
    expect(p.budget!.bySource.find((r) => r.source === "NATIONAL_TARGET_PROGRAMME")!.planned).toBe(BigInt(150_000_000));
    // 2.5 million spent from the province against 1 million planned ("1 triệu" as typed).
    expect(p.budget!.bySource.find((r) => r.source === "PROVINCE")).toMatchObject({ planned: BigInt(1_000_000), over: true });
    expect(p.budget!.lines).toHaveLength(4);
  });
});

describe("the figures agree with the dashboard and open lists of their length", () => {
  for (const [label, who, ward] of [
    ["the city", () => w.economicOffice, () => null],
    ["a ward officer", () => w.wardOfficerA, () => w.wardA],
  ] as const) {
    it(`for ${label}`, async () => {
      const actor = who();
      const wardId = ward();
      const p = (await annualPlanProgress(actor, Y))!;
      const headline = (await dashboardHeadline(actor, { year: Y }, `${Y}-07-01`))!;
      const funnel = Object.fromEntries((await dashboardFunnel(actor, { year: Y }))!.map((s) => [s.key, s.count]));
      const mine = (kind: AnnualTargetKind) => p.targets.find((t) => t.kind === kind && t.wardId === wardId && t.star === null);
      if (wardId === null) {
        expect(mine("NEW_PRODUCTS")!.achieved).toBe(headline.newThisYear.FIRST);
        expect(mine("UPGRADES")!.achieved).toBe(headline.newThisYear.UPGRADE);
        expect(mine("RE_EVALUATIONS")!.achieved).toBe(headline.newThisYear.RE_EVALUATION);
        expect(mine("BUSINESS_PLANS")!.achieved).toBe(funnel.plansApproved);
        const spent = Object.fromEntries(headline.supportSpent.map((s) => [s.source, s.amount]));
        for (const r of p.budget!.bySource) expect(r.spent, r.source).toBe(spent[r.source] ?? BigInt(0));
      } else {
        expect(mine("NEW_PRODUCTS")!.achieved).toBe(headline.newThisYear.FIRST);
      }
      expect(mine("IDEAS")!.achieved).toBe(funnel.ideasSubmitted);

      // Each exact figure is the length of the list it links to (certificates, ideas, plans).
      const wardParam = actor.role === "WARD_OFFICER" ? undefined : (wardId ?? undefined);
      for (const t of p.targets) {
        const f = TARGET_DEFINITIONS[t.kind];
        const listWard = actor.role === "WARD_OFFICER" ? undefined : (t.wardId ?? wardParam);
        let total: number | null = null;
        if (f.record === "certificate") total = (await listCertificates(actor, { issuedYear: Y, evaluationType: f.evaluationType, star: t.star ?? undefined, wardId: listWard }, `${Y}-07-01`)).total;
        if (f.record === "idea") total = (await listIdeas(actor, { year: Y, wardId: listWard })).total;
        if (f.record === "plan") total = (await listPlans(actor, { year: Y, stage: "approved", wardId: listWard })).total;
        if (total !== null) expect(total, `${t.kind} ${t.star ?? "*"} ${t.wardId ?? "city"}`).toBe(t.achieved);
      }
    });
  }
});

describe("pace and overall progress", () => {
  it("says behind, on track, achieved or missed by the day of the cycle", async () => {
    const status = async (today: string) => {
      const p = (await annualPlanProgress(w.economicOffice, Y, { today }))!;
      return (kind: AnnualTargetKind, star: number | null = null, wardId: string | null = null) => p.targets.find((t) => t.kind === kind && t.star === star && t.wardId === wardId)!;
    };
    // Four new products: 3 achieved; none due before round 1 closes on 30/6, 2 after it, all after 30/12.
    expect((await status(`${Y}-06-30`))("NEW_PRODUCTS")).toMatchObject({ quantity: 4, achieved: 3, expected: 0, percent: 75, status: "ON_TRACK" });
    expect((await status(`${Y}-07-01`))("NEW_PRODUCTS")).toMatchObject({ expected: 2, status: "ON_TRACK" });
    expect((await status(`${Y}-12-31`))("NEW_PRODUCTS")).toMatchObject({ expected: 4, status: "BEHIND" });
    expect((await status(`${Y + 1}-01-01`))("NEW_PRODUCTS").status).toBe("MISSED");
    expect((await status(`${Y - 1}-12-31`))("NEW_PRODUCTS").status).toBe("NOT_STARTED");
    // Ideas follow step 2's window (1/2–30/4, 89 days): 12 planned, 9 achieved; 28 or 29 days in,
    // 3 are due; from 1/5 all 12.
    expect((await status(`${Y}-05-01`))("IDEAS")).toMatchObject({ achieved: 9, expected: 12, status: "BEHIND" });
    expect((await status(`${Y}-03-01`))("IDEAS")).toMatchObject({ expected: 3, status: "ON_TRACK" });
    expect((await status(`${Y}-03-01`))("NEW_PRODUCTS", 3)).toMatchObject({ achieved: 2, status: "ACHIEVED", percent: 100 });
  });

  it("lists the cycles newest first with the plan's overall progress", async () => {
    const rows = (await listAnnualPlans(w.economicOffice, `${Y}-07-01`))!;
    const years = rows.map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const row = rows.find((r) => r.year === Y)!;
    const p = (await annualPlanProgress(w.economicOffice, Y, { today: `${Y}-07-01` }))!;
    expect(row.plan).toMatchObject({ id: planId, targets: 13, overall: p.overall });
    expect(p.overall.targets).toBe(13);
    // The ward officer's row sums its own ward's targets only.
    const own = (await listAnnualPlans(w.wardOfficerA, `${Y}-07-01`))!.find((r) => r.year === Y)!;
    expect(own.plan!.targets).toBe(4);
  });
});

describe("who may read and write", () => {
  it("producers and council members read nothing; a ward officer without a ward neither", async () => {
    for (const actor of [w.producerUserA, w.council, w.communications, { ...w.wardOfficerA, wardId: null }]) {
      expect(annualPlanScope(actor)).toBeNull();
      expect(await annualPlanProgress(actor, Y)).toBeNull();
      expect(await listAnnualPlans(actor)).toBeNull();
    }
  });

  it("a producer gets 404 on every write; a ward officer and a leader are refused", async () => {
    actAs(w.producerUserA);
    expect(await saveAnnualTarget({ planId, kind: "IDEAS", quantity: "1", star: "", wardId: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await createAnnualPlan({ year: Y, title: "Kế hoạch giả mạo" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const actor of [w.wardOfficerA, w.leader]) {
      actAs(actor);
      expect(await saveAnnualTarget({ planId, kind: "IDEAS", quantity: "9", star: "", wardId: w.wardA })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await updateAnnualPlanHeader({ planId, version: 0, title: "Sửa trái phép", decisionNumber: "", approvedOn: "", note: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.annualTarget.count({ where: { annualPlanId: planId } })).toBe(13);
  });
});

describe("validation", () => {
  const office = () => actAs(w.economicOffice);

  it("refuses a second target of the same kind, star and ward with a clear message", async () => {
    office();
    const r = await saveAnnualTarget({ planId, kind: "NEW_PRODUCTS", quantity: "6", star: "", wardId: w.wardA });
    expect(r).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { _: ["annualplanform.duplicateTarget"] } });
    // Editing another target into a copy of an existing one is the same duplicate.
    const p = (await annualPlanProgress(w.economicOffice, Y))!;
    const ideasA = p.targets.find((t) => t.kind === "IDEAS" && t.wardId === w.wardA)!;
    expect(await saveAnnualTarget({ planId, targetId: ideasA.id, kind: "IDEAS", quantity: "1", star: "", wardId: "" })).toMatchObject({ fieldErrors: { _: ["annualplanform.duplicateTarget"] } });
    // Editing a target without changing its key is no duplicate of itself.
    expect((await saveAnnualTarget({ planId, targetId: ideasA.id, kind: "IDEAS", quantity: "4", star: "", wardId: w.wardA })).ok).toBe(true);
  });

  it("speaks each field's problem in the catalogue's words", async () => {
    office();
    expect(await saveAnnualTarget({ planId, kind: "IDEAS", quantity: "2", star: "3", wardId: "" })).toMatchObject({ code: "VALIDATION", fieldErrors: { star: ["annualplanform.starNotApplicable"] } });
    expect(await saveAnnualTarget({ planId, kind: "NEW_PRODUCTS", quantity: "2", star: "2", wardId: "" })).toMatchObject({ fieldErrors: { star: ["annualplanform.starInvalid"] } });
    expect(await saveAnnualTarget({ planId, kind: "UPGRADES", quantity: "0", star: "", wardId: "" })).toMatchObject({ fieldErrors: { quantity: ["annualplanform.quantityMin"] } });
    expect(await saveAnnualTarget({ planId, kind: "UPGRADES", quantity: "2", star: "", wardId: w.producerA.id })).toMatchObject({ fieldErrors: { wardId: ["annualplanform.wardUnknown"] } });
    expect(await saveAnnualBudgetLine({ planId, source: "CITY", stepNo: "", description: "Kinh phí", amount: "0" })).toMatchObject({ fieldErrors: { amount: ["annualplanform.amountPositive"] } });
    expect(await saveAnnualBudgetLine({ planId, source: "CITY", stepNo: "", description: "Kinh phí", amount: "1,500,000" })).toMatchObject({ fieldErrors: { amount: ["validation.money"] } });
    expect(await saveAnnualBudgetLine({ planId, source: "CITY", stepNo: "7", description: "Kinh phí", amount: "1.000.000" })).toMatchObject({ fieldErrors: { stepNo: ["validation.choose"] } });
    const activity = { planId, stepNo: "2", title: "Tiếp nhận ý tưởng sản phẩm", owner: "UBND các xã, phường" };
    expect(await saveAnnualActivity({ ...activity, startsOn: `${Y}-05-02`, endsOn: `${Y}-05-01` })).toMatchObject({ fieldErrors: { endsOn: ["annualplanform.endsBeforeStarts"] } });
    // The year is the plan's, whatever the form believed.
    expect(await saveAnnualActivity({ ...activity, startsOn: `${Y - 1}-12-01`, endsOn: `${Y}-01-10` })).toMatchObject({ fieldErrors: { startsOn: ["annualplanform.outsideYear"] } });
    expect(await updateAnnualPlanHeader({ planId, version: 0, title: "Kế", decisionNumber: "", approvedOn: "", note: "" })).toMatchObject({ fieldErrors: { title: ["validation.tooShort"] } });
    expect(await createAnnualPlan({ year: Y, title: `Kế hoạch thứ hai năm ${Y}` })).toEqual({ ok: false, code: "CONFLICT", fieldErrors: { _: ["annualplanform.planExists"] } });
    expect(await createAnnualPlan({ year: 1999, title: "Kế hoạch năm 1999" })).toMatchObject({ fieldErrors: { year: ["validation.number"] } });
    expect(await db.annualPlan.count({ where: { cycle: { year: Y } } })).toBe(1);
  });

  it("activities: dated in the year, marked done on a day that has come, overdue when late", async () => {
    office();
    const { activityId } = ok(await saveAnnualActivity({ planId, stepNo: "4", title: "Hỗ trợ thiết kế bao bì, nhãn mác", owner: "Phòng Kinh tế", startsOn: `${Y}-05-01`, endsOn: `${Y}-06-30` }));
    const state = async (today: string) => (await annualPlanProgress(w.leader, Y, { today }))!.steps.find((s) => s.stepNo === 4)!.activities.find((a) => a.id === activityId)!.state;
    expect(await state(`${Y}-06-30`)).toBe("IN_PROGRESS");
    expect(await state(`${Y}-07-01`)).toBe("OVERDUE");
    // Today is before the plan's year here, so any day of that year is still to come.
    expect(await setAnnualActivityDone({ planId, activityId, done: true, doneOn: `${Y}-07-05` })).toMatchObject({ code: "VALIDATION", fieldErrors: { doneOn: ["annualplanform.doneInFuture"] } });
    expect(await setAnnualActivityDone({ planId, activityId, done: true, doneOn: "2020-01-01" })).toMatchObject({ fieldErrors: { doneOn: ["annualplanform.doneBeforeYear"] } });
    await db.annualActivity.update({ where: { id: activityId }, data: { doneOn: d(`${Y}-06-20`) } });
    expect(await state(`${Y}-07-01`)).toBe("DONE");
    ok(await setAnnualActivityDone({ planId, activityId, done: false }));
    expect(await state(`${Y}-07-01`)).toBe("OVERDUE");
  });
});

describe("writes", () => {
  it("a header saved from a stale version is a conflict, and nothing of it is written", async () => {
    const current = (await db.annualPlan.findUniqueOrThrow({ where: { id: planId } })).version;
    actAs(w.economicOffice);
    const first = await updateAnnualPlanHeader({ planId, version: current, title: `Kế hoạch OCOP năm ${Y} (sửa đổi)`, decisionNumber: "46/KH-UBND", approvedOn: "2026-03-01", note: "Điều chỉnh chỉ tiêu" });
    expect(first).toMatchObject({ ok: true, data: { version: current + 1 } });
    actAs(officeB);
    const second = await updateAnnualPlanHeader({ planId, version: current, title: "Bản sửa của người khác", decisionNumber: "", approvedOn: "", note: "" });
    expect(second).toEqual({ ok: false, code: "CONFLICT" });
    const saved = await db.annualPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(saved).toMatchObject({ title: `Kế hoạch OCOP năm ${Y} (sửa đổi)`, decisionNumber: "46/KH-UBND", version: current + 1 });
    expect(await updateAnnualPlanHeader({ planId, version: current + 1, title: saved.title, decisionNumber: "", approvedOn: "2999-01-01", note: "" })).toMatchObject({ fieldErrors: { approvedOn: ["annualplanform.approvedInFuture"] } });
  });

  it("each write is in the audit log; a ward's targets changing tells its officer", async () => {
    const actions = await db.auditEntry.groupBy({ by: ["action"], where: { OR: [{ entityId: planId }, { after: { path: ["annualPlanId"], equals: planId } }] }, _count: { _all: true } });
    const count = Object.fromEntries(actions.map((a) => [a.action, a._count._all]));
    expect(count["annualPlan.create"]).toBe(1);
    expect(count["annualPlan.saveTarget"]).toBeGreaterThanOrEqual(13);
    expect(count["annualPlan.saveBudgetLine"]).toBe(4);
    expect(count["annualPlan.updateHeader"]).toBe(1);
    // Deleting a ward target: audited with what it was, and the ward hears of it.
    const p = (await annualPlanProgress(w.economicOffice, Y))!;
    const posA = p.targets.find((t) => t.kind === "POINTS_OF_SALE" && t.wardId === w.wardA)!;
    const before = await db.notification.count({ where: { userId: w.wardOfficerA.userId, kind: "annualPlans.notices.wardTargets" } });
    actAs(w.economicOffice);
    ok(await deleteAnnualTarget({ planId, itemId: posA.id }));
    expect(await db.notification.count({ where: { userId: w.wardOfficerA.userId, kind: "annualPlans.notices.wardTargets" } })).toBe(before + 1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "annualPlan.deleteTarget", entityId: posA.id } });
    expect(entry.before).toMatchObject({ kind: "POINTS_OF_SALE", wardId: w.wardA, quantity: 1 });
    expect(await deleteAnnualTarget({ planId, itemId: posA.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Put back for the tests that count 13 targets, whatever order the files run in.
    ok(await saveAnnualTarget({ planId, kind: "POINTS_OF_SALE", quantity: "1", star: "", wardId: w.wardA }));
  });
});

describe("the pages", () => {
  const render = async (actor: Actor, year: string) => {
    actAs(actor);
    const { default: Page } = await import("@/app/(portal)/annual-plans/[year]/page");
    return renderToStaticMarkup(await Page({ params: Promise.resolve({ year }) }));
  };

  it("the plan links each figure to its filtered list; a ward officer's page shows its ward only", async () => {
    const html = await render(w.leader, String(Y));
    expect(html).toContain(`href="/certificates?year=${Y}&amp;type=FIRST"`);
    expect(html).toContain(`href="/certificates?year=${Y}&amp;type=FIRST&amp;star=4&amp;ward=${w.wardA}"`);
    expect(html).toContain(`href="/ideas?year=${Y}&amp;ward=${w.wardA}"`);
    expect(html).toContain(`href="/plans?year=${Y}&amp;ward=${w.wardB}&amp;stage=approved"`);
    expect(html).toContain(`href="/plans?supportYear=${Y}&amp;source=NATIONAL_TARGET_PROGRAMME"`);
    expect(html).toMatch(/<table[^>]*data-testid="targets-table"/);
    expect(html).toContain("Bước 5. Đánh giá và phân hạng sản phẩm");
    const ward = await render(w.wardOfficerA, String(Y));
    expect(ward).not.toContain(w.wardB);
    expect(ward).toContain(`href="/certificates?year=${Y}&amp;type=FIRST"`);
    expect(ward).not.toContain("budget-by-source");
  });

  it("answers 404 to a producer, and for a year without a cycle", async () => {
    await expect(render(w.producerUserA, String(Y))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(render(w.leader, "1999")).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(render(w.leader, "abc")).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("the dashboard's targets panel shows the year's targets against the records", async () => {
    actAs(w.leader);
    const { TargetsPanel } = await import("@/components/dashboard/targets-panel");
    const html = renderToStaticMarkup(await TargetsPanel({ actor: w.leader, year: Y, today: `${Y}-07-01` }));
    expect(html).toMatch(/<table[^>]*data-testid="targets-table"/);
    expect(html).toContain(`href="/annual-plans/${Y}"`);
    const none = renderToStaticMarkup(await TargetsPanel({ actor: w.leader, year: 1990, today: `${Y}-07-01` }));
    expect(none).toContain("chưa có kế hoạch OCOP");
  });
});
