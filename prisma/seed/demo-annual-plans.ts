// Demo annual OCOP plans (kế hoạch OCOP hằng năm) of Bắc Kạn city: the 2026 cycle, and 2025 when
// that cycle exists. Targets follow the city's own aim of at least four more recognised products a
// year (ocop-domain.md §10.2), with per-ward targets for the communes and wards that bring most of
// them; budget lines by funding source; the activities of the six steps as the city plan lays
// them out (seed-plan-bac-kan-2024.md §II.4). Progress is never seeded: it is computed from the
// records. Idempotent: a cycle that has a plan is left alone.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { AnnualTargetKind, FundingSource } from "../../lib/generated/prisma/enums";

type Target = { kind: AnnualTargetKind; star?: number; ward?: string; quantity: number };
type Line = { source: FundingSource; stepNo: number | null; description: string; amount: number };
type Activity = { stepNo: number; title: string; owner: string; startsOn: string; endsOn: string; doneOn?: string };
type PlanSeed = { year: number; title: string; decisionNumber: string; approvedOn: string; note: string; targets: Target[]; lines: Line[]; activities: Activity[] };

const OFFICE = "Phòng Kinh tế thành phố";

const PLANS: PlanSeed[] = [
  {
    year: 2026,
    title: "Kế hoạch thực hiện Chương trình Mỗi xã, phường một sản phẩm (OCOP) thành phố Bắc Kạn năm 2026",
    decisionNumber: "45/KH-UBND",
    approvedOn: "2026-02-26",
    note:
      "Thực hiện Chỉ thị số 32-CT/TU ngày 09/5/2024 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 502/KH-UBND ngày 16/7/2024 của UBND tỉnh. " +
      "Phấn đấu năm 2026 có thêm ít nhất 4 sản phẩm OCOP được công nhận, trong đó có sản phẩm đạt 4 sao; nâng hạng, đánh giá lại các sản phẩm hết hạn giấy chứng nhận; duy trì và chuẩn hóa điểm giới thiệu và bán sản phẩm OCOP.",
    targets: [
      { kind: "NEW_PRODUCTS", quantity: 4 },
      { kind: "NEW_PRODUCTS", star: 4, quantity: 1 },
      { kind: "UPGRADES", quantity: 2 },
      { kind: "RE_EVALUATIONS", quantity: 3 },
      { kind: "IDEAS", quantity: 10 },
      { kind: "BUSINESS_PLANS", quantity: 6 },
      { kind: "POINTS_OF_SALE", quantity: 1 },
      { kind: "NEW_PRODUCTS", ward: "01852", quantity: 2 }, // Xã Nông Thượng: nghệ, trà dược liệu
      { kind: "NEW_PRODUCTS", ward: "01840", quantity: 1 }, // Phường Đức Xuân
      { kind: "NEW_PRODUCTS", ward: "01849", quantity: 1 }, // Xã Dương Quang: thịt gác bếp
      { kind: "IDEAS", ward: "01852", quantity: 4 },
      { kind: "IDEAS", ward: "01840", quantity: 3 },
    ],
    lines: [
      { source: "NATIONAL_TARGET_PROGRAMME", stepNo: 4, description: "Hỗ trợ chủ thể thiết kế bao bì, nhãn mác, tem truy xuất nguồn gốc cho sản phẩm mới", amount: 300_000_000 },
      { source: "NATIONAL_TARGET_PROGRAMME", stepNo: 4, description: "Hỗ trợ công bố chất lượng, kiểm nghiệm chỉ tiêu an toàn thực phẩm", amount: 90_000_000 },
      { source: "PROVINCE", stepNo: 6, description: "Tham gia hội chợ, triển lãm, xúc tiến thương mại sản phẩm OCOP trong và ngoài tỉnh", amount: 120_000_000 },
      { source: "CITY", stepNo: 1, description: "Tuyên truyền, tập huấn kiến thức OCOP cho chủ thể và cán bộ xã, phường", amount: 60_000_000 },
      { source: "CITY", stepNo: 5, description: "Tổ chức đánh giá, phân hạng sản phẩm; lấy mẫu, phân tích chất lượng sản phẩm", amount: 80_000_000 },
      { source: "PRODUCER", stepNo: 4, description: "Vốn đối ứng của chủ thể đầu tư máy móc, cải tạo nhà xưởng", amount: 500_000_000 },
    ],
    activities: [
      { stepNo: 1, title: "Hội nghị triển khai Chương trình OCOP năm 2026", owner: "UBND thành phố, Phòng Kinh tế", startsOn: "2026-03-05", endsOn: "2026-03-05", doneOn: "2026-03-05" },
      { stepNo: 1, title: "Tuyên truyền về OCOP trên Trang thông tin điện tử và hệ thống truyền thanh các xã, phường", owner: "Trung tâm Văn hóa, Thể thao và Truyền thông", startsOn: "2026-02-01", endsOn: "2026-12-31" },
      { stepNo: 1, title: "Tập huấn xây dựng phương án sản xuất kinh doanh cho chủ thể", owner: OFFICE, startsOn: "2026-03-16", endsOn: "2026-03-20", doneOn: "2026-03-20" },
      { stepNo: 2, title: "Tiếp nhận phiếu đăng ký ý tưởng sản phẩm tại UBND các xã, phường", owner: "UBND các xã, phường", startsOn: "2026-02-01", endsOn: "2026-04-30", doneOn: "2026-04-30" },
      { stepNo: 2, title: "Rà soát, xét chọn ý tưởng sản phẩm", owner: OFFICE, startsOn: "2026-05-04", endsOn: "2026-05-22", doneOn: "2026-05-21" },
      { stepNo: 3, title: "Hướng dẫn, tiếp nhận phương án sản xuất kinh doanh", owner: "UBND các xã, phường", startsOn: "2026-04-01", endsOn: "2026-06-30", doneOn: "2026-06-30" },
      { stepNo: 3, title: "Thẩm định, phê duyệt phương án sản xuất kinh doanh", owner: OFFICE, startsOn: "2026-06-15", endsOn: "2026-07-15", doneOn: "2026-07-17" },
      { stepNo: 4, title: "Hỗ trợ thiết kế bao bì, nhãn mác, tem truy xuất nguồn gốc", owner: OFFICE, startsOn: "2026-05-01", endsOn: "2026-10-31" },
      { stepNo: 4, title: "Hỗ trợ công bố chất lượng, kiểm nghiệm sản phẩm", owner: OFFICE, startsOn: "2026-05-15", endsOn: "2026-09-30", doneOn: "2026-09-25" },
      { stepNo: 5, title: "Tiếp nhận hồ sơ, đánh giá sơ bộ cấp xã và đề nghị đánh giá đợt 1", owner: "UBND các xã, phường", startsOn: "2026-03-01", endsOn: "2026-04-30", doneOn: "2026-04-29" },
      { stepNo: 5, title: "Hội đồng cấp tỉnh đánh giá, phân hạng sản phẩm đợt 1", owner: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh", startsOn: "2026-05-15", endsOn: "2026-06-30", doneOn: "2026-06-26" },
      { stepNo: 5, title: "Đánh giá, phân hạng sản phẩm đợt 2", owner: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh", startsOn: "2026-11-01", endsOn: "2026-12-30" },
      { stepNo: 6, title: "Tham gia Hội chợ OCOP tỉnh năm 2026", owner: OFFICE, startsOn: "2026-09-10", endsOn: "2026-09-14", doneOn: "2026-09-14" },
      { stepNo: 6, title: "Hỗ trợ chủ thể bán hàng trên sàn thương mại điện tử và livestream", owner: OFFICE, startsOn: "2026-06-01", endsOn: "2026-12-31" },
      { stepNo: 6, title: "Phiên chợ giới thiệu sản phẩm OCOP dịp Tết Nguyên đán", owner: "Phòng Kinh tế, UBND phường Đức Xuân", startsOn: "2026-12-18", endsOn: "2026-12-25" },
    ],
  },
  {
    year: 2025,
    title: "Kế hoạch thực hiện Chương trình Mỗi xã, phường một sản phẩm (OCOP) thành phố Bắc Kạn năm 2025",
    decisionNumber: "38/KH-UBND",
    approvedOn: "2025-03-05",
    note: "Phấn đấu năm 2025 có thêm ít nhất 4 sản phẩm OCOP được công nhận; hoàn thiện hồ sơ đánh giá lại các sản phẩm công nhận năm 2022.",
    targets: [
      { kind: "NEW_PRODUCTS", quantity: 4 },
      { kind: "UPGRADES", quantity: 1 },
      { kind: "RE_EVALUATIONS", quantity: 2 },
      { kind: "IDEAS", quantity: 8 },
      { kind: "BUSINESS_PLANS", quantity: 5 },
      { kind: "NEW_PRODUCTS", ward: "01852", quantity: 2 },
    ],
    lines: [
      { source: "NATIONAL_TARGET_PROGRAMME", stepNo: 4, description: "Hỗ trợ thiết kế bao bì, nhãn mác cho sản phẩm mới", amount: 250_000_000 },
      { source: "CITY", stepNo: 1, description: "Tuyên truyền, tập huấn kiến thức OCOP", amount: 50_000_000 },
      { source: "PROVINCE", stepNo: 6, description: "Xúc tiến thương mại, tham gia hội chợ", amount: 100_000_000 },
    ],
    activities: [
      { stepNo: 1, title: "Hội nghị triển khai Chương trình OCOP năm 2025", owner: "UBND thành phố, Phòng Kinh tế", startsOn: "2025-03-12", endsOn: "2025-03-12", doneOn: "2025-03-12" },
      { stepNo: 2, title: "Tiếp nhận phiếu đăng ký ý tưởng sản phẩm", owner: "UBND các xã, phường", startsOn: "2025-03-01", endsOn: "2025-04-30", doneOn: "2025-04-30" },
      { stepNo: 3, title: "Thẩm định, phê duyệt phương án sản xuất kinh doanh", owner: OFFICE, startsOn: "2025-05-15", endsOn: "2025-07-15", doneOn: "2025-07-10" },
      { stepNo: 4, title: "Hỗ trợ hoàn thiện bao bì, nhãn mác, truy xuất nguồn gốc", owner: OFFICE, startsOn: "2025-06-01", endsOn: "2025-10-31", doneOn: "2025-10-30" },
      { stepNo: 5, title: "Đánh giá, phân hạng sản phẩm OCOP năm 2025", owner: "Hội đồng đánh giá, phân hạng sản phẩm OCOP", startsOn: "2025-09-01", endsOn: "2025-11-30", doneOn: "2025-11-28" },
      { stepNo: 6, title: "Tham gia Hội chợ OCOP tỉnh năm 2025", owner: OFFICE, startsOn: "2025-10-15", endsOn: "2025-10-19", doneOn: "2025-10-19" },
    ],
  },
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemoAnnualPlans(db: PrismaClient) {
  const codes = [...new Set(PLANS.flatMap((p) => p.targets.map((t) => t.ward).filter((w): w is string => !!w)))];
  const wards = new Map((await db.adminUnit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } })).map((w) => [w.code, w.id]));
  let made = 0;
  for (const p of PLANS) {
    const cycle = await db.ocopCycle.findUnique({ where: { year: p.year }, select: { id: true, annualPlan: { select: { id: true } } } });
    if (!cycle || cycle.annualPlan) continue;
    await db.annualPlan.create({
      data: {
        cycleId: cycle.id,
        title: p.title,
        decisionNumber: p.decisionNumber,
        approvedOn: day(p.approvedOn),
        note: p.note,
        targets: {
          create: p.targets
            .filter((t) => !t.ward || wards.has(t.ward))
            .map((t) => ({ kind: t.kind, star: t.star ?? null, wardId: t.ward ? wards.get(t.ward)! : null, quantity: t.quantity })),
        },
        budgetLines: { create: p.lines.map((l) => ({ ...l, amount: BigInt(l.amount) })) },
        activities: { create: p.activities.map((a) => ({ stepNo: a.stepNo, title: a.title, owner: a.owner, startsOn: day(a.startsOn), endsOn: day(a.endsOn), doneOn: a.doneOn ? day(a.doneOn) : null })) },
      },
    });
    made++;
  }
  if (made > 0) console.log(`Dữ liệu mẫu kế hoạch OCOP hằng năm: ${made} kế hoạch.`);
}
