// Points of sale: the public application, the office's decisions, the compliance check against
// today's catalogue, and what the public sees. Every behaviour goes through the real actions and
// data functions; only the catalogue products (certificates) are arranged directly.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { revokeCertificate } from "@/lib/actions/certificates";
import { applyForPointOfSale, approvePointOfSale, closePointOfSale, refusePointOfSale } from "@/lib/actions/points-of-sale";
import {
  complianceOf,
  countPointsOfSaleWaiting,
  findApprovedPointOfSale,
  findPointOfSale,
  findPointOfSaleByTrackingCode,
  listApprovedPointsOfSale,
  listPointsOfSale,
  sitemapPointsOfSale,
  suggestListedProducts,
} from "@/lib/db/points-of-sale";
import { listStatusEvents } from "@/lib/db/timeline";
import { foldVietnamese, productSlug } from "@/lib/domain/catalogue";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { translatorFor } from "@/lib/i18n/translate";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { extraUser, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

// One trusted proxy, so the action believes X-Forwarded-For (set before lib/env is first read).
// Each application comes from an address of its own unless a test pins one.
const client = vi.hoisted(() => {
  process.env.TRUSTED_PROXY_COUNT = "1";
  return { pinned: null as string | null, next: 0, run: Math.random().toString(36).slice(2, 8) };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": client.pinned ?? `198.51.100.${++client.next}-${client.run}` }) }));
// The action reads the client address through lib/auth/auth, whose Auth.js set-up needs Next's server.
vi.mock("next-auth", () => ({ default: () => ({ handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }), CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));

let w: World;
let wardOfficerB: Actor;
let products: { id: string; certificateId: string; name: string }[];
let twoStar: { id: string; certificateId: string; name: string };

/** A catalogue product recognised by a live certificate (the trigger copies star and status). */
async function listedProduct(producerId: string, name: string, star = 3) {
  const { certificate } = await issuedCertificate({ producerId, issuedOn: "2026-06-01", star, productName: name });
  const product = await db.product.create({
    data: { slug: productSlug(name, randomUUID().slice(0, 6)), producerId, name, criteriaSetNo: certificate.criteriaSetNo, searchText: foldVietnamese(`${name} ${w.tag}`) },
  });
  await db.certificate.update({ where: { id: certificate.id }, data: { productId: product.id } });
  return { id: product.id, certificateId: certificate.id, name };
}

beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  products = [];
  for (let i = 0; i < 31; i++) products.push(await listedProduct(i % 2 ? w.producerA.id : w.producerB.id, `Miến dong Tài Hoan số ${i + 1}`, i % 3 === 0 ? 4 : 3));
  twoStar = await listedProduct(w.producerA.id, "Trà giảo cổ lam hai sao", 2);
}, 120_000);
beforeEach(() => actAs(null));

/** The application form as an operator fills it (strings, as the browser sends them). */
function application(over: Record<string, unknown> = {}) {
  return {
    name: `Cửa hàng đặc sản Bắc Kạn ${w.tag}`,
    operatorName: "Hộ kinh doanh Hoàng Thị Thu",
    address: "Số 25, tổ 9",
    wardId: w.wardA,
    locationKind: "MALL_SUPERMARKET_MARKET",
    contactName: "Hoàng Thị Thu",
    phone: "0915 234 567",
    email: "",
    openingHours: "7:00–21:00",
    description: "",
    totalItemCount: "100",
    ocopLocalItemCount: "70",
    // products[0] is revoked by the compliance test; the default list does without it.
    products: products.slice(1, 31).map((p) => ({ productId: p.id, hasOcopStamp: true, hasTraceStamp: true })),
    ...over,
  };
}

async function apply(over: Record<string, unknown> = {}) {
  actAs(null);
  const { trackingCode } = ok(await applyForPointOfSale(application(over)));
  return db.pointOfSale.findUniqueOrThrow({ where: { trackingCode }, include: { products: true } });
}

const decision = (id: string, version = 0) => ({ pointOfSaleId: id, version, decisionNo: "125/QĐ-UBND", approvedOn: vietnamDateOf(new Date()), note: "" });

describe("the public application", () => {
  it("creates a SUBMITTED point with its products, a tracking code and a notice to the office", async () => {
    const p = await apply({ email: "Thu.Hoang@Example.VN" });
    expect(p).toMatchObject({ status: "SUBMITTED", version: 0, wardId: w.wardA, phone: "0915234567", email: "thu.hoang@example.vn", totalItemCount: 100, ocopLocalItemCount: 70, approvalDecisionNo: null });
    expect(p.trackingCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(p.products).toHaveLength(30);
    expect(p.products.every((c) => c.hasOcopStamp && c.hasTraceStamp)).toBe(true);
    const notices = await db.notification.findMany({ where: { userId: w.economicOffice.userId, href: `/manage/points-of-sale/${p.id}` } });
    expect(notices.map((n) => n.kind)).toEqual(["trade.posSubmitted"]);
    expect(translatorFor("vi")("trade.posSubmitted" as never, notices[0]!.params as never)).toContain(p.name);
    expect(await db.notification.count({ where: { userId: w.producerUserA.userId, href: `/manage/points-of-sale/${p.id}` } })).toBe(0);
    expect((await listStatusEvents({ entityType: "PointOfSale", id: p.id })).map((e) => e.toStatus)).toEqual(["SUBMITTED"]);
    expect(await db.auditEntry.count({ where: { action: "pointOfSale.apply", entityId: p.id } })).toBe(1);
    const tracked = await findPointOfSaleByTrackingCode(p.trackingCode);
    expect(tracked).toMatchObject({ id: p.id, status: "SUBMITTED" });
  });

  it("refuses invalid input with Vietnamese field messages and writes nothing", async () => {
    const before = await db.pointOfSale.count();
    const r = await applyForPointOfSale(application({ name: "", phone: "12345", wardId: "", locationKind: "CASTLE", totalItemCount: "10", ocopLocalItemCount: "12", products: [], email: "không phải email" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("VALIDATION");
    expect(r.fieldErrors).toMatchObject({
      name: expect.arrayContaining(["validation.required"]),
      phone: ["validation.phone"],
      wardId: expect.arrayContaining(["validation.choose"]),
      locationKind: ["validation.choose"],
      email: ["validation.email"],
      products: ["trade.productsRequired"],
    });
    const t = translatorFor("vi");
    expect(t("trade.productsRequired" as never)).toMatch(/sản phẩm OCOP/);
    expect(t("validation.phone" as never)).toMatch(/Số điện thoại/);
    // Display counts are checked once the form is otherwise valid.
    const counts = await applyForPointOfSale(application({ totalItemCount: "10", ocopLocalItemCount: "12" }));
    expect(counts).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { ocopLocalItemCount: ["trade.ocopLocalAboveTotal"] } });
    expect(await applyForPointOfSale(application({ totalItemCount: "" }))).toMatchObject({ ok: false, fieldErrors: { totalItemCount: ["validation.required"] } });
    expect(await db.pointOfSale.count()).toBe(before);
  });

  it("accepts only the city's wards and listed products", async () => {
    const before = await db.pointOfSale.count();
    const province = await db.adminUnit.findUniqueOrThrow({ where: { code: "06" } });
    expect(await applyForPointOfSale(application({ wardId: province.id }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { wardId: ["validation.choose"] } });
    expect(await applyForPointOfSale(application({ wardId: "khong-co-that" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { wardId: ["validation.choose"] } });
    const stranger = await db.product.create({ data: { slug: `chua-cong-nhan-${w.tag}`, producerId: w.producerA.id, name: "Sản phẩm chưa công nhận", criteriaSetNo: 7 } });
    expect(await applyForPointOfSale(application({ products: [{ productId: stranger.id, hasOcopStamp: true, hasTraceStamp: true }] }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { products: ["trade.productNotListed"] },
    });
    const twice = [{ productId: products[0]!.id, hasOcopStamp: true, hasTraceStamp: true }, { productId: products[0]!.id, hasOcopStamp: false, hasTraceStamp: false }];
    expect(await applyForPointOfSale(application({ products: twice }))).toMatchObject({ ok: false, fieldErrors: { products: ["trade.duplicateProduct"] } });
    expect(await db.pointOfSale.count()).toBe(before);
  });

  it("ignores forged fields: status, code, decision, reviewer and version are the office's", async () => {
    const p = await apply({
      status: "APPROVED",
      trackingCode: "forged-tracking-code-000000",
      approvalDecisionNo: "999/QĐ-UBND",
      approvedOn: "2026-01-01",
      reviewedById: w.economicOffice.userId,
      version: 7,
      applicantUserId: w.producerUserA.userId,
      wardId: w.wardB,
    });
    expect(p).toMatchObject({ status: "SUBMITTED", version: 0, approvalDecisionNo: null, approvedOn: null, reviewedById: null, applicantUserId: null, wardId: w.wardB });
    expect(p.trackingCode).not.toBe("forged-tracking-code-000000");
    expect(await findApprovedPointOfSale(p.id)).toBeNull();
  });
});

describe("throttling", () => {
  it("takes five applications an hour from one address, then refuses without writing", async () => {
    client.pinned = `203.0.113.7-${w.tag}`;
    try {
      for (let i = 0; i < 5; i++) await apply({ name: `Quầy số ${i + 1} ${w.tag}` });
      const before = await db.pointOfSale.count();
      expect(await applyForPointOfSale(application())).toEqual({ ok: false, code: "RATE_LIMITED" });
      expect(await db.pointOfSale.count()).toBe(before);
    } finally {
      client.pinned = null;
    }
    // Another address is not held back by the first one's count.
    expect((await apply()).status).toBe("SUBMITTED");
  });
});

describe("the office's decisions", () => {
  it("approves once with the decision; a second approval of the same version is a conflict", async () => {
    const p = await apply();
    actAs(w.economicOffice);
    expect(await approvePointOfSale({ ...decision(p.id), approvedOn: addDays(vietnamDateOf(new Date()), 1) })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { approvedOn: ["trade.dateInFuture"] } });
    expect(await approvePointOfSale({ ...decision(p.id), decisionNo: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(ok(await approvePointOfSale(decision(p.id)))).toEqual({ id: p.id, status: "APPROVED" });
    expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "CONFLICT" });
    // With the fresh version the state decides: an approved point is not approved again.
    expect(await approvePointOfSale(decision(p.id, 1))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    const row = await db.pointOfSale.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ status: "APPROVED", version: 1, approvalDecisionNo: "125/QĐ-UBND", reviewedById: w.economicOffice.userId });
    expect(row.approvedOn?.toISOString().slice(0, 10)).toBe(vietnamDateOf(new Date()));
    const events = await listStatusEvents({ entityType: "PointOfSale", id: p.id });
    expect(events.map((e) => [e.action, e.toStatus])).toEqual([["apply", "SUBMITTED"], ["approve", "APPROVED"]]);
    expect(await db.notification.count({ where: { userId: w.wardOfficerA.userId, kind: "trade.posApproved", href: `/manage/points-of-sale/${p.id}` } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "pointOfSale.approve", entityId: p.id } })).toBe(1);
  });

  it("lets neither a ward officer nor a producer decide: 403 in the officer's own ward, 404 outside it", async () => {
    const p = await apply();
    actAs(w.wardOfficerA);
    expect(await findPointOfSale(w.wardOfficerA, p.id)).not.toBeNull();
    expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await refusePointOfSale({ pointOfSaleId: p.id, version: 0, note: "Không đủ điều kiện" })).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(wardOfficerB);
    expect(await findPointOfSale(wardOfficerB, p.id)).toBeNull();
    expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "NOT_FOUND" });
    for (const other of [w.producerUserA, w.communications, w.council]) {
      actAs(other);
      expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    actAs(w.leader);
    expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "FORBIDDEN" });
    actAs(null);
    expect(await approvePointOfSale(decision(p.id))).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect((await db.pointOfSale.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("SUBMITTED");
  });

  it("refuses and closes only with a reason, which the applicant reads (and gets by e-mail)", async () => {
    const refused = await apply({ email: `don.${w.tag}@example.vn` });
    actAs(w.economicOffice);
    expect(await refusePointOfSale({ pointOfSaleId: refused.id, version: 0, note: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { note: expect.arrayContaining(["trade.noteRequired"]) } });
    ok(await refusePointOfSale({ pointOfSaleId: refused.id, version: 0, note: "Chưa có tem truy xuất nguồn gốc trên sản phẩm." }));
    expect(await findPointOfSaleByTrackingCode(refused.trackingCode)).toMatchObject({ status: "REFUSED", reviewNote: "Chưa có tem truy xuất nguồn gốc trên sản phẩm." });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: `don.${w.tag}@example.vn` } });
    expect(mail.body).toContain(`/points-of-sale/track/${refused.trackingCode}`);

    const closed = await apply();
    actAs(w.economicOffice);
    expect(await closePointOfSale({ pointOfSaleId: closed.id, version: 0, note: "Ngừng kinh doanh" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    ok(await approvePointOfSale(decision(closed.id)));
    expect(await findApprovedPointOfSale(closed.id)).not.toBeNull();
    ok(await closePointOfSale({ pointOfSaleId: closed.id, version: 1, note: "Cửa hàng ngừng kinh doanh từ tháng 11." }));
    expect(await findApprovedPointOfSale(closed.id)).toBeNull();
    expect((await listStatusEvents({ entityType: "PointOfSale", id: closed.id })).map((e) => e.toStatus)).toEqual(["SUBMITTED", "APPROVED", "CLOSED"]);
  });
});

describe("the compliance check", () => {
  it("follows the catalogue: a carried product whose certificate is revoked stops counting", async () => {
    const p = await apply({ products: [...products.slice(0, 30), twoStar].map((x) => ({ productId: x.id, hasOcopStamp: true, hasTraceStamp: true })) });
    const before = complianceOf((await findPointOfSale(w.economicOffice, p.id))!);
    expect(before.compliance).toMatchObject({ qualifyingProducts: 30, productsMet: true, shareMet: true, compliant: true, notCounted: { belowStar: 1, notListed: 0 } });
    const queue = await listPointsOfSale(w.economicOffice, { status: "SUBMITTED", wardId: w.wardA });
    expect(queue.rows.find((r) => r.id === p.id)?.compliance).toMatchObject({ qualifyingProducts: 30, compliant: true });

    actAs(w.economicOffice);
    ok(
      await revokeCertificate({
        certificateId: products[0]!.certificateId,
        ground: "A",
        decisionNumber: `${w.tag}-1/QĐ-UBND`,
        decidedOn: vietnamDateOf(new Date()),
        signerName: "Nguyễn Văn An",
        signerTitle: "Chủ tịch UBND tỉnh",
        note: "Kết luận kiểm tra: sản phẩm không duy trì được tiêu chí chất lượng.",
      }),
    );
    const after = complianceOf((await findPointOfSale(w.economicOffice, p.id))!);
    expect(after.compliance).toMatchObject({ qualifyingProducts: 29, productsMet: false, compliant: false, notCounted: { notListed: 1, belowStar: 1 } });
    expect(after.products.find((c) => c.product.id === products[0]!.id)?.listed).toBe(false);
    const queueAfter = await listPointsOfSale(w.economicOffice, { status: "SUBMITTED", wardId: w.wardA });
    expect(queueAfter.rows.find((r) => r.id === p.id)?.compliance).toMatchObject({ qualifyingProducts: 29, compliant: false });
  });

  it("counts only products with both stamps", async () => {
    const carried = products.slice(1, 31).map((x, i) => ({ productId: x.id, hasOcopStamp: true, hasTraceStamp: i !== 0 }));
    const p = await apply({ products: carried, totalItemCount: "100", ocopLocalItemCount: "60" });
    const { compliance } = complianceOf((await findPointOfSale(w.economicOffice, p.id))!);
    expect(compliance).toMatchObject({ qualifyingProducts: 29, productsMet: false, shareMet: false, notCounted: { noTraceStamp: 1 } });
  });
});

describe("what the public and the desk see", () => {
  it("lists only approved points, with the listed products they carry", async () => {
    const approved = await apply({ products: [products[30]!, products[5]!, twoStar].map((x) => ({ productId: x.id, hasOcopStamp: true, hasTraceStamp: true })) });
    const waiting = await apply();
    const refused = await apply();
    actAs(w.economicOffice);
    ok(await approvePointOfSale(decision(approved.id)));
    ok(await refusePointOfSale({ pointOfSaleId: refused.id, version: 0, note: "Không đáp ứng tiêu chí." }));
    ok(
      await revokeCertificate({
        certificateId: products[30]!.certificateId,
        ground: "B",
        decisionNumber: `${w.tag}-2/QĐ-UBND`,
        decidedOn: vietnamDateOf(new Date()),
        signerName: "Nguyễn Văn An",
        signerTitle: "Chủ tịch UBND tỉnh",
        note: "Kết luận kiểm tra: sản phẩm không còn đáp ứng tiêu chí.",
      }),
    );
    const ids = new Set<string>();
    for (let page = 1; ; page++) {
      const { rows, total } = await listApprovedPointsOfSale({ wardIds: [w.wardA], page });
      rows.forEach((r) => ids.add(r.id));
      if (page * 20 >= total) break;
    }
    expect(ids.has(approved.id)).toBe(true);
    expect(ids.has(waiting.id)).toBe(false);
    expect(ids.has(refused.id)).toBe(false);
    expect((await listApprovedPointsOfSale({ wardIds: [w.wardB] })).rows.some((r) => r.id === approved.id)).toBe(false);
    const page = await findApprovedPointOfSale(approved.id);
    // products[30] has just been revoked: the public page links only what is in the catalogue today.
    expect(page?.products.map((c) => c.product.id).sort()).toEqual([products[5]!.id, twoStar.id].sort());
    expect(page).not.toHaveProperty("contactName");
    expect(page).not.toHaveProperty("trackingCode");
    expect(await findApprovedPointOfSale(waiting.id)).toBeNull();
    const sitemap = (await sitemapPointsOfSale()).map((s) => s.id);
    expect(sitemap).toContain(approved.id);
    expect(sitemap).not.toContain(waiting.id);
  });

  it("puts waiting applications first, oldest first, with counts per status in the actor's scope", async () => {
    const { rows, counts } = await listPointsOfSale(w.economicOffice, { wardId: w.wardA });
    const firstOther = rows.findIndex((r) => r.status !== "SUBMITTED");
    const submitted = rows.filter((r) => r.status === "SUBMITTED");
    expect(firstOther).toBeGreaterThan(0);
    expect(rows.slice(firstOther).some((r) => r.status === "SUBMITTED")).toBe(false);
    expect(submitted.map((r) => r.createdAt.getTime())).toEqual([...submitted.map((r) => r.createdAt.getTime())].sort((a, b) => a - b));
    expect(counts.SUBMITTED).toBe(await db.pointOfSale.count({ where: { status: "SUBMITTED", wardId: w.wardA } }));
    // A ward officer sees their ward only; a producer sees none.
    const officer = await listPointsOfSale(wardOfficerB, {});
    expect(officer.rows.every((r) => r.ward.name === "Xã Nông Thượng")).toBe(true);
    expect(officer.total).toBe(await db.pointOfSale.count({ where: { wardId: w.wardB } }));
    expect((await listPointsOfSale(w.producerUserA, {})).total).toBe(0);
    expect(await countPointsOfSaleWaiting()).toBe(await db.pointOfSale.count({ where: { status: "SUBMITTED" } }));
    expect(await countPointsOfSaleWaiting(wardOfficerB)).toBe(await db.pointOfSale.count({ where: { status: "SUBMITTED", wardId: w.wardB } }));
  });

  it("suggests listed products by words without diacritics, never revoked ones", async () => {
    const found = await suggestListedProducts(`mien dong tai hoan ${w.tag}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(20);
    expect(found.every((p) => p.name.startsWith("Miến dong Tài Hoan"))).toBe(true);
    expect(found.some((p) => p.id === products[0]!.id)).toBe(false);
    const twoStarFound = await suggestListedProducts(`tra giao co lam ${w.tag}`);
    expect(twoStarFound.map((p) => p.id)).toEqual([twoStar.id]);
    expect(twoStarFound[0]).toMatchObject({ star: 2, producer: w.producerA.name });
  });
});
