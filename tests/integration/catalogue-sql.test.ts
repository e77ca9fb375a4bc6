// The SQL side of the catalogue: the folding function the backfill migration uses agrees with the
// application's, and the Certificate → Product trigger keeps a product on its newest live
// certificate, including when a replacement is issued on the same day as the one it replaces.
import { describe, expect, it } from "vitest";
import { foldVietnamese } from "@/lib/domain/catalogue";
import { issuedCertificate } from "./certificate-fixtures";
import { db, makeWorld } from "./world";

describe("ocop_fold (SQL) and foldVietnamese (TypeScript)", () => {
  it("fold Vietnamese names the same way", async () => {
    const names = [
      "Miến dong Tài Hoan",
      "MẬT ONG BẠC HÀ ĐỒNG VĂN",
      "Trà Shan tuyết – Ngọc Thắng (hộp 100g)",
      "Gạo nếp Khẩu Nua Lếch Huyền Tụng",
      "Rượu chuối men lá; Ỷ Tý, ướp Ửng",
      "HTX Nông nghiệp Đức Xuân  № 2",
    ];
    for (const name of names) {
      const [row] = await db.$queryRaw<{ folded: string }[]>`SELECT ocop_fold(${name}) AS folded`;
      expect(row!.folded, name).toBe(foldVietnamese(name));
    }
  });
});

describe("the certificate trigger", () => {
  it("keeps the product on a same-day replacement when the old certificate is marked replaced", async () => {
    const w = await makeWorld();
    const { certificate: old } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: "2026-03-02", star: 3 });
    const product = await db.product.create({
      data: { slug: `trigger-${w.tag}`, producerId: w.producerA.id, name: old.productName, criteriaSetNo: old.criteriaSetNo, searchText: "trigger" },
    });
    await db.certificate.update({ where: { id: old.id }, data: { productId: product.id } });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateId: old.id, star: 3, certificateStatus: "ACTIVE" });

    const { certificate: upgrade } = await issuedCertificate({ producerId: w.producerA.id, issuedOn: "2026-03-02", star: 4 });
    await db.certificate.update({ where: { id: upgrade.id }, data: { productId: product.id } });
    await db.certificate.update({ where: { id: old.id }, data: { status: "SUPERSEDED", replacedById: upgrade.id } });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateId: upgrade.id, star: 4, certificateStatus: "ACTIVE" });

    // The current certificate's own changes still show at once.
    await db.certificate.update({ where: { id: upgrade.id }, data: { status: "REVOKED" } });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateId: upgrade.id, certificateStatus: "REVOKED" });
  });
});
