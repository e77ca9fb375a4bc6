"use server";
import type { Actor } from "@/lib/auth/actor";
import { storeAttachment } from "@/lib/db/attachments";
import { findProductProfile, listProductPhotos, productResource, type ProductProfileRecord } from "@/lib/db/products";
import type { Tx } from "@/lib/db/tx";
import { env } from "@/lib/env";
import { AppError, type ActionResult } from "@/lib/errors";
import { checkUpload } from "@/lib/storage/file-type";
import { productCoverSchema, productPhotoSchema, productProfileSchema, removeProductPhotoSchema } from "@/lib/validation/product-profile";
import { defineAction } from "./define-action";

// The producer's public product page: profile text, links and photos. The certificate columns
// of Product belong to its certificate (a trigger copies them) and are never written here.

/** Photos every browser can show: HEIC/HEIF (accepted for documents) would be a broken image on most phones. */
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** A gallery, not an archive: enough for the product, its packaging and where it is made. */
const MAX_PRODUCT_PHOTOS = 12;

const pagesOf = (p: { id: string; slug: string }) => ["/manage/products", `/manage/products/${p.id}`, "/products", `/products/${p.slug}`];

const loadProduct = ({ actor, input, tx }: { actor: Actor; input: { productId: string }; tx: Tx }) =>
  findProductProfile(actor, input.productId, tx);

export const saveProductProfile = defineAction({
  name: "product.editProfile",
  input: productProfileSchema,
  permission: "product.editProfile",
  load: loadProduct,
  resource: productResource,
  run: async ({ input, record, tx }) => {
    // updatedAt is the profile's version (Product has no version column): a save made by someone
    // else since this form was loaded is a conflict, not an overwrite.
    if (input.version !== record.updatedAt.toISOString()) throw new AppError("CONFLICT");
    const data = {
      summary: input.summary,
      story: input.story,
      packaging: input.packaging,
      priceFromVnd: input.priceFromVnd === null ? null : BigInt(input.priceFromVnd),
      qualitySystems: [...new Set(input.qualitySystems)],
      ecommerceLinks: input.ecommerceLinks,
      // Shown soonest first on the public page.
      livestreams: [...input.livestreams].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      website: input.website,
    };
    const { count } = await tx.product.updateMany({ where: { id: record.id, updatedAt: record.updatedAt }, data });
    if (count !== 1) throw new AppError("CONFLICT");
    const saved = await tx.product.findUniqueOrThrow({ where: { id: record.id }, select: { updatedAt: true } });
    return {
      result: { productId: record.id, slug: record.slug, version: saved.updatedAt.toISOString() },
      audit: { entityType: "Product", entityId: record.id, before: profileOf(record), after: { ...data, priceFromVnd: input.priceFromVnd } },
    };
  },
  revalidate: (r) => pagesOf({ id: r.productId, slug: r.slug }),
});

function profileOf(p: ProductProfileRecord) {
  const { summary, story, packaging, priceFromVnd, qualitySystems, ecommerceLinks, livestreams, website } = p;
  return { summary, story, packaging, priceFromVnd: priceFromVnd === null ? null : Number(priceFromVnd), qualitySystems, ecommerceLinks, livestreams, website };
}

/**
 * The cover is set without touching updatedAt (raw SQL; Prisma would bump it): updatedAt guards
 * the profile text, and a photo added in the same screen must not turn the producer's next save
 * of that text into a conflict.
 */
async function setCover(tx: Tx, productId: string, attachmentId: string | null) {
  await tx.$executeRaw`UPDATE "Product" SET "coverPhotoId" = ${attachmentId} WHERE id = ${productId}`;
}

const uploadPhoto = defineAction({
  name: "product.addPhoto",
  input: productPhotoSchema,
  permission: "product.editProfile",
  load: loadProduct,
  resource: productResource,
  run: async ({ actor, input, record, tx }) => {
    const photos = await listProductPhotos(record, tx);
    if (photos.length >= MAX_PRODUCT_PHOTOS) throw new AppError("FILE_LIMIT");
    // Photos only, checked by content before anything is stored (storeAttachment accepts documents too).
    const maxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);
    if (input.file.size > maxBytes) throw new AppError("FILE_TOO_LARGE");
    const check = checkUpload({ bytes: new Uint8Array(await input.file.arrayBuffer()), fileName: input.file.name, maxBytes, accept: PHOTO_TYPES });
    if (!check.ok) throw new AppError(check.code);
    const row = await storeAttachment(tx, actor, { type: "Product", id: record.id }, input.file, "photo");
    const cover = record.coverPhotoId === null;
    if (cover) await setCover(tx, record.id, row.id);
    return {
      result: { productId: record.id, slug: record.slug, id: row.id, fileName: row.fileName, cover },
      audit: { entityType: "Product", entityId: record.id, after: { photo: row.id, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256, cover } },
    };
  },
  revalidate: (r) => pagesOf({ id: r.productId, slug: r.slug }),
});

/** Server actions receive uploads as FormData; this turns it into the action's input. */
export async function uploadProductPhoto(formData: FormData): Promise<ActionResult<{ productId: string; slug: string; id: string; fileName: string; cover: boolean }>> {
  return uploadPhoto({ productId: formData.get("productId"), file: formData.get("file") });
}

async function photoOf(tx: Tx, productId: string, attachmentId: string) {
  const photo = await tx.attachment.findFirst({
    where: { id: attachmentId, entityType: "Product", entityId: productId, purpose: "photo", deletedAt: null },
    select: { id: true, fileName: true },
  });
  // Another product's photo (or a removed one) is as unknown here as a made-up id.
  if (!photo) throw new AppError("NOT_FOUND");
  return photo;
}

export const setProductCover = defineAction({
  name: "product.setCover",
  input: productCoverSchema,
  permission: "product.editProfile",
  load: loadProduct,
  resource: productResource,
  run: async ({ input, record, tx }) => {
    const photo = await photoOf(tx, record.id, input.attachmentId);
    await setCover(tx, record.id, photo.id);
    return {
      result: { productId: record.id, slug: record.slug },
      audit: { entityType: "Product", entityId: record.id, before: { coverPhotoId: record.coverPhotoId }, after: { coverPhotoId: photo.id } },
    };
  },
  revalidate: (r) => pagesOf({ id: r.productId, slug: r.slug }),
});

export const removeProductPhoto = defineAction({
  name: "product.removePhoto",
  input: removeProductPhotoSchema,
  permission: "product.editProfile",
  load: loadProduct,
  resource: productResource,
  run: async ({ input, record, tx }) => {
    const photo = await photoOf(tx, record.id, input.attachmentId);
    // Marked deleted and kept in storage, like every other removed file; /api/media stops serving it.
    await tx.attachment.update({ where: { id: photo.id }, data: { deletedAt: new Date() } });
    let cover = record.coverPhotoId;
    if (cover === photo.id) {
      // The next photo becomes the cover, so a product with photos never shows the placeholder.
      cover = (await listProductPhotos(record, tx))[0]?.id ?? null;
      await setCover(tx, record.id, cover);
    }
    return {
      result: { productId: record.id, slug: record.slug },
      audit: { entityType: "Product", entityId: record.id, before: { photo: photo.id, fileName: photo.fileName, coverPhotoId: record.coverPhotoId }, after: { coverPhotoId: cover } },
    };
  },
  revalidate: (r) => pagesOf({ id: r.productId, slug: r.slug }),
});
