// Demo data of step 5: the second 2026 evaluation round of the provincial council with its
// members, so the Economic Office can assign dossiers at once. Made once (by cycle year and number).
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { certificateExpiry } from "../../lib/domain/certificates";
import { formatCertificateNumber } from "../../lib/domain/certificate-numbers";
import { QD26_2026, getRuleSet } from "../../lib/domain/rule-sets";
import { demoCatalogueProduct } from "./demo-catalogue";

export async function seedDemoRound(db: PrismaClient) {
  const existing = await db.evaluationRound.findUnique({ where: { cycleYear_no: { cycleYear: 2026, no: 2 } }, select: { id: true } });
  if (existing) return;
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((u) => u.id);
  // QĐ26 Art. 5: proposals by 30/10, results by 30/12 for the second round.
  await db.evaluationRound.create({
    data: {
      cycleYear: 2026,
      no: 2,
      title: "Đợt 2 năm 2026",
      level: "PROVINCE",
      proposalsBy: new Date("2026-10-30T00:00:00Z"),
      completeBy: new Date("2026-12-30T00:00:00Z"),
      maxSpread: QD26_2026.councilDefaults.maxSpread,
      knockOutRule: QD26_2026.councilDefaults.knockOutRule,
      councilDecision: "Quyết định số 2150/QĐ-UBND ngày 15/10/2026 về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP",
      members: {
        create: [
          { userId: await user("hoidong@ocop.demo"), role: "CHAIR", title: "Phó Giám đốc Sở Nông nghiệp và Môi trường" },
          { userId: await user("hoidong2@ocop.demo"), role: "MEMBER", title: "Chi cục Quản lý chất lượng nông, lâm sản và thủy sản" },
          { userId: await user("hoidong3@ocop.demo"), role: "MEMBER", title: "Sở Công Thương" },
          { userId: await user("kinhte@ocop.demo"), role: "SECRETARY", scores: false, title: "Phòng Kinh tế" },
        ],
      },
    },
  });
}

/**
 * Two products recognised in earlier cycles, so the certificate list, the public verification
 * page and the renewal window have something real to show on first start: a 3★ recognised by
 * the city under QĐ148 in May 2024 (its QĐ26 renewal window is open in late 2026) and a 4★
 * recognised by the province in January 2025. Made once, by certificate number.
 */
export async function seedDemoCertificates(db: PrismaClient) {
  const producer = (tax: string) => db.producer.findUniqueOrThrow({ where: { taxCode: tax }, select: { id: true } }).then((p) => p.id);
  const products = [
    {
      number: formatCertificateNumber({ seq: 12, year: 2024, province: "06" }),
      tax: "4700000004",
      name: "Miến dong Tân Dân",
      set: 6,
      star: 3,
      average: 64.5,
      level: "DISTRICT",
      ruleSet: "QD148_2023",
      issuedOn: "2024-05-10",
      decision: { number: "1245/QĐ-UBND", signerName: "Hoàng Văn Thanh", signerTitle: "Chủ tịch Ủy ban nhân dân thành phố Bắc Kạn" },
    },
    {
      number: formatCertificateNumber({ seq: 3, year: 2025, province: "06" }),
      tax: "4700000003",
      name: "Tinh nghệ Curcumin Bắc Hà",
      set: 18,
      star: 4,
      average: 78.25,
      level: "PROVINCE",
      ruleSet: "QD148_2023",
      issuedOn: "2025-01-15",
      decision: { number: "87/QĐ-UBND", signerName: "Nguyễn Đăng Bình", signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn" },
    },
  ] as const;
  for (const p of products) {
    if (await db.certificate.findUnique({ where: { number: p.number }, select: { id: true } })) continue;
    const producerId = await producer(p.tax);
    const issued = new Date(`${p.issuedOn}T00:00:00Z`);
    const year = issued.getUTCFullYear();
    const decision = await db.decision.upsert({
      where: { number: p.decision.number },
      create: { kind: "RECOGNITION", signedOn: issued, level: p.level, ...p.decision },
      update: {},
    });
    const dossier = await db.dossier.create({
      data: {
        producerId,
        cycleYear: year,
        status: "RECOGNISED",
        evaluationType: "FIRST",
        productName: p.name,
        criteriaSetNo: p.set,
        ruleSetCode: p.ruleSet,
        version: 1,
        submittedAt: new Date(issued.getTime() - 90 * 86_400_000),
        forwardedAt: new Date(issued.getTime() - 60 * 86_400_000),
        decidedAt: issued,
      },
    });
    // The catalogue product the certificate recognises (a trigger copies star, status and dates).
    const productId = await demoCatalogueProduct(db, { number: p.number, productName: p.name, producerId, criteriaSetNo: p.set });
    await db.certificate.create({
      data: {
        productId,
        number: p.number,
        verifyCode: randomBytes(18).toString("base64url"),
        dossierId: dossier.id,
        producerId,
        productName: p.name,
        criteriaSetNo: p.set,
        star: p.star,
        level: p.level,
        ruleSetCode: p.ruleSet,
        averageTotal: p.average,
        issuedOn: issued,
        expiresOn: new Date(`${certificateExpiry(p.issuedOn, getRuleSet(p.ruleSet))}T00:00:00Z`),
        decisionId: decision.id,
      },
    });
  }
}
