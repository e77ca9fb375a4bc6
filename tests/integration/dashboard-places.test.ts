// The dashboard at national scale: a city role narrows it to a province (its wards, and those of
// a city within it), the lists its figures open honour the same province, a ward officer's scope
// ignores the province in the URL, and the cached figures are computed again after any audited
// change, but only then.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardBreakdowns, dashboardData, dashboardHeadline, dashboardScope } from "@/lib/db/dashboard";
import { certificateListFilters } from "@/app/(portal)/certificates/list-filters";
import { listCertificates } from "@/lib/db/certificates";
import { listPlans } from "@/lib/db/plans";
import { listProducers } from "@/lib/db/producers";
import { searchCatalogue } from "@/lib/db/catalogue";
import { vietnamDateOf } from "@/lib/domain/dates";
import { recognised } from "./certificate-fixtures";
import { extraProducer, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
const today = vietnamDateOf(new Date());
const year = Number(today.slice(0, 4));
const issuedOn = `${year}-01-15`;
let p1: { code: string }, p2: { code: string };
let ward1: { id: string; code: string }, ward2: { id: string; code: string };

/** A code no other file's unit has (units are shared by every file of the run). */
async function freshCode(prefix: string): Promise<string> {
  for (;;) {
    const code = `${prefix}${randomInt(10_000_000)}`;
    if (!(await db.adminUnit.findUnique({ where: { code } }))) return code;
  }
}

beforeAll(async () => {
  w = await makeWorld();
  const unit = async (kind: "PROVINCE" | "CITY" | "WARD", name: string, parentId?: string) =>
    db.adminUnit.create({ data: { code: await freshCode(kind[0]!), name: `${name} ${w.tag}`, kind, parentId }, select: { id: true, code: true } });
  const province1 = await unit("PROVINCE", "Tỉnh Một");
  const province2 = await unit("PROVINCE", "Tỉnh Hai");
  const city = await unit("CITY", "Thành phố Hai", province2.id);
  p1 = province1;
  p2 = province2;
  ward1 = await unit("WARD", "Phường Một", province1.id);
  // Province two's ward sits under a city: three tiers.
  ward2 = await unit("WARD", "Phường Hai", city.id);
  const a = (await extraProducer(w.tag, "Hộ tỉnh một", ward1.id)).producer;
  const b = (await extraProducer(w.tag, "Hộ tỉnh hai", ward2.id)).producer;
  await recognised(a.id, { star: 3, issuedOn });
  await recognised(b.id, { star: 4, issuedOn });
  await recognised(b.id, { star: 5, issuedOn });
});

describe("the dashboard of a province", () => {
  it("counts the province's wards, a city's included, and lists them", async () => {
    const one = (await dashboardHeadline(w.economicOffice, { year, provinceCode: p1.code }, today))!;
    const two = (await dashboardHeadline(w.leader, { year, provinceCode: p2.code }, today))!;
    expect(one.inForce).toEqual({ 3: 1, 4: 0, 5: 0, total: 1 });
    expect(two.inForce).toEqual({ 3: 0, 4: 1, 5: 1, total: 2 });
    expect(one.newThisYear.total).toBe(1);
    expect(two.producersByType).toEqual([{ type: "HOUSEHOLD_BUSINESS", count: 1 }]);
    const places = (await dashboardBreakdowns(w.leader, { year, provinceCode: p2.code }, today))!.byPlace;
    expect(places.map((r) => [r.kind, r.id, r.inForce.total, r.recognisedInYear])).toEqual([["ward", ward2.id, 2, 2]]);
  });

  it("opens lists that hold the same records", async () => {
    expect((await searchCatalogue({ terms: [], wardCodes: [ward2.code], sort: "newest", page: 1 }, today)).total).toBe(2);
    expect((await listProducers(w.economicOffice, { provinceCode: p2.code, status: "VERIFIED" })).total).toBe(1);
    expect((await listProducers(w.economicOffice, { provinceCode: p1.code })).rows.map((r) => r.name)).toEqual([`Hộ tỉnh một ${w.tag}`]);
    expect((await listPlans(w.economicOffice, { provinceCode: p1.code })).total).toBe(0);
  });

  it("keeps a ward officer to their ward whatever province the URL names", async () => {
    expect(dashboardScope(w.wardOfficerA, undefined, p2.code)).toEqual({ wardId: w.wardA, provinceCode: null });
    const own = (await dashboardHeadline(w.wardOfficerA, { year, provinceCode: p2.code }, today))!;
    const plain = (await dashboardHeadline(w.wardOfficerA, { year }, today))!;
    expect(own).toEqual(plain);
    // A ward chosen by a city role wins over a province.
    expect(dashboardScope(w.economicOffice, ward1.id, p2.code)).toEqual({ wardId: ward1.id, provinceCode: null });
  });
});

describe("the dashboard's kept figures", () => {
  it("are computed again after an audited change, and only then", async () => {
    const f = { year, provinceCode: p1.code };
    const first = (await dashboardData(w.leader, f, today))!;
    expect(first.headline.inForce.total).toBe(1);
    expect(await dashboardData(w.leader, f, today)).toBe(first);

    // A write without an audit entry (no action does this) is not seen...
    const a = await db.producer.findFirstOrThrow({ where: { wardId: ward1.id } });
    await recognised(a.id, { star: 4, issuedOn });
    expect(await dashboardData(w.leader, f, today)).toBe(first);
    // ...until the next audited change, whatever it was.
    await db.auditEntry.create({ data: { action: "test.touch", entityType: "Test", entityId: w.tag } });
    const second = (await dashboardData(w.leader, f, today))!;
    expect(second).not.toBe(first);
    expect(second.headline.inForce).toEqual({ 3: 1, 4: 1, 5: 0, total: 2 });
    expect(second.headline).toEqual((await dashboardHeadline(w.leader, f, today))!);
  });

  it("are kept per scope: another province or a ward officer never reads them", async () => {
    const [leaderOne, leaderTwo, ward] = await Promise.all([
      dashboardData(w.leader, { year, provinceCode: p1.code }, today),
      dashboardData(w.leader, { year, provinceCode: p2.code }, today),
      dashboardData(w.wardOfficerA, { year, provinceCode: p1.code }, today),
    ]);
    expect(leaderTwo!.headline.inForce.total).toBe(2);
    expect(leaderOne).not.toBe(leaderTwo);
    expect(ward!.headline).toEqual((await dashboardHeadline(w.wardOfficerA, { year }, today))!);
    expect(await dashboardData(w.producerUserA, { year }, today)).toBeNull();
  });
});

describe("a ward merged away by a reorganisation", () => {
  it("keeps its records on the dashboard, and its figures open lists of exactly those records", async () => {
    const province = await db.adminUnit.findFirstOrThrow({ where: { code: p1.code } });
    const old = await db.adminUnit.create({ data: { code: await freshCode("R"), name: `Phường Cũ ${w.tag}`, kind: "WARD", parentId: province.id }, select: { id: true, code: true } });
    const producer = (await extraProducer(w.tag, "Hộ phường cũ", old.id)).producer;
    await recognised(producer.id, { star: 3, issuedOn });
    await db.adminUnit.update({ where: { id: old.id }, data: { validTo: new Date("2025-07-01T00:00:00Z") } });

    const row = (await dashboardBreakdowns(w.leader, { year, provinceCode: p1.code }, today))!.byPlace.find((r) => r.id === old.id)!;
    expect(row.recognisedInYear).toBe(1);
    // The row's link, /certificates?year=…&ward=<the retired ward>, read as the page reads it.
    const { filters } = await certificateListFilters({ year: String(year), ward: old.id }, w.leader);
    expect(filters.wardId).toBe(old.id);
    expect((await listCertificates(w.leader, filters, today)).total).toBe(1);
    expect((await searchCatalogue({ terms: [], wardCodes: [old.code], sort: "newest", page: 1 }, today)).total).toBe(1);
  });
});
