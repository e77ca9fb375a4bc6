// Attachments: stored through the storage interface under random keys, typed by their content,
// limited in size, refused when empty, and reachable only by those who can see the record.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actAs } from "./act-as";
import { db, makeWorld } from "./world";
import { tinyPng } from "../support/tiny-png";

// lib/env reads the environment once, on first use: the folder is set before any app module is
// loaded (they are imported dynamically below), so nothing lands in the project's own storage/.
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ocop-files-test-"));
process.env.STORAGE_DIR = storageDir;

let attachments: typeof import("@/lib/actions/attachments");
let ideas: typeof import("@/lib/actions/ideas");
let plans: typeof import("@/lib/actions/plans");
let dbAttachments: typeof import("@/lib/db/attachments");
let storage: typeof import("@/lib/storage");
let route: typeof import("@/app/api/files/[id]/route");
let h: typeof import("./helpers");
let maxBytes: number;

let w: Awaited<ReturnType<typeof makeWorld>>;
let wardOfficerB: Actor;
let draftIdea: string;
let planId: string;

beforeAll(async () => {
  attachments = await import("@/lib/actions/attachments");
  ideas = await import("@/lib/actions/ideas");
  plans = await import("@/lib/actions/plans");
  dbAttachments = await import("@/lib/db/attachments");
  storage = await import("@/lib/storage");
  route = await import("@/app/api/files/[id]/route");
  h = await import("./helpers");
  const { env } = await import("@/lib/env");
  maxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);

  w = await makeWorld();
  wardOfficerB = await h.extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  const by = { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice };
  draftIdea = await h.ideaAt("DRAFT", "Bánh khảo Nà Phặc", by);
  const accepted = await h.ideaAt("ACCEPTED", "Măng khô Cốc Đán", by);
  actAs(w.producerUserA);
  const financials = [2026, 2027, 2028].map((year) => ({ year, revenue: "", cost: "", profit: "" }));
  planId = h.ok(
    await plans.savePlanDraft({ ideaId: accepted, market: "", production: "", capacity: "", rawMaterialArea: "", packaging: "", standards: [], capital: "", fundingSources: "", labour: "", financials, milestones: [] }),
  ).planId;
  actAs(null);
});
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const PNG = tinyPng();
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

function form(entityType: string, entityId: string, file?: File) {
  const data = new FormData();
  data.set("entityType", entityType);
  data.set("entityId", entityId);
  if (file) data.set("file", file);
  return data;
}

const bytesOf = (data: Uint8Array) => new Uint8Array(data).buffer as ArrayBuffer;
const fileOf = (bytes: Uint8Array, name: string, type = "") => new File([bytesOf(bytes)], name, { type });

function storedFileCount(): number {
  return (readdirSync(storageDir, { recursive: true }) as string[]).filter((p) => statSync(path.join(storageDir, p)).isFile()).length;
}

const attachmentCount = (entityId: string) => db.attachment.count({ where: { entityId } });

async function download(actor: Actor | null, id: string) {
  actAs(actor);
  const response = await route.GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
  actAs(null);
  return response;
}

describe("uploading to a draft idea", () => {
  let attachmentId: string;

  it("stores a real PNG under a random key, with its hash, and the bytes come back from storage", async () => {
    actAs(w.producerUserA);
    const result = h.ok(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(PNG, "Ảnh sản phẩm.png", "image/png"))));
    attachmentId = result.id;
    expect(result.fileName).toBe("Ảnh sản phẩm.png");
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(row).toMatchObject({
      entityType: "ProductIdea",
      entityId: draftIdea,
      mime: "image/png",
      size: PNG.byteLength,
      sha256: createHash("sha256").update(PNG).digest("hex"),
      uploadedById: w.producerUserA.userId,
      deletedAt: null,
    });
    // The key is the server's own, never the uploader's file name.
    expect(row.storageKey).toMatch(/^ideas\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(existsSync(path.join(storageDir, row.storageKey))).toBe(true);
    const stored = await storage.fileStorage().get(row.storageKey);
    expect(stored).not.toBeNull();
    expect(new Uint8Array(stored!)).toEqual(PNG);
    expect(await db.auditEntry.findFirst({ where: { action: "attachment.upload", entityId: draftIdea } })).toMatchObject({ actorId: w.producerUserA.userId, after: { attachment: attachmentId, mime: "image/png" } });
  });

  it("the content decides the type: a PDF named .jpg is kept as a PDF named .pdf", async () => {
    actAs(w.producerUserA);
    const result = h.ok(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(PDF, "giay-phep.jpg", "image/jpeg"))));
    expect(result.fileName).toBe("giay-phep.pdf");
    expect(await db.attachment.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ mime: "application/pdf", size: PDF.byteLength });
  });

  it("refuses an .exe renamed photo.jpg, an oversized file, an empty file and a missing one, storing nothing", async () => {
    actAs(w.producerUserA);
    const rowsBefore = await attachmentCount(draftIdea);
    const filesBefore = storedFileCount();
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]); // "MZ": a Windows executable
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(exe, "photo.jpg", "image/jpeg")))).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(gif, "anh.png", "image/png")))).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });

    // One byte over the limit (UPLOAD_MAX_MB, 20 MB by default), with a real PNG header.
    const big = new Uint8Array(maxBytes + 1);
    big.set(PNG);
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(big, "anh-lon.png", "image/png")))).toEqual({ ok: false, code: "FILE_TOO_LARGE" });
    // Exactly at the limit is allowed: the limit is inclusive.
    const atLimit = new Uint8Array(maxBytes);
    atLimit.set(PNG);
    const accepted = h.ok(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(atLimit, "anh-vua.png", "image/png"))));
    expect((await db.attachment.findUniqueOrThrow({ where: { id: accepted.id } })).size).toBe(maxBytes);

    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(new Uint8Array(0), "trong.png", "image/png")))).toEqual({ ok: false, code: "FILE_EMPTY" });
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea))).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { file: ["validation.required"] } });
    expect(await attachments.uploadAttachment(form("Producer", w.producerA.id, fileOf(PNG, "a.png")))).toMatchObject({ ok: false, code: "VALIDATION" });

    // Only the file at the limit was stored.
    expect(await attachmentCount(draftIdea)).toBe(rowsBefore + 1);
    expect(storedFileCount()).toBe(filesBefore + 1);
    expect(await db.attachment.count({ where: { entityId: draftIdea, fileName: { in: ["photo.jpg", "photo.exe", "anh.png", "anh-lon.png", "trong.png"] } } })).toBe(0);
  });

  it("only those who see the idea can find and download the file; others get 404", async () => {
    expect(await dbAttachments.findAttachment(w.producerUserA, attachmentId)).toMatchObject({ file: { id: attachmentId } });
    for (const outsider of [w.producerUserB, wardOfficerB, w.council]) {
      expect(await dbAttachments.findAttachment(outsider, attachmentId)).toBeNull();
    }
    const mine = await download(w.producerUserA, attachmentId);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PNG);
    for (const outsider of [w.producerUserB, wardOfficerB, null]) expect((await download(outsider, attachmentId)).status).toBe(404);
    expect((await download(w.producerUserA, "khong-co-tep-nay")).status).toBe(404);
  });

  it("nobody but the producer reaches a never-submitted draft's files: other producers and every ward answer NOT_FOUND", async () => {
    const rowsBefore = await attachmentCount(draftIdea);
    const filesBefore = storedFileCount();
    for (const outsider of [w.producerUserB, wardOfficerB]) {
      actAs(outsider);
      expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(PNG, "chen.png")))).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await attachments.removeAttachment({ attachmentId })).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    // Even the producer's own ward: a draft reaches officials with its first submission.
    actAs(w.wardOfficerA);
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(PNG, "xa.png")))).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await attachments.removeAttachment({ attachmentId })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await attachmentCount(draftIdea)).toBe(rowsBefore);
    expect(storedFileCount()).toBe(filesBefore);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).deletedAt).toBeNull();
  });

  it("after submission the producer can neither add nor remove files (INVALID_TRANSITION), and nothing is stored", async () => {
    actAs(w.producerUserA);
    h.ok(await ideas.transitionIdea({ ideaId: draftIdea, action: "submit" }));
    const rowsBefore = await attachmentCount(draftIdea);
    const filesBefore = storedFileCount();
    expect(await attachments.uploadAttachment(form("ProductIdea", draftIdea, fileOf(PNG, "muon.png")))).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await attachments.removeAttachment({ attachmentId })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    expect(await attachmentCount(draftIdea)).toBe(rowsBefore);
    expect(storedFileCount()).toBe(filesBefore);
    // What was attached stays visible to those reviewing it, and still to nobody else.
    for (const reviewer of [w.wardOfficerA, w.economicOffice, w.leader]) {
      expect(await dbAttachments.findAttachment(reviewer, attachmentId)).toMatchObject({ file: { id: attachmentId } });
    }
    expect((await download(w.wardOfficerA, attachmentId)).status).toBe(200);
    expect((await download(w.producerUserA, attachmentId)).status).toBe(200);
    for (const outsider of [w.producerUserB, wardOfficerB, w.council]) expect(await dbAttachments.findAttachment(outsider, attachmentId)).toBeNull();
  });
});

describe("removing a file from a draft", () => {
  it("marks it deleted (kept in storage), after which it answers 404", async () => {
    const ideaId = await h.ideaAt("DRAFT", "Thịt trâu sấy Ba Bể", { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice });
    actAs(w.producerUserA);
    const { id } = h.ok(await attachments.uploadAttachment(form("ProductIdea", ideaId, fileOf(PNG, "trau.png"))));
    h.ok(await attachments.removeAttachment({ attachmentId: id }));
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await storage.fileStorage().get(row.storageKey)).not.toBeNull();
    expect(await dbAttachments.findAttachment(w.producerUserA, id)).toBeNull();
    expect((await download(w.producerUserA, id)).status).toBe(404);
    expect(await dbAttachments.listAttachments({ type: "ProductIdea", id: ideaId })).toEqual([]);
  });
});

describe("files of a business plan", () => {
  it("the producer attaches to its draft plan; another producer or ward gets 404 for upload and download", async () => {
    actAs(w.producerUserA);
    const { id } = h.ok(await attachments.uploadAttachment(form("BusinessPlan", planId, fileOf(PDF, "phuong-an.pdf", "application/pdf"))));
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ entityType: "BusinessPlan", entityId: planId, mime: "application/pdf" });
    expect(row.storageKey).toMatch(/^plans\//);
    // A plan not yet submitted is the producer's own, its own ward included.
    expect(await dbAttachments.findAttachment(w.wardOfficerA, id)).toBeNull();
    for (const outsider of [w.producerUserB, wardOfficerB]) {
      expect(await dbAttachments.findAttachment(outsider, id)).toBeNull();
      expect((await download(outsider, id)).status).toBe(404);
      actAs(outsider);
      expect(await attachments.uploadAttachment(form("BusinessPlan", planId, fileOf(PDF, "chen.pdf")))).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    expect(await attachmentCount(planId)).toBe(1);
    const ok = await download(w.producerUserA, id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment;/);
  });
});
