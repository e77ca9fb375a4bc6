// The province filter of the portal lists (lib/domain/places.ts): at national scale the ward select
// asks for the province first. Two provinces of this file's own (random codes): province 1 with a
// ward, province 2 with a commune of its own and a ward under a city (the three-level tree of the
// demo city), a record of every list in each. For each list: the province gives exactly its
// wards' records, at two levels and three; a ward officer's scope is never widened by a province
// (through the data function, nothing outside their ward; through the URL, the parameter is not
// theirs to set); the Excel export reads the same filters as the page; and the page shows the
// province first. Other files share the database: every assertion is about this file's records
// (its provinces, or a search word only its records carry).
import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as certificatesExport } from "@/app/(portal)/certificates/export/route";
import { GET as dossiersExport } from "@/app/(portal)/dossiers/export/route";
import { GET as ideasExport } from "@/app/(portal)/ideas/export/route";
import { GET as inspectionsExport } from "@/app/(portal)/inspections/export/route";
import { GET as pointsOfSaleExport } from "@/app/(portal)/manage/points-of-sale/export/route";
import { listCertificates } from "@/lib/db/certificates";
import { listDossiers } from "@/lib/db/dossiers";
import { listIdeas } from "@/lib/db/ideas";
import { listInspections } from "@/lib/db/inspections";
import { listPointsOfSale } from "@/lib/db/points-of-sale";
import { addDays, dateOf, vietnamDateOf } from "@/lib/domain/dates";
import type { AdminUnitKind } from "@/lib/generated/prisma/enums";
import { buildProducer } from "@/prisma/seed/builders";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { extraUser } from "./helpers";
import { db, makeWorld } from "./world";

// Pages render here outside Next.js: translations from the catalogue, 404 as an error, and the
// one client form of these pages replaced by a marker around the table it wraps.
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
vi.mock("@/app/(portal)/ideas/bulk-decision", async () => {
  const { createElement } = await import("react");
  return { BulkDecision: ({ children }: { children: ReactNode }) => createElement("div", { "data-marker": "bulk-decision" }, children) };
});

const today = vietnamDateOf(new Date());
const PLACES = ["w1", "w2", "w3"] as const;
type Place = (typeof PLACES)[number];
type Unit = { id: string; code: string; name: string };

let tag: string;
let office: Actor;
/** The ward officer of ward 1 (province 1). */
let officer1: Actor;
let units: Record<"p1" | "p2" | "city" | Place, Unit>;
/** Search words only this file's records carry, one per list (the points of sale have no search: their places are this file's alone). */
let word: Record<"certificate" | "dossier" | "idea" | "inspection", string>;
/** The name each list shows for this file's record in each place. */
let names: Record<"certificate" | "dossier" | "idea" | "inspection" | "point", Record<Place, string>>;

/** A GSO-like code no unit has yet (other files make units too). */
async function freeCode(): Promise<string> {
  for (;;) {
    const code = String(randomInt(10_000, 100_000));
    if (!(await db.adminUnit.findUnique({ where: { code } }))) return code;
  }
}

async function unit(name: string, kind: AdminUnitKind, parentId: string | null): Promise<Unit> {
  return db.adminUnit.create({ data: { code: await freeCode(), name, kind, parentId }, select: { id: true, code: true, name: true } });
}

beforeAll(async () => {
  const w = await makeWorld();
  tag = w.tag;
  office = w.economicOffice;
  const p1 = await unit(`Tỉnh Thử Một ${tag}`, "PROVINCE", null);
  const p2 = await unit(`Tỉnh Thử Hai ${tag}`, "PROVINCE", null);
  const city = await unit(`Thành phố Thử ${tag}`, "CITY", p2.id);
  units = {
    p1,
    p2,
    city,
    w1: await unit(`Phường Một ${tag}`, "WARD", p1.id),
    w2: await unit(`Xã Hai ${tag}`, "COMMUNE", p2.id),
    w3: await unit(`Phường Ba ${tag}`, "WARD", city.id),
  };
  officer1 = await extraUser(tag, "Cán bộ phường Một", "WARD_OFFICER", { wardId: units.w1.id });
  word = { certificate: `CN${tag}`, dossier: `HS${tag}`, idea: `YT${tag}`, inspection: `KT${tag}` };
  const by = (f: (p: Place) => string) => Object.fromEntries(PLACES.map((p) => [p, f(p)])) as Record<Place, string>;
  names = {
    certificate: by((p) => `Trà hoa vàng ${p} ${word.certificate}`),
    dossier: by((p) => `Tinh bột nghệ ${p} ${word.dossier}`),
    idea: by((p) => `Miến dong ${p} ${word.idea}`),
    inspection: by((p) => `Mật ong ${p} ${word.inspection}`),
    point: by((p) => `Điểm bán ${p} ${tag}`),
  };
  for (const p of PLACES) {
    const wardId = units[p].id;
    const producer = await buildProducer(db, { name: `HTX ${p} ${tag}`, type: "COOPERATIVE", wardId });
    await issuedCertificate({ producerId: producer.id, issuedOn: addDays(today, -400), productName: names.certificate[p] });
    await buildDossier({ producerId: producer.id, status: "FORWARDED", productName: names.dossier[p] });
    await db.productIdea.create({
      data: { producerId: producer.id, cycleYear: 2026, status: "SUBMITTED", productName: names.idea[p], criteriaSetNo: 1, version: 1, submittedAt: new Date() },
    });
    const { certificate } = await issuedCertificate({ producerId: producer.id, issuedOn: addDays(today, -300), productName: names.inspection[p] });
    await db.inspection.create({
      data: { certificateId: certificate.id, producerId: producer.id, wardId, kind: "PERIODIC", plannedOn: dateOf(addDays(today, 10)), team: "Phòng Kinh tế" },
    });
    await db.pointOfSale.create({
      data: {
        trackingCode: `prov${tag}${p}`,
        name: names.point[p],
        operatorName: "Hộ kinh doanh Hoàng Thị Lan",
        address: "Tổ 5",
        wardId,
        locationKind: "MALL_SUPERMARKET_MARKET",
        contactName: "Hoàng Thị Lan",
        phone: "0912345678",
        totalItemCount: 100,
        ocopLocalItemCount: 70,
      },
    });
  }
});

// The files after this one find the wards on offer as they were: these units leave the current map
// (a reorganisation retires units the same way), so no filter offers them any more.
afterAll(async () => {
  if (units) await db.adminUnit.updateMany({ where: { id: { in: Object.values(units).map((u) => u.id) } }, data: { validTo: dateOf(addDays(today, -1)) } });
});

// ---------------------------------------------------------------------------------------------
// The lists, their exports and their pages, side by side

const get = (path: string) => new Request(`http://localhost${path}`);

async function as<T>(actor: Actor, run: () => Promise<T>): Promise<T> {
  actAs(actor);
  try {
    return await run();
  } finally {
    actAs(null);
  }
}

/** The values of one column of an export's sheet (title, subtitle, header, then the rows). */
async function column(res: Response, header: string): Promise<string[]> {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(3).values as unknown[]).map((v) => (v == null ? "" : String(v)));
  const at = headers.indexOf(header);
  expect(at, `column ${header}`).toBeGreaterThan(0);
  const out: string[] = [];
  for (let r = 4; r <= ws.rowCount; r++) out.push(String(ws.getRow(r).getCell(at).value));
  return out;
}

/** Server components may be async; renderToStaticMarkup renders only sync ones, so they are awaited first. */
async function resolveTree(node: unknown): Promise<unknown> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveTree));
  if (!isValidElement(node)) return node;
  const el = node as ReactElement<Record<string, unknown>>;
  if (typeof el.type === "function" && el.type.constructor.name === "AsyncFunction") return resolveTree(await (el.type as (p: object) => Promise<unknown>)(el.props));
  const { children, ...rest } = el.props ?? {};
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) props[k] = await resolveTree(v);
  if (Array.isArray(children)) return cloneElement(el, props, ...((await resolveTree(children)) as ReactNode[]));
  return cloneElement(el, children === undefined ? props : { ...props, children: await resolveTree(children) });
}

type PageModule = Promise<{ default: (props: { searchParams: Promise<Record<string, string>> }) => Promise<unknown> }>;

type PlaceFilter = { provinceCode?: string; wardId?: string };

type Case = {
  label: string;
  /** This file's records the list function gives the actor with these place filters (names, sorted). */
  list: (actor: Actor, f: PlaceFilter) => Promise<string[]>;
  /** The names in the export for the URL's query (the list's search word added where it has one). */
  exported: (actor: Actor, query: string) => Promise<string[]>;
  names: () => Record<Place, string>;
  /** The list's ward parameter: the ward's id in the portal, its code on the points-of-sale desk. */
  wardParam: (u: Unit) => string;
  page?: { module: () => PageModule; path: string; query: () => Record<string, string> };
};

const mine = (all: string[], n: Record<Place, string>) => all.filter((x) => Object.values(n).includes(x)).sort();

const CASES: Case[] = [
  {
    label: "certificates",
    list: async (actor, f) => (await listCertificates(actor, { q: word.certificate, ...f }, today)).rows.map((r) => r.productName).sort(),
    exported: async (actor, query) => mine(await column(await as(actor, () => certificatesExport(get(`/certificates/export?q=${word.certificate}&${query}`))), "Tên sản phẩm"), names.certificate),
    names: () => names.certificate,
    wardParam: (u) => u.id,
    page: { module: () => import("@/app/(portal)/certificates/page"), path: "/certificates", query: () => ({ q: word.certificate }) },
  },
  {
    label: "ideas",
    list: async (actor, f) => (await listIdeas(actor, { q: word.idea, ...f })).rows.map((r) => r.productName).sort(),
    exported: async (actor, query) => mine(await column(await as(actor, () => ideasExport(get(`/ideas/export?q=${word.idea}&${query}`))), "Tên sản phẩm"), names.idea),
    names: () => names.idea,
    wardParam: (u) => u.id,
    page: { module: () => import("@/app/(portal)/ideas/page"), path: "/ideas", query: () => ({ q: word.idea }) },
  },
  {
    label: "inspections",
    list: async (actor, f) => (await listInspections(actor, { q: word.inspection, ...f }, { today })).rows.map((r) => r.certificate.productName).sort(),
    exported: async (actor, query) => mine(await column(await as(actor, () => inspectionsExport(get(`/inspections/export?q=${word.inspection}&${query}`))), "Tên sản phẩm"), names.inspection),
    names: () => names.inspection,
    wardParam: (u) => u.id,
    page: { module: () => import("@/app/(portal)/inspections/page"), path: "/inspections", query: () => ({ q: word.inspection }) },
  },
  {
    label: "points of sale (the office's desk)",
    // No search on the desk: this file's provinces hold only this file's points, and a ward officer's
    // list is read whole and narrowed to this file's names.
    list: async (actor, f) => mine((await listPointsOfSale(actor, f)).rows.map((r) => r.name), names.point),
    exported: async (actor, query) => mine(await column(await as(actor, () => pointsOfSaleExport(get(`/manage/points-of-sale/export?${query}`))), "Tên điểm bán"), names.point),
    names: () => names.point,
    wardParam: (u) => u.code,
    page: { module: () => import("@/app/(portal)/manage/points-of-sale/page"), path: "/manage/points-of-sale", query: () => ({}) },
  },
  {
    label: "dossiers",
    list: async (actor, f) => (await listDossiers(actor, { q: word.dossier, ...f })).rows.map((r) => r.productName).sort(),
    exported: async (actor, query) => mine(await column(await as(actor, () => dossiersExport(get(`/dossiers/export?status=ALL&q=${word.dossier}&${query}`))), "Tên sản phẩm"), names.dossier),
    names: () => names.dossier,
    wardParam: (u) => u.id,
    page: { module: () => import("@/app/(portal)/dossiers/page"), path: "/dossiers", query: () => ({ q: word.dossier, status: "ALL" }) },
  },
];

describe.each(CASES)("$label", (c) => {
  const n = (...places: Place[]) => places.map((p) => c.names()[p]).sort();

  it("a province gives exactly its wards' records: its own commune and the ward under its city", async () => {
    expect(await c.list(office, { wardId: units.w3.id })).toEqual(n("w3"));
    expect(await c.list(office, { provinceCode: units.p1.code })).toEqual(n("w1"));
    expect(await c.list(office, { provinceCode: units.p2.code })).toEqual(n("w2", "w3"));
  });

  it("a province never widens a ward officer's scope", async () => {
    expect(await c.list(officer1, {})).toEqual(n("w1"));
    expect(await c.list(officer1, { provinceCode: units.p2.code })).toEqual([]);
    expect(await c.list(officer1, { provinceCode: units.p1.code })).toEqual(n("w1"));
    // From the URL the province (like the ward) is not a ward officer's to set: their ward, whatever is asked.
    expect(await c.exported(officer1, `province=${units.p2.code}`)).toEqual(n("w1"));
    expect(await c.exported(officer1, `province=${units.p2.code}&ward=${c.wardParam(units.w2)}`)).toEqual(n("w1"));
  });

  it("the export reads the list's place filters", async () => {
    expect(await c.exported(office, `province=${units.p2.code}`)).toEqual(await c.list(office, { provinceCode: units.p2.code }));
    expect(await c.exported(office, `province=${units.p1.code}`)).toEqual(n("w1"));
    expect(await c.exported(office, `province=${units.p2.code}&ward=${c.wardParam(units.w3)}`)).toEqual(n("w3"));
    // A link with the ward alone (made before the province filter) still filters by that ward.
    expect(await c.exported(office, `ward=${c.wardParam(units.w3)}`)).toEqual(n("w3"));
  });
});

// The four lists of this change read the place through choosePlace (lib/domain/places.ts), so what
// they list is what the form shows. The form keeps the ward select's value when only the province
// is changed: that ward, outside the province now chosen, is dropped (the form shows "all wards of"
// the province), not combined with the province into an empty list.
describe.each(CASES.filter((c) => c.page))("$label: the page", (c) => {
  const n = (...places: Place[]) => places.map((p) => c.names()[p]).sort();

  async function html(actor: Actor, sp: Record<string, string>) {
    actAs(actor);
    try {
      const { default: Page } = await c.page!.module();
      return renderToStaticMarkup((await resolveTree(await Page({ searchParams: Promise.resolve({ ...c.page!.query(), ...sp }) }))) as ReactElement);
    } finally {
      actAs(null);
    }
  }
  const option = (value: string, name: string, selected = false) => `<option value="${value}"${selected ? ` selected=""` : ""}>${name}</option>`;

  it("a province changed under a ward of another drops the ward, in the list and in its export", async () => {
    const query = `province=${units.p2.code}&ward=${c.wardParam(units.w1)}`;
    expect(await c.exported(office, query)).toEqual(n("w2", "w3"));
    const page = await html(office, { province: units.p2.code, ward: c.wardParam(units.w1) });
    for (const p of PLACES) expect(page.includes(c.names()[p]), `${p} listed`).toBe(p !== "w1");
  });

  it("asks the office for the province first, then offers that province's wards only", async () => {
    const first = await html(office, {});
    expect(first).toContain(`name="province"`);
    expect(first).toContain(option(units.p1.code, units.p1.name));
    expect(first).toContain(option(units.p2.code, units.p2.name));
    expect(first).not.toContain(units.city.name);
    // No province yet: the ward select waits for one.
    expect(first).toMatch(/<select[^>]*name="ward"[^>]*disabled=""/);
    expect(first).not.toContain(option(c.wardParam(units.w1), units.w1.name));

    const chosen = await html(office, { province: units.p2.code, ward: c.wardParam(units.w3) });
    expect(chosen).toContain(option(units.p2.code, units.p2.name, true));
    expect(chosen).toContain(option(c.wardParam(units.w2), units.w2.name));
    expect(chosen).toContain(option(c.wardParam(units.w3), units.w3.name, true));
    expect(chosen).not.toContain(units.w1.name);
    for (const p of PLACES) expect(chosen.includes(c.names()[p]), `${p} listed`).toBe(p === "w3");
  });

  it("shows a ward officer no place filter, and their ward's records whatever the URL asks", async () => {
    const page = await html(officer1, { province: units.p2.code, ward: c.wardParam(units.w2) });
    expect(page).not.toContain(`name="province"`);
    expect(page).not.toContain(`name="ward"`);
    for (const p of PLACES) expect(page.includes(c.names()[p]), `${p} listed`).toBe(p === "w1");
  });
});
