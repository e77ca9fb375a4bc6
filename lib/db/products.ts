import "server-only";
import { randomBytes } from "node:crypto";
import { productSearchText, productSlug } from "@/lib/domain/catalogue";
import type { Tx } from "./client";

/**
 * The catalogue product a new certificate recognises. A re-evaluation or upgrade keeps the
 * product of the certificate it builds on (its page and printed QR code stay the same; the name
 * follows the new dossier); a first recognition creates the product. The certificate row then
 * names the product and a trigger copies star, status and dates onto it.
 */
export async function catalogueProductFor(
  tx: Tx,
  dossier: { producerId: string; productName: string; criteriaSetNo: number; previousCertificateId: string | null },
): Promise<string> {
  const producer = await tx.producer.findUniqueOrThrow({ where: { id: dossier.producerId }, select: { name: true, ward: { select: { name: true } } } });
  const searchText = productSearchText({ productName: dossier.productName, producerName: producer.name, wardName: producer.ward.name });
  if (dossier.previousCertificateId) {
    const previous = await tx.certificate.findUnique({ where: { id: dossier.previousCertificateId }, select: { productId: true } });
    if (previous?.productId) {
      await tx.product.update({ where: { id: previous.productId }, data: { name: dossier.productName, criteriaSetNo: dossier.criteriaSetNo, searchText } });
      return previous.productId;
    }
  }
  const product = await tx.product.create({
    data: {
      slug: productSlug(dossier.productName, randomBytes(3).toString("hex")),
      producerId: dossier.producerId,
      name: dossier.productName,
      criteriaSetNo: dossier.criteriaSetNo,
      searchText,
    },
    select: { id: true },
  });
  return product.id;
}
