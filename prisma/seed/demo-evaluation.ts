// Demo data of step 5: the second 2026 evaluation round of the provincial council with its
// members, so the Economic Office can assign dossiers at once. Made once (by cycle year and number).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { QD26_2026 } from "../../lib/domain/rule-sets";

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
