// Files of records the public sees once published: before that only their editors open them
// (through the scoped download route); after it, anyone (through /api/media).
import { describe, expect, it } from "vitest";
import { findEditableFile, findPublicFile } from "@/lib/db/public-files";
import { fileStorage } from "@/lib/storage";
import { db, makeWorld } from "./world";

async function coverOf(entityType: string, entityId: string) {
  const stored = await fileStorage().put(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  return db.attachment.create({
    data: { entityType, entityId, purpose: "photo", storageKey: stored.key, fileName: "anh.jpg", mime: "image/jpeg", size: stored.size, sha256: stored.sha256 },
  });
}

describe("files of published records", () => {
  it("a draft article's cover opens for its editors only, and for everyone once published", async () => {
    const w = await makeWorld();
    const article = await db.newsArticle.create({ data: { slug: `tin-${w.tag}`, title: "Tin nháp", body: "Nội dung" } });
    const cover = await coverOf("NewsArticle", article.id);

    expect(await findPublicFile(cover.id)).toBeNull();
    expect(await findEditableFile(w.communications, cover.id)).not.toBeNull();
    expect(await findEditableFile(w.economicOffice, cover.id)).not.toBeNull();
    for (const outsider of [w.producerUserA, w.wardOfficerA, w.leader, w.council]) {
      expect(await findEditableFile(outsider, cover.id)).toBeNull();
    }

    await db.newsArticle.update({ where: { id: article.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await findPublicFile(cover.id)).not.toBeNull();
  });

  it("a product's photo opens for its producer and its ward before the product is recognised, not for another producer", async () => {
    const w = await makeWorld();
    const product = await db.product.create({ data: { slug: `sp-${w.tag}`, producerId: w.producerA.id, name: "Sản phẩm thử", criteriaSetNo: 1, searchText: "san pham thu" } });
    const photo = await coverOf("Product", product.id);

    expect(await findPublicFile(photo.id)).toBeNull();
    expect(await findEditableFile(w.producerUserA, photo.id)).not.toBeNull();
    expect(await findEditableFile(w.wardOfficerA, photo.id)).not.toBeNull();
    expect(await findEditableFile(w.producerUserB, photo.id)).toBeNull();
  });
});
