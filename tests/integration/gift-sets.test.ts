// Gift sets: the Economic Office composes, publishes and takes them down; the public sees only
// published ones, and a product that has lost its recognition shows as such instead of vanishing.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { revokeCertificate } from "@/lib/actions/certificates";
import { saveGiftSet, setGiftSetPublished, uploadGiftSetCover } from "@/lib/actions/gift-sets";
import { findGiftSet, findPublishedGiftSet, listGiftSets, listPublishedGiftSets, sitemapGiftSets, withListing } from "@/lib/db/gift-sets";
import { findPublicFile } from "@/lib/db/public-files";
import { listStatusEvents } from "@/lib/db/timeline";
import { foldVietnamese, productSlug } from "@/lib/domain/catalogue";
import { vietnamDateOf } from "@/lib/domain/dates";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { ok, type World } from "./helpers";
import { db, makeWorld } from "./world";
import { tinyPng } from "../support/tiny-png";

// lib/env reads the environment on first use: uploads of this file go to a folder of its own.
const storageDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, os, path] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "ocop-gift-sets-test-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

let w: World;
let products: { id: string; certificateId: string; name: string }[];
let unlisted: { id: string };

async function listedProduct(producerId: string, name: string, star = 4) {
  const { certificate } = await issuedCertificate({ producerId, issuedOn: "2026-06-01", star, productName: name });
  const product = await db.product.create({
    data: { slug: productSlug(name, randomUUID().slice(0, 6)), producerId, name, criteriaSetNo: certificate.criteriaSetNo, searchText: foldVietnamese(name) },
  });
  await db.certificate.update({ where: { id: certificate.id }, data: { productId: product.id } });
  return { id: product.id, certificateId: certificate.id, name };
}

beforeAll(async () => {
  w = await makeWorld();
  products = [];
  for (const name of ["Tinh bột nghệ nếp đỏ", "Miến dong", "Thịt lợn gác bếp", "Trà giảo cổ lam"]) products.push(await listedProduct(w.producerA.id, `${name} ${w.tag}`));
  unlisted = await db.product.create({ data: { slug: `chua-cong-nhan-${w.tag}`, producerId: w.producerA.id, name: "Sản phẩm chưa công nhận", criteriaSetNo: 7 }, select: { id: true } });
}, 60_000);
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

function giftSet(over: Record<string, unknown> = {}) {
  return {
    name: `Quà Tết Bắc Kạn ${w.tag}`,
    occasion: "Tết Nguyên đán",
    story: "Tết ở Bắc Kạn bắt đầu từ gian bếp.\n\nBộ quà gom những sản phẩm OCOP gắn với cái Tết ấy.",
    priceVnd: "1.250.000",
    items: [
      { productId: products[1]!.id, note: "" },
      { productId: products[0]!.id, note: "Đặt ở giữa hộp quà" },
    ],
    ...over,
  };
}

async function create(over: Record<string, unknown> = {}) {
  actAs(w.economicOffice);
  const saved = ok(await saveGiftSet(giftSet(over)));
  actAs(null);
  return saved;
}

describe("composing a gift set", () => {
  it("creates a draft with its products in order, a slug from its name and a price in đồng", async () => {
    const saved = await create();
    expect(saved.slug).toMatch(new RegExp(`^qua-tet-bac-kan-${w.tag}-[0-9a-f]{6}$`));
    const set = (await findGiftSet(w.economicOffice, saved.id))!;
    expect(set).toMatchObject({ name: `Quà Tết Bắc Kạn ${w.tag}`, occasion: "Tết Nguyên đán", priceVnd: BigInt(1_250_000), published: false });
    expect(set.items.map((i) => [i.product.id, i.position, i.note])).toEqual([
      [products[1]!.id, 0, ""],
      [products[0]!.id, 1, "Đặt ở giữa hộp quà"],
    ]);
    expect(await db.auditEntry.count({ where: { action: "giftSet.save", entityId: saved.id } })).toBe(1);
  });

  it("edits with the version it read, keeps the slug, and refuses a stale version", async () => {
    const saved = await create();
    actAs(w.economicOffice);
    const edited = ok(await saveGiftSet({ ...giftSet({ name: `Quà Xuân ${w.tag}`, items: [{ productId: products[2]!.id, note: "" }] }), giftSetId: saved.id, version: saved.version }));
    expect(edited.slug).toBe(saved.slug);
    expect(edited.version).not.toBe(saved.version);
    expect(await saveGiftSet({ ...giftSet(), giftSetId: saved.id, version: saved.version })).toEqual({ ok: false, code: "CONFLICT" });
    const set = (await findGiftSet(w.economicOffice, saved.id))!;
    expect(set.name).toBe(`Quà Xuân ${w.tag}`);
    expect(set.items.map((i) => i.product.id)).toEqual([products[2]!.id]);
  });

  it("takes only listed products and valid figures, writing nothing otherwise", async () => {
    actAs(w.economicOffice);
    const before = await db.giftSet.count();
    expect(await saveGiftSet(giftSet({ items: [{ productId: unlisted.id, note: "" }] }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { items: ["trade.productNotListed"] } });
    expect(await saveGiftSet(giftSet({ name: "", priceVnd: "1,5 đô" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: expect.arrayContaining(["validation.required"]), priceVnd: ["validation.money"] } });
    const twice = [{ productId: products[0]!.id, note: "" }, { productId: products[0]!.id, note: "" }];
    expect(await saveGiftSet(giftSet({ items: twice }))).toMatchObject({ ok: false, fieldErrors: { items: ["trade.duplicateProduct"] } });
    expect(await db.giftSet.count()).toBe(before);
  });

  it("is refused to anyone but the Economic Office", async () => {
    const saved = await create();
    for (const other of [w.communications, w.producerUserA, w.wardOfficerA, w.leader, w.admin]) {
      actAs(other);
      expect(await saveGiftSet(giftSet())).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await saveGiftSet({ ...giftSet(), giftSetId: saved.id, version: saved.version })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version: saved.version })).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await findGiftSet(other, saved.id)).toBeNull();
      expect((await listGiftSets(other, {})).total).toBe(0);
    }
    actAs(null);
    expect(await saveGiftSet(giftSet())).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect((await db.giftSet.findUniqueOrThrow({ where: { id: saved.id } })).published).toBe(false);
  });
});

describe("publishing", () => {
  it("keeps a draft off the public pages until published, and takes it down again", async () => {
    const saved = await create();
    expect(await findPublishedGiftSet(saved.slug)).toBeNull();
    expect((await listPublishedGiftSets(100)).some((s) => s.id === saved.id)).toBe(false);
    expect((await sitemapGiftSets()).some((s) => s.slug === saved.slug)).toBe(false);

    actAs(w.economicOffice);
    ok(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version: saved.version }));
    const page = await findPublishedGiftSet(saved.slug);
    expect(page?.items.map((i) => i.product.id)).toEqual([products[1]!.id, products[0]!.id]);
    expect((await listPublishedGiftSets(100)).some((s) => s.id === saved.id)).toBe(true);
    expect((await sitemapGiftSets()).some((s) => s.slug === saved.slug)).toBe(true);
    // A second click on a page read before the first is a conflict, not a second publication.
    expect(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version: saved.version })).toEqual({ ok: false, code: "CONFLICT" });

    const version = (await findGiftSet(w.economicOffice, saved.id))!.updatedAt.toISOString();
    ok(await setGiftSetPublished({ giftSetId: saved.id, publish: false, version }));
    expect(await findPublishedGiftSet(saved.slug)).toBeNull();
    expect((await listStatusEvents({ entityType: "GiftSet", id: saved.id })).map((e) => e.action)).toEqual(["publish", "unpublish"]);
  });

  it("needs at least one listed product", async () => {
    const saved = await create({ items: [] });
    actAs(w.economicOffice);
    expect(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version: saved.version })).toMatchObject({ ok: false, code: "INCOMPLETE", fieldErrors: { items: ["trade.giftSetNeedsProduct"] } });
    expect(await findPublishedGiftSet(saved.slug)).toBeNull();
  });

  it("shows a product that has lost its recognition as such instead of dropping it", async () => {
    const saved = await create({ items: [{ productId: products[3]!.id, note: "" }, { productId: products[2]!.id, note: "" }] });
    actAs(w.economicOffice);
    ok(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version: saved.version }));
    ok(
      await revokeCertificate({
        certificateId: products[3]!.certificateId,
        ground: "A",
        decisionNumber: `${w.tag}-qua/QĐ-UBND`,
        decidedOn: vietnamDateOf(new Date()),
        signerName: "Nguyễn Văn An",
        signerTitle: "Chủ tịch UBND tỉnh",
        note: "Kết luận kiểm tra: sản phẩm không duy trì được tiêu chí chất lượng.",
      }),
    );
    const page = (await findPublishedGiftSet(saved.slug))!;
    expect(withListing(page.items).map((i) => [i.product.id, i.listed])).toEqual([
      [products[3]!.id, false],
      [products[2]!.id, true],
    ]);
    // Kept on edit, but it cannot be put into another set.
    const version = (await findGiftSet(w.economicOffice, saved.id))!.updatedAt.toISOString();
    ok(await saveGiftSet({ ...giftSet({ items: [{ productId: products[3]!.id, note: "" }, { productId: products[2]!.id, note: "" }] }), giftSetId: saved.id, version }));
    expect(await saveGiftSet(giftSet({ items: [{ productId: products[3]!.id, note: "" }] }))).toMatchObject({ ok: false, fieldErrors: { items: ["trade.productNotListed"] } });
  });
});

describe("the cover photo", () => {
  const png = tinyPng;
  const form = (giftSetId: string, bytes: Uint8Array, name: string) => {
    const data = new FormData();
    data.set("giftSetId", giftSetId);
    data.set("file", new File([new Uint8Array(bytes)], name));
    return data;
  };

  it("stores an image as the cover, served publicly only once the set is published", async () => {
    const saved = await create();
    actAs(w.economicOffice);
    const first = ok(await uploadGiftSetCover(form(saved.id, png(), "Ảnh bìa.png")));
    expect((await db.giftSet.findUniqueOrThrow({ where: { id: saved.id } })).coverPhotoId).toBe(first.attachmentId);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: first.attachmentId } })).toMatchObject({ entityType: "GiftSet", entityId: saved.id, purpose: "photo", mime: "image/png" });
    expect(await findPublicFile(first.attachmentId)).toBeNull();
    const second = ok(await uploadGiftSetCover(form(saved.id, png(), "Ảnh mới.png")));
    expect((await db.attachment.findUniqueOrThrow({ where: { id: first.attachmentId } })).deletedAt).not.toBeNull();
    const version = (await findGiftSet(w.economicOffice, saved.id))!.updatedAt.toISOString();
    ok(await setGiftSetPublished({ giftSetId: saved.id, publish: true, version }));
    expect(await findPublicFile(second.attachmentId)).toMatchObject({ mime: "image/png" });
    expect(await findPublicFile(first.attachmentId)).toBeNull();
  });

  it("refuses a document, and anyone but the office", async () => {
    const saved = await create();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    actAs(w.economicOffice);
    expect(await uploadGiftSetCover(form(saved.id, pdf, "anh.png"))).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    actAs(w.communications as Actor);
    expect(await uploadGiftSetCover(form(saved.id, png(), "anh.png"))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await db.attachment.count({ where: { entityType: "GiftSet", entityId: saved.id } })).toBe(0);
  });
});
