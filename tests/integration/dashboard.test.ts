// The leaders' dashboard on a real database (issue 6, done-when): every figure is checked against
// a count written here by hand in SQL, separately from lib/db/dashboard.ts, for the whole city and
// for one ward; a ward officer's figures leave the other ward out whatever the URL asks; the
// lists the figures link to hold exactly that many rows; producers and council members get nothing.
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listCertificates } from "@/lib/db/certificates";
import { searchCatalogue } from "@/lib/db/catalogue";
import { dashboardBreakdowns, dashboardFunnel, dashboardHeadline, dashboardScope, dashboardTrend } from "@/lib/db/dashboard";
import { listDossiers } from "@/lib/db/dossiers";
import { listIdeas } from "@/lib/db/ideas";
import { listPlans } from "@/lib/db/plans";
import { listProducers } from "@/lib/db/producers";
import { addDays, addMonths, vietnamDateOf } from "@/lib/domain/dates";
import type { IdeaStatus, PlanStatus } from "@/lib/generated/prisma/enums";
import { actAs } from "./act-as";
import { recognised } from "./certificate-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { extraProducer, type World } from "./helpers";
import { db, makeWorld } from "./world";

// The page renders here outside Next.js: translations from the catalogue, 404 as an error, and the
// charts (drawn in the browser only) left out; their tables are in the page itself.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", messages: MESSAGES.vi as never, namespace: namespace as never }) };
});
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/components/dashboard/lazy-bar-chart", () => ({ LazyBarChart: () => null }));

let w: World;
const today = vietnamDateOf(new Date());
const year = Number(today.slice(0, 4));
const Y = (n: number) => `${year + n}`;

async function idea(producerId: string, status: IdeaStatus, version = 1, cycleYear = year) {
  return db.productIdea.create({ data: { producerId, cycleYear, status, productName: `Ý tưởng ${randomUUID().slice(0, 6)}`, version } });
}

async function plan(producerId: string, status: PlanStatus, cycleYear = year) {
  const i = await idea(producerId, "ACCEPTED", 1, cycleYear);
  return db.businessPlan.create({ data: { ideaId: i.id, producerId, status, version: 1 } });
}

beforeAll(async () => {
  w = await makeWorld();
  const household = (await extraProducer(w.tag, "Hộ Hoàng Văn", w.wardB)).producer;
  await extraProducer(w.tag, "Hộ chờ xác minh", w.wardA, "PENDING");

  // Ward A: 3★ this year (first recognition), 4★ two years ago, 5★ upgrade this year, a 3★
  // expiring within 90 days, a 4★ revoked this year.
  await recognised(w.producerA.id, { star: 3, issuedOn: `${Y(0)}-03-15` });
  await recognised(w.producerA.id, { star: 4, issuedOn: `${Y(-2)}-06-01`, criteriaSetNo: 11 });
  const upgradeA = await recognised(w.producerA.id, { star: 5, issuedOn: `${Y(0)}-05-20`, type: "UPGRADE", criteriaSetNo: 21 });
  // Expires within 90 days (issued 36 months before a day 60 days ahead).
  await recognised(w.producerA.id, { star: 3, issuedOn: addMonths(addDays(today, 60), -36) });
  const revokedA = await recognised(w.producerA.id, { star: 4, issuedOn: `${Y(-1)}-02-10` });
  await db.certificate.update({ where: { id: revokedA.certificate.id }, data: { status: "REVOKED", revocationGround: "D", revokedOn: new Date(`${Y(0)}-04-01T00:00:00Z`) } });
  // Ward B: 5★ this year (re-evaluation) by a household business, 4★ revoked last year, 3★ last year.
  const b5 = await recognised(household.id, { star: 5, issuedOn: `${Y(0)}-01-02`, type: "RE_EVALUATION", criteriaSetNo: 6 });
  const revokedB = await recognised(w.producerB.id, { star: 4, issuedOn: `${Y(-3)}-12-31` });
  await db.certificate.update({ where: { id: revokedB.certificate.id }, data: { status: "REVOKED", revocationGround: "B", revokedOn: new Date(`${Y(-1)}-12-31T00:00:00Z`) } });
  await recognised(w.producerB.id, { star: 3, issuedOn: `${Y(-1)}-07-07` });

  // Promotion: A's upgrade in a published gift set; B's 5★ at a confirmed fair entry; an
  // unpublished set and a declined entry promote nothing.
  const tag = randomUUID().slice(0, 8);
  await db.giftSet.create({ data: { slug: `qua-${tag}`, name: `Quà ${tag}`, published: true, publishedAt: new Date(), items: { create: [{ productId: upgradeA.productId }] } } });
  await db.giftSet.create({ data: { slug: `nhap-${tag}`, name: `Nháp ${tag}`, items: { create: [{ productId: revokedA.productId }] } } });
  const fair = await db.tradeEvent.create({
    data: { slug: `hoi-cho-${tag}`, name: `Hội chợ ${tag}`, kind: "FAIR", level: "PROVINCIAL", startsOn: new Date(`${Y(0)}-12-10T00:00:00Z`), endsOn: new Date(`${Y(0)}-12-14T00:00:00Z`), place: "Bắc Kạn", organiser: "Sở Công Thương", boothCapacity: 10, status: "PUBLISHED" },
  });
  await db.eventParticipant.create({ data: { eventId: fair.id, producerId: household.id, status: "CONFIRMED", products: { connect: [{ id: b5.productId }] } } });
  await db.eventParticipant.create({ data: { eventId: fair.id, producerId: w.producerB.id, status: "DECLINED" } });

  // Ideas, plans, dossiers of the cycle in both wards; drafts never submitted are nobody's figure.
  await idea(w.producerA.id, "SUBMITTED");
  await idea(w.producerA.id, "ACCEPTED");
  await idea(w.producerA.id, "DRAFT", 0);
  await idea(w.producerB.id, "REJECTED");
  await idea(w.producerB.id, "ACCEPTED", 1, year - 1);
  const approvedA = await plan(w.producerA.id, "IMPLEMENTING");
  await plan(w.producerA.id, "READY_FOR_EVALUATION");
  await plan(w.producerB.id, "WITHDRAWN");
  const approvedB = await plan(w.producerB.id, "APPROVED");
  await buildDossier({ producerId: w.producerA.id, status: "SUBMITTED" });
  await buildDossier({ producerId: w.producerB.id, status: "FORWARDED" });
  await buildDossier({ producerId: w.producerB.id, status: "DRAFT" });

  // Support: done this year counts; planned, cancelled or done last year does not.
  const support = (planId: string, status: "DONE" | "PLANNED" | "CANCELLED", amount: number, date: string, fundingSource: "CITY" | "PROVINCE" | "NATIONAL_TARGET_PROGRAMME") =>
    db.supportActivity.create({ data: { planId, kind: "PACKAGING_DESIGN", fundingSource, amount: BigInt(amount), date: new Date(`${date}T00:00:00Z`), status } });
  await support(approvedA.id, "DONE", 15_000_000, `${Y(0)}-06-01`, "CITY");
  await support(approvedA.id, "DONE", 2_500_000, `${Y(0)}-09-01`, "PROVINCE");
  await support(approvedA.id, "PLANNED", 9_000_000, `${Y(0)}-12-20`, "CITY");
  await support(approvedB.id, "DONE", 40_000_000, `${Y(0)}-02-01`, "NATIONAL_TARGET_PROGRAMME");
  await support(approvedB.id, "CANCELLED", 1_000_000, `${Y(0)}-02-01`, "CITY");
  await support(approvedB.id, "DONE", 7_000_000, `${Y(-1)}-11-01`, "CITY");
});

// ---------------------------------------------------------------------------------------------
// The independent counts: plain SQL over the tables, a null ward meaning the whole city.

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const from = `${year}-01-01`;
const to = `${year}-12-31`;

async function expected(ward: string | null) {
  const inForce = await db.$queryRaw<Row[]>`
    SELECT p.star, count(*) AS n FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
     WHERE p."certificateStatus" IN ('ACTIVE', 'REVOCATION_PROPOSED') AND p."certificateExpiresOn" >= ${today}::date
       AND (${ward}::text IS NULL OR pr."wardId" = ${ward}) GROUP BY p.star`;
  const newByType = await db.$queryRaw<Row[]>`
    SELECT d."evaluationType"::text AS type, count(*) AS n FROM "Certificate" c JOIN "Dossier" d ON d.id = c."dossierId" JOIN "Producer" pr ON pr.id = c."producerId"
     WHERE c."issuedOn" >= ${from}::date AND c."issuedOn" <= ${to}::date AND (${ward}::text IS NULL OR pr."wardId" = ${ward}) GROUP BY 1`;
  const [counts] = await db.$queryRaw<Row[]>`
    SELECT count(*) FILTER (WHERE c.status IN ('ACTIVE', 'REVOCATION_PROPOSED') AND c."expiresOn" BETWEEN ${today}::date AND ${today}::date + 90) AS expiring,
           count(*) FILTER (WHERE c.status = 'REVOKED' AND c."revokedOn" BETWEEN ${from}::date AND ${to}::date) AS "revokedInYear",
           count(*) FILTER (WHERE c.status = 'REVOKED') AS "revokedTotal"
      FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId" WHERE (${ward}::text IS NULL OR pr."wardId" = ${ward})`;
  const producers = await db.$queryRaw<Row[]>`
    SELECT type::text AS type, count(*) AS n FROM "Producer" pr WHERE "verificationStatus" = 'VERIFIED' AND (${ward}::text IS NULL OR pr."wardId" = ${ward}) GROUP BY 1 ORDER BY 1`;
  const support = await db.$queryRaw<Row[]>`
    SELECT s."fundingSource"::text AS source, sum(s.amount) AS amount, count(*) AS n, count(DISTINCT s."planId") AS plans
      FROM "SupportActivity" s JOIN "BusinessPlan" b ON b.id = s."planId" JOIN "Producer" pr ON pr.id = b."producerId"
     WHERE s.status = 'DONE' AND s.date BETWEEN ${from}::date AND ${to}::date AND b.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
     GROUP BY 1 ORDER BY 1`;
  const [supportedPlans] = await db.$queryRaw<Row[]>`
    SELECT count(DISTINCT b.id) AS n FROM "SupportActivity" s JOIN "BusinessPlan" b ON b.id = s."planId" JOIN "Producer" pr ON pr.id = b."producerId"
     WHERE s.status = 'DONE' AND s.date BETWEEN ${from}::date AND ${to}::date AND b.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})`;
  const [funnel] = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT count(*) FROM "ProductIdea" i JOIN "Producer" pr ON pr.id = i."producerId" WHERE i."cycleYear" = ${year} AND i.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "ideasSubmitted",
      (SELECT count(*) FROM "ProductIdea" i JOIN "Producer" pr ON pr.id = i."producerId" WHERE i."cycleYear" = ${year} AND i.version > 0 AND i.status = 'ACCEPTED' AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "ideasAccepted",
      (SELECT count(*) FROM "BusinessPlan" b JOIN "ProductIdea" i ON i.id = b."ideaId" JOIN "Producer" pr ON pr.id = b."producerId" WHERE i."cycleYear" = ${year} AND b.version > 0 AND b.status IN ('APPROVED', 'IMPLEMENTING', 'READY_FOR_EVALUATION') AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "plansApproved",
      (SELECT count(*) FROM "BusinessPlan" b JOIN "ProductIdea" i ON i.id = b."ideaId" JOIN "Producer" pr ON pr.id = b."producerId" WHERE i."cycleYear" = ${year} AND b.version > 0 AND b.status = 'READY_FOR_EVALUATION' AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "plansReady",
      (SELECT count(*) FROM "Dossier" d JOIN "Producer" pr ON pr.id = d."producerId" WHERE d."cycleYear" = ${year} AND d.version > 0 AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "dossiersSubmitted",
      (SELECT count(*) FROM "Dossier" d JOIN "Producer" pr ON pr.id = d."producerId" WHERE d."cycleYear" = ${year} AND d.version > 0 AND d.status = 'RECOGNISED' AND (${ward}::text IS NULL OR pr."wardId" = ${ward})) AS "recognised",
      (SELECT count(*) FROM "Dossier" d JOIN "Producer" pr ON pr.id = d."producerId" JOIN "Certificate" c ON c."dossierId" = d.id
        WHERE d."cycleYear" = ${year} AND d.version > 0 AND d.status = 'RECOGNISED' AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
          AND (EXISTS (SELECT 1 FROM "_EventParticipantToProduct" ep JOIN "EventParticipant" e ON e.id = ep."A" JOIN "TradeEvent" t ON t.id = e."eventId" WHERE ep."B" = c."productId" AND e.status = 'CONFIRMED' AND t.status = 'PUBLISHED')
            OR EXISTS (SELECT 1 FROM "PointOfSaleProduct" pp JOIN "PointOfSale" ps ON ps.id = pp."pointOfSaleId" WHERE pp."productId" = c."productId" AND ps.status = 'APPROVED')
            OR EXISTS (SELECT 1 FROM "GiftSetItem" gi JOIN "GiftSet" g ON g.id = gi."giftSetId" WHERE gi."productId" = c."productId" AND g.published))) AS "promoted"`;
  const byWard = await db.$queryRaw<Row[]>`
    SELECT pr."wardId", count(*) FILTER (WHERE p.star = 3) AS s3, count(*) FILTER (WHERE p.star = 4) AS s4, count(*) FILTER (WHERE p.star = 5) AS s5
      FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
     WHERE p."certificateStatus" IN ('ACTIVE', 'REVOCATION_PROPOSED') AND p."certificateExpiresOn" >= ${today}::date AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
     GROUP BY 1`;
  const recognisedByWard = await db.$queryRaw<Row[]>`
    SELECT pr."wardId", count(*) AS n FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
     WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date AND (${ward}::text IS NULL OR pr."wardId" = ${ward}) GROUP BY 1`;
  const byCategory = await db.$queryRaw<Row[]>`
    SELECT g."categoryCode" AS code, count(DISTINCT p.id) AS n
      FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
      JOIN "ProductGroup" g ON g."criteriaSetNo" = p."criteriaSetNo" OR EXISTS (SELECT 1 FROM "ProductSubGroup" sg WHERE sg."groupId" = g.id AND sg."criteriaSetNo" = p."criteriaSetNo")
     WHERE p."certificateStatus" IN ('ACTIVE', 'REVOCATION_PROPOSED') AND p."certificateExpiresOn" >= ${today}::date AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
     GROUP BY 1`;
  const byType = await db.$queryRaw<Row[]>`
    SELECT pr.type::text AS type, p.star, count(*) AS n FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
     WHERE p."certificateStatus" IN ('ACTIVE', 'REVOCATION_PROPOSED') AND p."certificateExpiresOn" >= ${today}::date AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
       AND p.star IN (3, 4, 5)
     GROUP BY 1, 2`;
  const trend = await db.$queryRaw<Row[]>`
    SELECT to_char(c."issuedOn", 'YYYY')::int AS year, c.star, count(*) AS n FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
     WHERE c."issuedOn" >= make_date(${year - 4}::int, 1, 1) AND c."issuedOn" < make_date(${year + 1}::int, 1, 1) AND (${ward}::text IS NULL OR pr."wardId" = ${ward})
       AND c.star IN (3, 4, 5)
     GROUP BY 1, 2`;
  const star = (rows: Row[], s: number) => num(rows.find((r) => num(r.star) === s)?.n ?? 0);
  return {
    inForce: { 3: star(inForce, 3), 4: star(inForce, 4), 5: star(inForce, 5), total: inForce.reduce((a, r) => a + num(r.n), 0) },
    newThisYear: Object.fromEntries(["FIRST", "UPGRADE", "RE_EVALUATION"].map((t) => [t, num(newByType.find((r) => r.type === t)?.n ?? 0)])),
    expiringSoon: num(counts!.expiring),
    revokedInYear: num(counts!.revokedInYear),
    revokedTotal: num(counts!.revokedTotal),
    producersByType: producers.map((r) => ({ type: r.type, count: num(r.n) })),
    supportSpent: support.map((r) => ({ source: r.source, amount: BigInt(String(r.amount ?? 0)), activities: num(r.n), plans: num(r.plans) })),
    supportedPlans: num(supportedPlans!.n),
    funnel: Object.fromEntries(Object.entries(funnel!).map(([k, v]) => [k, num(v)])),
    byWard: Object.fromEntries(byWard.map((r) => [r.wardId, { 3: num(r.s3), 4: num(r.s4), 5: num(r.s5) }])),
    recognisedByWard: Object.fromEntries(recognisedByWard.map((r) => [r.wardId, num(r.n)])),
    byCategory: Object.fromEntries(byCategory.map((r) => [r.code, num(r.n)])),
    byType: byType.map((r) => ({ type: r.type, star: num(r.star), n: num(r.n) })),
    trend: Object.fromEntries([0, -1, -2, -3, -4].map((d) => [year + d, { 3: 0, 4: 0, 5: 0, ...Object.fromEntries(trend.filter((r) => num(r.year) === year + d).map((r) => [num(r.star), num(r.n)])) }])),
  };
}

async function dashboardOf(actor: Actor, wardId?: string) {
  const f = { year, wardId };
  const [headline, funnel, breakdowns, trend] = await Promise.all([dashboardHeadline(actor, f, today), dashboardFunnel(actor, f), dashboardBreakdowns(actor, f, today), dashboardTrend(actor, f)]);
  return { headline: headline!, funnel: funnel!, breakdowns: breakdowns!, trend: trend! };
}

async function expectMatches(actor: Actor, requestedWard: string | undefined, ward: string | null) {
  const d = await dashboardOf(actor, requestedWard);
  const e = await expected(ward);
  const { headline: h } = d;
  expect({ 3: h.inForce[3], 4: h.inForce[4], 5: h.inForce[5], total: h.inForce.total }, "in force by star").toEqual(e.inForce);
  expect({ FIRST: h.newThisYear.FIRST, UPGRADE: h.newThisYear.UPGRADE, RE_EVALUATION: h.newThisYear.RE_EVALUATION }, "new this year").toEqual(e.newThisYear);
  expect(h.newThisYear.total).toBe(Object.values(e.newThisYear).reduce((a, b) => a + b, 0));
  expect(h.expiringSoon, "expiring in 90 days").toBe(e.expiringSoon);
  expect(h.revokedInYear, "revoked this year").toBe(e.revokedInYear);
  expect(h.revokedTotal, "revoked in total").toBe(e.revokedTotal);
  // Order is presentation (the enum's order on the page); the figures are compared by key.
  const byKey = <T,>(rows: T[], key: (r: T) => unknown) => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  expect(byKey(h.producersByType, (r) => r.type), "producers by type").toEqual(byKey(e.producersByType, (r) => r.type));
  expect(byKey(h.supportSpent, (r) => r.source), "support spent").toEqual(byKey(e.supportSpent, (r) => r.source));
  expect(h.supportedPlans, "plans supported").toBe(e.supportedPlans);
  expect(Object.fromEntries(d.funnel.map((s) => [s.key, s.count])), "funnel").toEqual(e.funnel);
  // Other test files share the database: a ward may appear with recognitions but nothing in force
  // (or with only products below 3★, which no star column counts); compare the wards with stars.
  const withStars = (rows: [string, { 3: number; 4: number; 5: number }][]) => Object.fromEntries(rows.filter(([, v]) => v[3] + v[4] + v[5] > 0));
  expect(withStars(d.breakdowns.byPlace.map((r) => [r.id, { 3: r.inForce[3], 4: r.inForce[4], 5: r.inForce[5] }])), "in force by ward").toEqual(withStars(Object.entries(e.byWard)));
  for (const r of d.breakdowns.byPlace) expect(r.recognisedInYear, `recognised in ${r.name}`).toBe(e.recognisedByWard[r.id] ?? 0);
  expect(Object.fromEntries(d.breakdowns.byCategory.filter((c) => c.inForce > 0).map((c) => [c.code, c.inForce])), "by category").toEqual(e.byCategory);
  expect(d.breakdowns.byProducerType.flatMap((p) => ([3, 4, 5] as const).filter((s) => p.inForce[s] > 0).map((s) => ({ type: p.type, star: s, n: p.inForce[s] }))).sort((a, b) => `${a.type}${a.star}`.localeCompare(`${b.type}${b.star}`)), "by producer type").toEqual(
    e.byType.sort((a, b) => `${a.type}${a.star}`.localeCompare(`${b.type}${b.star}`)),
  );
  expect(Object.fromEntries(d.trend.map((r) => [r.year, { 3: r[3], 4: r[4], 5: r[5] }])), "trend").toEqual(e.trend);
  return d;
}

describe("every figure equals an independent SQL count", () => {
  it("for the whole city (Economic Office, leader)", async () => {
    const d = await expectMatches(w.economicOffice, undefined, null);
    await expectMatches(w.leader, undefined, null);
    // The arrangement shows in the figures, so the comparison is not between two empty sets.
    expect(d.headline.revokedTotal).toBeGreaterThanOrEqual(2);
    expect(d.funnel.find((s) => s.key === "promoted")!.count).toBeGreaterThanOrEqual(2);
    expect(d.headline.supportSpent.find((s) => s.source === "NATIONAL_TARGET_PROGRAMME")!.amount).toBeGreaterThanOrEqual(BigInt(40_000_000));
  });

  it("for one ward chosen by a city role", async () => {
    await expectMatches(w.leader, w.wardA, w.wardA);
    await expectMatches(w.economicOffice, w.wardB, w.wardB);
  });

  it("for a ward officer: its own ward only, whatever ward the URL names", async () => {
    const own = await expectMatches(w.wardOfficerA, undefined, w.wardA);
    const asked = await expectMatches(w.wardOfficerA, w.wardB, w.wardA);
    expect(asked.headline).toEqual(own.headline);
    expect(dashboardScope(w.wardOfficerA, w.wardB, "06")).toEqual({ wardId: w.wardA, provinceCode: null });
    // Ward B's figures are not in ward A's: its re-evaluation and its support. (Other test files
    // share these wards, so the comparison is with the city's figures, not with zero.)
    const city = await dashboardOf(w.economicOffice);
    expect(own.headline.newThisYear.RE_EVALUATION).toBeLessThan(city.headline.newThisYear.RE_EVALUATION);
    const national = (d: typeof own) => d.headline.supportSpent.find((s) => s.source === "NATIONAL_TARGET_PROGRAMME")?.amount ?? BigInt(0);
    expect(national(own)).toBeLessThan(national(city));
    expect(own.breakdowns.byPlace.map((r) => r.id)).toEqual([w.wardA]);
    expect(own.funnel.find((s) => s.key === "ideasSubmitted")!.count).toBeLessThan(city.funnel.find((s) => s.key === "ideasSubmitted")!.count);
  });
});

describe("each figure opens a list of exactly that length", () => {
  it("for a city role narrowed to a ward and for a ward officer", async () => {
    for (const [actor, wardParam, wardId] of [
      [w.leader, w.wardA, w.wardA],
      [w.economicOffice, undefined, null],
      [w.wardOfficerA, undefined, w.wardA],
    ] as const) {
      const d = await dashboardOf(actor, wardParam);
      const h = d.headline;
      const certs = async (f: Parameters<typeof listCertificates>[1]) => (await listCertificates(actor, { ...f, wardId: wardParam }, today)).total;
      for (const type of ["FIRST", "UPGRADE", "RE_EVALUATION"] as const) expect(await certs({ issuedYear: year, evaluationType: type }), type).toBe(h.newThisYear[type]);
      expect(await certs({ issuedYear: year })).toBe(h.newThisYear.total);
      expect(await certs({ expiringWithin: 90 })).toBe(h.expiringSoon);
      expect(await certs({ revokedYear: year })).toBe(h.revokedInYear);
      expect(await certs({ status: "revoked" })).toBe(h.revokedTotal);
      for (const r of d.trend) for (const s of [3, 4, 5] as const) expect(await certs({ issuedYear: r.year, star: s }), `${r.year} ${s}★`).toBe(r[s]);
      expect((await listPlans(actor, { supportYear: year, wardId: wardParam })).total, "supported plans").toBe(h.supportedPlans);
      for (const s of h.supportSpent) expect((await listPlans(actor, { supportYear: year, supportSource: s.source, wardId: wardParam })).total, s.source).toBe(s.plans);
      for (const p of h.producersByType) expect((await listProducers(actor, { type: p.type, status: "VERIFIED", wardId: wardParam })).total, p.type).toBe(p.count);
      // The public catalogue, filtered by the ward's code when there is one.
      const code = wardId ? (await db.adminUnit.findUniqueOrThrow({ where: { id: wardId } })).code : undefined;
      for (const s of [3, 4, 5] as const) expect((await searchCatalogue({ terms: [], star: s, wardCodes: code ? [code] : undefined, sort: "newest", page: 1 }, today)).total, `${s}★`).toBe(h.inForce[s]);
      const funnel = Object.fromEntries(d.funnel.map((s) => [s.key, s.count]));
      expect((await listIdeas(actor, { year, wardId: wardParam })).total).toBe(funnel.ideasSubmitted);
      expect((await listIdeas(actor, { year, wardId: wardParam, status: "ACCEPTED" })).total).toBe(funnel.ideasAccepted);
      expect((await listPlans(actor, { year, stage: "approved", wardId: wardParam })).total).toBe(funnel.plansApproved);
      expect((await listPlans(actor, { year, stage: "ready", wardId: wardParam })).total).toBe(funnel.plansReady);
      expect((await listDossiers(actor, { year, wardId: wardParam })).total).toBe(funnel.dossiersSubmitted);
      expect((await listDossiers(actor, { year, wardId: wardParam, status: "RECOGNISED" })).total).toBe(funnel.recognised);
      expect((await listDossiers(actor, { year, wardId: wardParam, status: "RECOGNISED", stage: "promoted" })).total).toBe(funnel.promoted);
    }
  });
});

describe("who may read the dashboard", () => {
  it("producers, council members and communications get nothing", async () => {
    for (const actor of [w.producerUserA, w.council, w.communications]) {
      expect(dashboardScope(actor)).toBeNull();
      const f = { year, wardId: w.wardA };
      expect(await dashboardHeadline(actor, f, today)).toBeNull();
      expect(await dashboardFunnel(actor, f)).toBeNull();
      expect(await dashboardBreakdowns(actor, f, today)).toBeNull();
      expect(await dashboardTrend(actor, f)).toBeNull();
    }
  });

  it("a ward officer without a ward is refused", async () => {
    expect(dashboardScope({ ...w.wardOfficerA, wardId: null })).toBeNull();
  });
});

describe("the page", () => {
  const render = async (actor: Actor | null, sp: Record<string, string> = {}) => {
    actAs(actor);
    const { default: DashboardPage } = await import("@/app/(portal)/dashboard/page");
    return renderToStaticMarkup(await DashboardPage({ searchParams: Promise.resolve(sp) }));
  };

  it("shows the city's figures with links to their lists, and a ward's when a city role picks one", async () => {
    const html = await render(w.economicOffice, { year: String(year) });
    expect(html).toContain("Toàn thành phố");
    expect(html).toContain(`href="/certificates?expiring=90"`);
    expect(html).toContain(`href="/certificates?year=${year}&amp;type=UPGRADE"`);
    expect(html).toContain(`href="/dossiers?year=${year}&amp;status=RECOGNISED&amp;stage=promoted"`);
    expect(html).toContain(`href="/plans?supportYear=${year}&amp;source=NATIONAL_TARGET_PROGRAMME"`);
    expect(html).toMatch(/<table[^>]*data-testid="funnel-table"/);
    const ward = await render(w.leader, { year: String(year), ward: w.wardB });
    expect(ward).toContain(`href="/certificates?revokedYear=${year}&amp;ward=${w.wardB}"`);
  });

  it("a ward officer's page names its ward and puts no ward in its portal links", async () => {
    const html = await render(w.wardOfficerA, { ward: w.wardB });
    const wardA = await db.adminUnit.findUniqueOrThrow({ where: { id: w.wardA } });
    expect(html).toContain(wardA.name);
    expect(html).not.toContain(w.wardB);
    expect(html).toContain(`href="/products?star=3&amp;ward=${wardA.code}"`);
  });

  it("answers 404 to a producer and a council member", async () => {
    await expect(render(w.producerUserA)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(render(w.council)).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
