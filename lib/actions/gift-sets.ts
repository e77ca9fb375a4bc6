"use server";
import { randomBytes } from "node:crypto";
import { storeAttachment } from "@/lib/db/attachments";
import { findGiftSet, GIFT_SET_RESOURCE, withListing, type GiftSetRecord } from "@/lib/db/gift-sets";
import { unlistedProductIds } from "@/lib/db/points-of-sale";
import { recordStatusChange } from "@/lib/db/timeline";
import { productSlug } from "@/lib/domain/catalogue";
import { env } from "@/lib/env";
import { AppError, type ActionResult } from "@/lib/errors";
import { checkUpload } from "@/lib/storage/file-type";
import { giftSetCoverSchema, giftSetPublishSchema, giftSetSchema } from "@/lib/validation/trade";
import { defineAction } from "./define-action";

type Loaded = { kind: "new" } | { kind: "existing"; set: GiftSetRecord };

// The audit log is JSON: the price (BigInt) is written as text.
const auditView = (s: GiftSetRecord) => ({
  name: s.name,
  occasion: s.occasion,
  story: s.story,
  priceVnd: s.priceVnd === null ? null : s.priceVnd.toString(),
  published: s.published,
  items: s.items.map((i) => ({ productId: i.product.id, note: i.note })),
});

const paths = (id: string, slug: string) => ["/manage/gift-sets", `/manage/gift-sets/${id}`, "/gift-sets", `/gift-sets/${slug}`];

/**
 * Creates or edits a gift set. A product newly put in the set must be in the catalogue today;
 * one already in it that has since lost its recognition may stay (the public page says so).
 */
export const saveGiftSet = defineAction({
  name: "giftSet.save",
  input: giftSetSchema,
  permission: "giftSet.manage",
  load: async ({ actor, input, tx }): Promise<Loaded | null> => {
    if (!input.giftSetId) return { kind: "new" };
    const set = await findGiftSet(actor, input.giftSetId, tx);
    return set ? { kind: "existing", set } : null;
  },
  resource: () => GIFT_SET_RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    const kept = new Set(record.kind === "existing" ? record.set.items.map((i) => i.product.id) : []);
    const added = input.items.map((i) => i.productId).filter((id) => !kept.has(id));
    if ((await unlistedProductIds(tx, added)).length > 0) throw new AppError("VALIDATION", undefined, { items: ["trade.productNotListed"] });
    const data = { name: input.name, occasion: input.occasion, story: input.story, priceVnd: input.priceVnd === null ? null : BigInt(input.priceVnd) };
    let id: string;
    let slug: string;
    if (record.kind === "existing") {
      const set = record.set;
      if (input.version !== set.updatedAt.toISOString()) throw new AppError("CONFLICT");
      // A published set stays worth a page: it keeps at least one product.
      if (set.published && input.items.length === 0) throw new AppError("INCOMPLETE", undefined, { items: ["trade.giftSetNeedsProduct"] });
      const { count } = await tx.giftSet.updateMany({ where: { id: set.id, updatedAt: set.updatedAt }, data });
      if (count !== 1) throw new AppError("CONFLICT");
      await tx.giftSetItem.deleteMany({ where: { giftSetId: set.id } });
      id = set.id;
      slug = set.slug;
    } else {
      // The address is made once from the first name and kept: links already shared keep working.
      const created = await tx.giftSet.create({ data: { ...data, slug: productSlug(input.name, randomBytes(3).toString("hex")), createdById: actor.userId }, select: { id: true, slug: true } });
      id = created.id;
      slug = created.slug;
    }
    await tx.giftSetItem.createMany({ data: input.items.map((i, position) => ({ giftSetId: id, productId: i.productId, position, note: i.note })) });
    // The version is the row's updatedAt: touched here so an items-only change is a new version too.
    const saved = await tx.giftSet.update({ where: { id }, data: { updatedAt: new Date() }, select: { updatedAt: true } });
    return {
      result: { id, slug, version: saved.updatedAt.toISOString() },
      audit: { entityType: "GiftSet", entityId: id, before: record.kind === "existing" ? auditView(record.set) : null, after: { ...data, priceVnd: input.priceVnd, items: input.items } },
    };
  },
  revalidate: (r) => paths(r.id, r.slug),
});

/** Publishing shows the set to everyone; it needs at least one product still in the catalogue. */
export const setGiftSetPublished = defineAction({
  name: "giftSet.publish",
  input: giftSetPublishSchema,
  permission: "giftSet.manage",
  load: ({ actor, input, tx }) => findGiftSet(actor, input.giftSetId, tx),
  resource: () => GIFT_SET_RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    if (input.version !== record.updatedAt.toISOString()) throw new AppError("CONFLICT");
    if (record.published === input.publish) throw new AppError("INVALID_TRANSITION");
    if (input.publish && !withListing(record.items).some((i) => i.listed)) throw new AppError("INCOMPLETE", undefined, { items: ["trade.giftSetNeedsProduct"] });
    const { count } = await tx.giftSet.updateMany({
      where: { id: record.id, published: record.published, updatedAt: record.updatedAt },
      data: input.publish ? { published: true, publishedAt: new Date() } : { published: false },
    });
    if (count !== 1) throw new AppError("CONFLICT");
    const [from, to] = input.publish ? ["DRAFT", "PUBLISHED"] : ["PUBLISHED", "DRAFT"];
    await recordStatusChange(tx, actor, { entityType: "GiftSet", entityId: record.id, action: input.publish ? "publish" : "unpublish", fromStatus: from, toStatus: to });
    return {
      result: { id: record.id, slug: record.slug, published: input.publish },
      audit: { entityType: "GiftSet", entityId: record.id, before: { published: record.published }, after: { published: input.publish } },
    };
  },
  revalidate: (r) => paths(r.id, r.slug),
});

// Browsers show JPEG, PNG and WebP; a HEIC cover would be a broken image on most of them.
const COVER_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const uploadCover = defineAction({
  name: "giftSet.uploadCover",
  input: giftSetCoverSchema,
  permission: "giftSet.manage",
  load: ({ actor, input, tx }) => findGiftSet(actor, input.giftSetId, tx),
  resource: () => GIFT_SET_RESOURCE,
  run: async ({ actor, input, record, tx }) => {
    // Checked before storing, so a refused file leaves nothing on disk.
    const maxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);
    if (input.file.size > maxBytes) throw new AppError("FILE_TOO_LARGE");
    const check = checkUpload({ bytes: new Uint8Array(await input.file.arrayBuffer()), fileName: input.file.name, maxBytes, accept: COVER_TYPES });
    if (!check.ok) throw new AppError(check.code);
    const row = await storeAttachment(tx, actor, { type: "GiftSet", id: record.id }, input.file, "photo");
    // The previous cover is kept (marked deleted) rather than served beside the new one.
    if (record.coverPhotoId) await tx.attachment.updateMany({ where: { id: record.coverPhotoId, entityType: "GiftSet", entityId: record.id }, data: { deletedAt: new Date() } });
    await tx.giftSet.update({ where: { id: record.id }, data: { coverPhotoId: row.id } });
    return {
      result: { id: record.id, slug: record.slug, attachmentId: row.id, fileName: row.fileName },
      audit: { entityType: "GiftSet", entityId: record.id, before: { coverPhotoId: record.coverPhotoId }, after: { coverPhotoId: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 } },
    };
  },
  revalidate: (r) => paths(r.id, r.slug),
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadGiftSetCover(formData: FormData): Promise<ActionResult<{ id: string; slug: string; attachmentId: string; fileName: string }>> {
  return uploadCover({ giftSetId: formData.get("giftSetId"), file: formData.get("file") });
}
