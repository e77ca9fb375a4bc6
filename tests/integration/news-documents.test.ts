// Step 1, communication: news articles and the document library. The Economic Office and the
// communications centre write and publish; nobody else may; the public sees only what is
// published, text stays text, and files of drafts are never served.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actAs } from "./act-as";
import { db, makeWorld } from "./world";
import { tinyPng } from "../support/tiny-png";

// lib/env reads the environment once, on first use: the storage folder is set before any app
// module is loaded (they are imported dynamically below).
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ocop-comms-test-"));
process.env.STORAGE_DIR = storageDir;

let news: typeof import("@/lib/actions/news");
let documents: typeof import("@/lib/actions/documents");
let newsDb: typeof import("@/lib/db/news");
let docsDb: typeof import("@/lib/db/documents");
let publicFiles: typeof import("@/lib/db/public-files");
let h: typeof import("./helpers");
let w: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  news = await import("@/lib/actions/news");
  documents = await import("@/lib/actions/documents");
  newsDb = await import("@/lib/db/news");
  docsDb = await import("@/lib/db/documents");
  publicFiles = await import("@/lib/db/public-files");
  h = await import("./helpers");
  w = await makeWorld();
});
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const PNG = tinyPng();
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const fileOf = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes).buffer as ArrayBuffer], name);
const coverForm = (articleId: string, file: File) => {
  const data = new FormData();
  data.set("articleId", articleId);
  data.set("file", file);
  return data;
};
const docForm = (documentId: string, file: File) => {
  const data = new FormData();
  data.set("documentId", documentId);
  data.set("file", file);
  return data;
};

const article = (title: string, body = "Đoạn thứ nhất của bài viết về Chương trình OCOP.\n\nĐoạn thứ hai.") => ({
  title,
  summary: "Tóm tắt ngắn gọn nội dung chính của tin.",
  body,
});
const rowOf = (id: string) => db.newsArticle.findUniqueOrThrow({ where: { id } });

async function draft(by: Actor, title: string, body?: string) {
  actAs(by);
  const saved = h.ok(await news.saveNewsArticle(article(title, body)));
  actAs(null);
  return saved;
}

async function publish(by: Actor, articleId: string) {
  actAs(by);
  const result = h.ok(await news.transitionNews({ articleId, action: "publish" }));
  actAs(null);
  return result;
}

describe("news articles", () => {
  it("the communications centre writes a draft and publishes it: dated, recorded, audited, and the office is told", async () => {
    const { articleId, slug } = await draft(w.communications, `Hội đồng đánh giá sản phẩm OCOP đợt 2 ${w.tag}`);
    const created = await rowOf(articleId);
    expect(created).toMatchObject({ status: "DRAFT", publishedAt: null, authorId: w.communications.userId, slug });
    expect(slug).toMatch(/^hoi-dong-danh-gia-san-pham-ocop-dot-2-[a-z0-9-]+-[0-9a-f]{6}$/);

    const before = new Date();
    expect(await publish(w.communications, articleId)).toMatchObject({ status: "PUBLISHED" });
    const published = await rowOf(articleId);
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await db.statusEvent.findFirst({ where: { entityType: "NewsArticle", entityId: articleId, action: "publish" } })).toMatchObject({
      fromStatus: "DRAFT",
      toStatus: "PUBLISHED",
      actorId: w.communications.userId,
    });
    expect(await db.auditEntry.count({ where: { entityType: "NewsArticle", entityId: articleId, action: { in: ["news.save", "news.transition"] } } })).toBe(2);
    expect(await db.notification.findFirst({ where: { userId: w.economicOffice.userId, kind: "news.noticePublished", href: `/news/${slug}` } })).not.toBeNull();
    // The one who published is not told about their own act.
    expect(await db.notification.count({ where: { userId: w.communications.userId, href: `/news/${slug}` } })).toBe(0);
  });

  it("the Economic Office may do the same", async () => {
    const { articleId } = await draft(w.economicOffice, `Tập huấn xây dựng phương án kinh doanh ${w.tag}`);
    await publish(w.economicOffice, articleId);
    expect((await rowOf(articleId)).status).toBe("PUBLISHED");
  });

  it("a producer, a ward officer, a leader, a council member and an administrator are refused (FORBIDDEN) and nothing changes", async () => {
    const { articleId } = await draft(w.communications, `Bản nháp chỉ người biên tập sửa ${w.tag}`);
    const before = await rowOf(articleId);
    for (const outsider of [w.producerUserA, w.wardOfficerA, w.leader, w.council, w.admin]) {
      actAs(outsider);
      expect(await news.saveNewsArticle(article(`Tin giả mạo ${w.tag}`))).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await news.saveNewsArticle({ ...article("Sửa trộm tiêu đề"), articleId, version: before.updatedAt.toISOString() })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await news.transitionNews({ articleId, action: "publish" })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await news.setNewsCover(coverForm(articleId, fileOf(PNG, "anh.png")))).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await documents.saveLibraryDocument({ title: "Văn bản giả", number: "", issuedOn: "", issuer: "Không rõ", kind: "LEGAL", summary: "" })).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(newsDb.canManageNews(outsider)).toBe(false);
      expect(await newsDb.findNewsForDesk(outsider, articleId)).toBeNull();
    }
    actAs(null);
    expect(await news.saveNewsArticle(article("Không đăng nhập"))).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await rowOf(articleId)).toEqual(before);
    expect(await db.newsArticle.count({ where: { title: `Tin giả mạo ${w.tag}` } })).toBe(0);
  });

  it("a draft is neither in the public list, nor at its address, nor in the sitemap; published it is, unpublished it is gone again", async () => {
    const { articleId, slug } = await draft(w.communications, `Hội chợ nông sản OCOP ${w.tag}`);
    const publicSlugs = async () => (await newsDb.listPublishedNews(1)).rows.map((r) => r.slug);
    expect(await publicSlugs()).not.toContain(slug);
    expect(await newsDb.findPublishedNews(slug)).toBeNull();
    expect((await newsDb.sitemapNews()).map((r) => r.slug)).not.toContain(slug);
    expect((await newsDb.listLatestNews(50)).map((r) => r.slug)).not.toContain(slug);

    await publish(w.communications, articleId);
    // Newest first: the article just published heads the first page and the home page's list.
    expect((await publicSlugs())[0]).toBe(slug);
    expect((await newsDb.listLatestNews(3))[0]).toMatchObject({ slug, title: `Hội chợ nông sản OCOP ${w.tag}`, coverPhotoId: null });
    expect(await newsDb.findPublishedNews(slug)).toMatchObject({ id: articleId });
    expect((await newsDb.sitemapNews()).map((r) => r.slug)).toContain(slug);

    actAs(w.communications);
    h.ok(await news.transitionNews({ articleId, action: "unpublish" }));
    expect(await newsDb.findPublishedNews(slug)).toBeNull();
    expect(await publicSlugs()).not.toContain(slug);
    h.ok(await news.transitionNews({ articleId, action: "archive" }));
    expect(await newsDb.findPublishedNews(slug)).toBeNull();
    expect(await news.transitionNews({ articleId, action: "publish" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    h.ok(await news.transitionNews({ articleId, action: "restore" }));
    expect((await rowOf(articleId)).status).toBe("DRAFT");
  });

  it("a body with <script> is stored and served as the same text, never as markup", async () => {
    const body = 'Khách tham quan gian hàng OCOP.\n\n<script>alert("xss")</script><img src=x onerror=alert(1)>\n\nĐoạn cuối.';
    const { articleId, slug } = await draft(w.communications, `Tin có mã lạ ${w.tag}`, body);
    expect((await rowOf(articleId)).body).toBe(body);
    await publish(w.communications, articleId);
    expect((await newsDb.findPublishedNews(slug))!.body).toBe(body);
  });

  it("the address follows the title until the first publication, then stays, even through unpublishing", async () => {
    const first = await draft(w.communications, `Tiêu đề tạm ${w.tag}`);
    actAs(w.communications);
    const renamed = h.ok(await news.saveNewsArticle({ ...article(`Tiêu đề chính thức ${w.tag}`), articleId: first.articleId, version: first.version }));
    expect(renamed.slug).not.toBe(first.slug);
    expect(renamed.slug).toMatch(/^tieu-de-chinh-thuc-/);
    h.ok(await news.transitionNews({ articleId: first.articleId, action: "publish" }));
    const publishedAt = (await rowOf(first.articleId)).publishedAt;
    const v1 = (await rowOf(first.articleId)).updatedAt.toISOString();
    const corrected = h.ok(await news.saveNewsArticle({ ...article(`Tiêu đề đã sửa lỗi chính tả ${w.tag}`), articleId: first.articleId, version: v1 }));
    expect(corrected.slug).toBe(renamed.slug);
    h.ok(await news.transitionNews({ articleId: first.articleId, action: "unpublish" }));
    const v2 = (await rowOf(first.articleId)).updatedAt.toISOString();
    expect(h.ok(await news.saveNewsArticle({ ...article(`Tiêu đề khác hẳn ${w.tag}`), articleId: first.articleId, version: v2 })).slug).toBe(renamed.slug);
    h.ok(await news.transitionNews({ articleId: first.articleId, action: "publish" }));
    // Published again after a correction, it keeps its first publication date.
    expect((await rowOf(first.articleId)).publishedAt).toEqual(publishedAt);
  });

  it("a save from a stale form is a CONFLICT; empty fields are refused with catalogue keys", async () => {
    const { articleId, version } = await draft(w.communications, `Bài hai người cùng sửa ${w.tag}`);
    actAs(w.communications);
    h.ok(await news.saveNewsArticle({ ...article(`Bài hai người cùng sửa ${w.tag}`, "Người thứ nhất đã lưu nội dung này trước."), articleId, version }));
    expect(await news.saveNewsArticle({ ...article(`Bài hai người cùng sửa ${w.tag}`, "Người thứ hai lưu sau, từ bản cũ."), articleId, version })).toEqual({ ok: false, code: "CONFLICT" });
    expect(await news.saveNewsArticle({ title: "", summary: "", body: "" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { title: ["validation.required"], summary: ["validation.required"], body: ["validation.required"] },
    });
    expect(await news.transitionNews({ articleId: "khong-co", action: "publish" })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("the cover photo is served only once the article is published; a new photo replaces the old, which is kept soft-deleted; a PDF is refused", async () => {
    const { articleId, slug } = await draft(w.communications, `Tin có ảnh bìa ${w.tag}`);
    actAs(w.communications);
    expect(await news.setNewsCover(coverForm(articleId, fileOf(PDF, "anh.pdf")))).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    const first = h.ok(await news.setNewsCover(coverForm(articleId, fileOf(PNG, "anh-bia.png"))));
    expect((await rowOf(articleId)).coverPhotoId).toBe(first.fileId);
    expect(await db.attachment.findUniqueOrThrow({ where: { id: first.fileId } })).toMatchObject({ entityType: "NewsArticle", entityId: articleId, purpose: "photo", mime: "image/png" });
    expect(await publicFiles.findPublicFile(first.fileId)).toBeNull();
    const second = h.ok(await news.setNewsCover(coverForm(articleId, fileOf(PNG, "anh-bia-moi.png"))));
    expect((await db.attachment.findUniqueOrThrow({ where: { id: first.fileId } })).deletedAt).not.toBeNull();
    actAs(null);
    await publish(w.communications, articleId);
    expect(await publicFiles.findPublicFile(second.fileId)).toMatchObject({ entityType: "NewsArticle", entityId: articleId, mime: "image/png" });
    expect(await publicFiles.findPublicFile(first.fileId)).toBeNull();
    expect((await newsDb.findPublishedNews(slug))!.coverPhotoId).toBe(second.fileId);
    actAs(w.communications);
    h.ok(await news.removeNewsCover({ articleId }));
    expect(await publicFiles.findPublicFile(second.fileId)).toBeNull();
    expect((await rowOf(articleId)).coverPhotoId).toBeNull();
  });
});

describe("document library", () => {
  const docInput = (over: Record<string, unknown> = {}) => ({
    title: `Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm ${w.tag}`,
    number: `26/2026/QĐ-TTg-${w.tag}`,
    issuedOn: "2026-05-22",
    issuer: "Thủ tướng Chính phủ",
    kind: "LEGAL",
    summary: "Thay thế Quyết định số 148/QĐ-TTg.",
    ...over,
  });

  it("a published document's file is downloadable, a draft's is not; a replaced file stays on record soft-deleted", async () => {
    actAs(w.communications);
    const { documentId } = h.ok(await documents.saveLibraryDocument(docInput()));
    expect(await db.libraryDocument.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ status: "DRAFT", issuedOn: new Date("2026-05-22T00:00:00Z"), createdById: w.communications.userId });
    expect(await documents.setDocumentFile(docForm(documentId, fileOf(PNG, "anh.png")))).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    const first = h.ok(await documents.setDocumentFile(docForm(documentId, fileOf(PDF, "qd-26-2026.pdf"))));
    expect(await publicFiles.findPublicFile(first.fileId)).toBeNull();

    h.ok(await documents.transitionDocument({ documentId, action: "publish" }));
    expect(await publicFiles.findPublicFile(first.fileId)).toMatchObject({ entityType: "LibraryDocument", entityId: documentId, mime: "application/pdf", fileName: "qd-26-2026.pdf" });

    const second = h.ok(await documents.setDocumentFile(docForm(documentId, fileOf(PDF, "qd-26-2026-ban-sua.pdf"))));
    expect((await db.attachment.findUniqueOrThrow({ where: { id: first.fileId } })).deletedAt).not.toBeNull();
    expect(await publicFiles.findPublicFile(first.fileId)).toBeNull();
    expect(await publicFiles.findPublicFile(second.fileId)).not.toBeNull();
    expect(await db.auditEntry.findFirst({ where: { action: "document.setFile", entityId: documentId }, orderBy: { id: "desc" } })).toMatchObject({ before: { fileId: first.fileId }, after: { fileId: second.fileId } });

    h.ok(await documents.transitionDocument({ documentId, action: "unpublish" }));
    expect(await publicFiles.findPublicFile(second.fileId)).toBeNull();
  });

  it("the public list finds documents by title, number or issuer with or without diacritics, filters by kind, and never shows drafts", async () => {
    actAs(w.economicOffice);
    const legal = h.ok(await documents.saveLibraryDocument(docInput({ number: `919/QĐ-TTg-${w.tag}`, title: `Phê duyệt Chương trình Mỗi xã một sản phẩm giai đoạn 2021 - 2025 ${w.tag}`, issuedOn: "2022-08-01" })));
    const local = h.ok(
      await documents.saveLibraryDocument(docInput({ number: `736/QĐ-UBND-${w.tag}`, title: `Quy chế điểm giới thiệu và bán sản phẩm OCOP ${w.tag}`, issuer: "UBND tỉnh Bắc Kạn", issuedOn: "2021-05-26" })),
    );
    const form = h.ok(await documents.saveLibraryDocument(docInput({ number: "", title: `Mẫu số 01 phiếu đăng ký đánh giá ${w.tag}`, kind: "FORM", issuedOn: "" })));
    const hidden = h.ok(await documents.saveLibraryDocument(docInput({ number: `999/QĐ-UBND-${w.tag}`, title: `Văn bản chưa đăng ${w.tag}` })));
    const countBefore = await docsDb.countPublishedDocuments();
    for (const d of [legal, local, form]) h.ok(await documents.transitionDocument({ documentId: d.documentId, action: "publish" }));
    expect(await docsDb.countPublishedDocuments()).toBe(countBefore + 3);
    const ids = async (f: Parameters<typeof docsDb.listPublishedDocuments>[0]) => (await docsDb.listPublishedDocuments(f)).rows.map((r) => r.id);

    // The tag keeps other tests' documents out of these searches.
    expect(await ids({ q: `${w.tag} phe duyet chuong trinh` })).toEqual([legal.documentId]);
    expect(await ids({ q: `${w.tag} ubnd tinh bac kan` })).toEqual([local.documentId]);
    expect(await ids({ q: `${w.tag} QĐ-UBND` })).toEqual([local.documentId]);
    expect(await ids({ q: `${w.tag} qd ttg 919` })).toEqual([legal.documentId]);
    // Newest issue date first, an undated form after the dated documents.
    expect(await ids({ q: w.tag })).toEqual([legal.documentId, local.documentId, form.documentId]);
    expect(await ids({ q: w.tag, kind: "FORM" })).toEqual([form.documentId]);
    expect(await ids({ q: w.tag })).not.toContain(hidden.documentId);
    expect(await ids({ q: `${w.tag} chua dang` })).toEqual([]);
    const row = (await docsDb.listPublishedDocuments({ q: `${w.tag} 736` })).rows[0]!;
    expect(row).toMatchObject({ issuer: "UBND tỉnh Bắc Kạn", file: null, kind: "LEGAL" });
  });

  it("a document cannot be published twice nor saved from a stale form", async () => {
    actAs(w.communications);
    const { documentId } = h.ok(await documents.saveLibraryDocument(docInput({ number: `1489/QĐ-TTg-${w.tag}` })));
    h.ok(await documents.transitionDocument({ documentId, action: "publish" }));
    expect(await documents.transitionDocument({ documentId, action: "publish" })).toEqual({ ok: false, code: "INVALID_TRANSITION" });
    const version = (await db.libraryDocument.findUniqueOrThrow({ where: { id: documentId } })).updatedAt.toISOString();
    expect(await documents.saveLibraryDocument({ ...docInput(), documentId, version })).toEqual({ ok: true, data: expect.anything() });
    expect(await documents.saveLibraryDocument({ ...docInput(), documentId, version })).toEqual({ ok: false, code: "CONFLICT" });
    expect(await documents.saveLibraryDocument(docInput({ issuedOn: "2026-02-30", kind: "LAW" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { issuedOn: ["validation.date"], kind: ["validation.choose"] } });
  });
});
