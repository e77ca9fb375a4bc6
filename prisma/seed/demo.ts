// Demo data for trying the portal: one account per role (two ward officers, two producers) and
// real producers of Bắc Kạn city (ocop-domain.md §10.2). Passwords are listed in the README.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { buildProducer, buildUser } from "./builders";
import { defaultVietnamHolidays, ideaWardDueOn, vietnamDateOf } from "../../lib/domain";

export const DEMO_PASSWORD = "Ocop@2026";

export const DEMO_ACCOUNTS = [
  { email: "kinhte@ocop.demo", name: "Hoàng Thị Lan", role: "ECONOMIC_OFFICE" },
  { email: "ducxuan@ocop.demo", name: "Triệu Văn Minh", role: "WARD_OFFICER", ward: "01840" },
  { email: "nongthuong@ocop.demo", name: "Lộc Thị Hạnh", role: "WARD_OFFICER", ward: "01852" },
  { email: "tanthanh@ocop.demo", phone: "0912000001", name: "Hà Thị Thu", role: "PRODUCER", producer: "4700000001" },
  { email: "duongquang@ocop.demo", name: "Nông Văn Dung", role: "PRODUCER", producer: "4700000002" },
  { email: "hoidong@ocop.demo", name: "Đặng Quốc Huy", role: "COUNCIL_MEMBER" },
  { email: "hoidong2@ocop.demo", name: "Lý Thị Mai", role: "COUNCIL_MEMBER" },
  { email: "hoidong3@ocop.demo", name: "Hà Văn Tuấn", role: "COUNCIL_MEMBER" },
  { email: "lanhdao@ocop.demo", name: "Ma Văn Thắng", role: "LEADER" },
  { email: "quantri@ocop.demo", name: "Quản trị hệ thống", role: "ADMIN" },
  { email: "truyenthong@ocop.demo", name: "Bế Thị Ngọc", role: "COMMUNICATIONS" },
] as const;

export async function seedDemo(db: PrismaClient, wards: Map<string, string>) {
  const ward = (code: string) => wards.get(code)!;
  const producers = [
    { taxCode: "4700000001", name: "HTX Nông nghiệp Tân Thành", type: "COOPERATIVE", wardId: ward("01852"), legalRepName: "Hà Thị Thu", legalRepGender: "FEMALE", legalRepEthnicity: "Tày", address: "Thôn Nà Pài, xã Nông Thượng", phone: "0912000001", memberCount: 12, workerCount: 25 },
    { taxCode: "4700000002", name: "HTX Dương Quang", type: "COOPERATIVE", wardId: ward("01849"), legalRepName: "Nông Văn Dung", legalRepGender: "MALE", legalRepEthnicity: "Tày", address: "Thôn Nà Dỏn, xã Dương Quang", memberCount: 9, workerCount: 14 },
    { taxCode: "4700000003", name: "Công ty CP Curcumin Bắc Hà", type: "ENTERPRISE", wardId: ward("01852"), legalRepName: "Nguyễn Văn Hà", legalRepGender: "MALE", address: "Xã Nông Thượng, thành phố Bắc Kạn", workerCount: 40 },
    { taxCode: "4700000004", name: "HTX Tân Dân", type: "COOPERATIVE", wardId: ward("01840"), legalRepName: "Hoàng Văn Mạnh", legalRepGender: "MALE", legalRepEthnicity: "Dao", address: "Phường Đức Xuân, thành phố Bắc Kạn", memberCount: 8, workerCount: 10 },
    { taxCode: "4700000005", name: "Nhà hàng Tám Cương", type: "HOUSEHOLD_BUSINESS", wardId: ward("01840"), legalRepName: "Lương Thị Tám", legalRepGender: "FEMALE", legalRepEthnicity: "Tày", address: "Phường Đức Xuân, thành phố Bắc Kạn", workerCount: 6 },
    { taxCode: "4700000006", name: "HTX Minh Anh", type: "COOPERATIVE", wardId: ward("01843"), legalRepName: "Đàm Thị Minh", legalRepGender: "FEMALE", address: "Phường Phùng Chí Kiên, thành phố Bắc Kạn", verificationStatus: "PENDING" },
  ] as const;
  const byTax = new Map<string, string>();
  for (const p of producers) byTax.set(p.taxCode, (await buildProducer(db, { businessRegNo: `47${p.taxCode.slice(-6)}`, ...p })).id);

  for (const a of DEMO_ACCOUNTS) {
    await buildUser(db, {
      email: a.email,
      phone: "phone" in a ? a.phone : null,
      name: a.name,
      role: a.role,
      password: DEMO_PASSWORD,
      wardId: "ward" in a ? ward(a.ward) : null,
      producerId: "producer" in a ? byTax.get(a.producer)! : null,
    });
  }

  // The 2026 cycle, with step windows as the city plan lays them out (editable by the Economic Office).
  const cycle = await db.ocopCycle.upsert({ where: { year: 2026 }, create: { year: 2026, title: "Chu trình OCOP năm 2026" }, update: {} });
  const windows: [number, string, string][] = [
    [1, "2026-01-05", "2026-12-31"],
    [2, "2026-02-01", "2026-04-30"],
    [3, "2026-04-01", "2026-06-30"],
    [4, "2026-05-01", "2026-10-31"],
    [5, "2026-06-01", "2026-12-30"],
    [6, "2026-01-05", "2026-12-31"],
  ];
  for (const [stepNo, from, to] of windows) {
    await db.cycleStep.upsert({
      where: { cycleId_stepNo: { cycleId: cycle.id, stepNo } },
      create: { cycleId: cycle.id, stepNo, startsOn: new Date(from), endsOn: new Date(to) },
      update: {},
    });
  }
}

const DAY = 86_400_000;
const HOLIDAYS = defaultVietnamHolidays();

/**
 * Product ideas and a business plan at different stages, so every role has something in its
 * queue on first start. Made once: an idea with the same name for the producer is left alone.
 */
export async function seedDemoIdeas(db: PrismaClient) {
  const producer = (tax: string) => db.producer.findUniqueOrThrow({ where: { taxCode: tax }, select: { id: true } });
  const officer = await db.user.findUnique({ where: { email: "ducxuan@ocop.demo" }, select: { id: true, name: true } });
  const office = await db.user.findUnique({ where: { email: "kinhte@ocop.demo" }, select: { id: true, name: true } });
  const now = Date.now();
  const ideas = [
    { tax: "4700000001", name: "Tinh bột nghệ nếp đỏ Bắc Kạn", set: 7, status: "ACCEPTED", daysAgo: 60, origin: "TRADITIONAL" },
    { tax: "4700000001", name: "Trà nghệ mật ong", set: 12, status: "SUBMITTED", daysAgo: 3, origin: "NEW" },
    { tax: "4700000001", name: "Bột sắn dây Nông Thượng", set: 7, status: "DRAFT", daysAgo: 0, origin: null },
    { tax: "4700000004", name: "Giấm chuối Mạnh Minh", set: 9, status: "SUBMITTED", daysAgo: 30, origin: "TRADITIONAL" },
    { tax: "4700000005", name: "Thịt trâu gác bếp Tám Cương", set: 8, status: "RETURNED", daysAgo: 12, origin: "TRADITIONAL" },
    { tax: "4700000002", name: "Lạp sườn gác bếp Dung Dinh", set: 8, status: "WARD_ACCEPTED", daysAgo: 20, origin: "TRADITIONAL" },
  ] as const;
  for (const i of ideas) {
    const { id: producerId } = await producer(i.tax);
    if (await db.productIdea.findFirst({ where: { producerId, productName: i.name }, select: { id: true } })) continue;
    const submittedAt = new Date(now - i.daysAgo * DAY);
    const submitted = i.status !== "DRAFT";
    const idea = await db.productIdea.create({
      data: {
        producerId,
        cycleYear: 2026,
        status: i.status,
        productName: i.name,
        novelty: "EXISTING_PRODUCT",
        criteriaSetNo: i.set,
        description: `${i.name}: sản phẩm đặc trưng của thành phố Bắc Kạn, làm từ nguyên liệu địa phương.`,
        rawMaterials: "Nguyên liệu trồng và thu mua tại địa phương (trên 75%).",
        localLabour: "Lao động là người dân địa phương, phần lớn là phụ nữ dân tộc Tày.",
        localWorkerCount: 12,
        ideaOrigin: i.origin,
        localIdentity: "Cách chế biến truyền thống của đồng bào Tày, Dao Bắc Kạn.",
        targetMarket: "Khách du lịch, cửa hàng OCOP, sàn thương mại điện tử.",
        version: submitted ? 1 : 0,
        submittedAt: submitted ? submittedAt : null,
        wardDueOn: i.status === "SUBMITTED" ? new Date(`${ideaWardDueOn(vietnamDateOf(submittedAt), HOLIDAYS)}T00:00:00Z`) : null,
        decidedAt: i.status === "ACCEPTED" ? new Date(now - (i.daysAgo - 20) * DAY) : null,
      },
    });
    if (!submitted) continue;
    const events: { action: string; from: string | null; to: string; by: typeof officer; comment?: string }[] = [{ action: "submit", from: "DRAFT", to: "SUBMITTED", by: null }];
    if (i.status === "RETURNED") events.push({ action: "return", from: "SUBMITTED", to: "RETURNED", by: officer, comment: "Bổ sung ảnh cơ sở sản xuất và giấy chứng nhận an toàn thực phẩm." });
    if (i.status === "WARD_ACCEPTED" || i.status === "ACCEPTED") events.push({ action: "forward", from: "SUBMITTED", to: "WARD_ACCEPTED", by: officer });
    if (i.status === "ACCEPTED") events.push({ action: "accept", from: "WARD_ACCEPTED", to: "ACCEPTED", by: office });
    for (const [n, e] of events.entries()) {
      await db.statusEvent.create({
        data: { entityType: "ProductIdea", entityId: idea.id, action: e.action, fromStatus: e.from, toStatus: e.to, actorId: e.by?.id ?? null, actorName: e.by?.name ?? null, actorRole: e.by === officer ? "WARD_OFFICER" : e.by ? "ECONOMIC_OFFICE" : null, comment: e.comment ?? null, at: new Date(submittedAt.getTime() + n * 5 * DAY) },
      });
    }
    const { productName, novelty, criteriaSetNo, description, rawMaterials, localLabour, localWorkerCount, ideaOrigin, localIdentity, targetMarket, cycleYear } = idea;
    const snapshot = { version: 1, productName, novelty, criteriaSetNo, description, rawMaterials, localLabour, localWorkerCount, ideaOrigin, localIdentity, targetMarket, cycleYear };
    await db.ideaRevision.create({ data: { ideaId: idea.id, version: 1, snapshot, submittedAt } });
    if (i.status === "ACCEPTED") {
      const plan = await db.businessPlan.create({
        data: {
          ideaId: idea.id,
          producerId,
          status: "APPROVED",
          market: "Siêu thị, cửa hàng đặc sản Hà Nội và Thái Nguyên; sàn Postmart, Voso.",
          production: "Rửa, xay, lọc, lắng tinh bột, sấy lạnh; đóng gói trong phòng sạch.",
          capacity: "5 tấn tinh bột nghệ mỗi năm.",
          rawMaterialArea: "15 ha nghệ nếp đỏ liên kết với 40 hộ xã Nông Thượng.",
          packaging: "Hộp giấy 100 g và túi zip 500 g, tem truy xuất nguồn gốc QR.",
          standards: ["VIETGAP", "HACCP"],
          capital: "Vốn tự có 600 triệu, vay ưu đãi 400 triệu.",
          fundingSources: "Chương trình mục tiêu quốc gia; vốn hợp tác xã.",
          financials: [
            { year: 2026, revenue: 1_800_000_000, cost: 1_450_000_000, profit: 350_000_000 },
            { year: 2027, revenue: 2_200_000_000, cost: 1_700_000_000, profit: 500_000_000 },
            { year: 2028, revenue: 2_600_000_000, cost: 1_950_000_000, profit: 650_000_000 },
          ],
          labour: "25 lao động, trong đó 18 nữ.",
          version: 1,
          submittedAt: new Date(now - 30 * DAY),
          decidedAt: new Date(now - 20 * DAY),
          milestones: { create: [{ title: "Cấp mã số vùng trồng", dueOn: new Date(now + 30 * DAY), sortOrder: 0 }, { title: "Hoàn thiện bao bì mới", dueOn: new Date(now + 60 * DAY), sortOrder: 1 }] },
        },
      });
      await db.supportActivity.create({ data: { planId: plan.id, kind: "PACKAGING_DESIGN", fundingSource: "NATIONAL_TARGET_PROGRAMME", amount: BigInt(30_000_000), date: new Date(now - 10 * DAY), status: "DONE", note: "Thiết kế bộ nhận diện và bao bì", createdById: office?.id ?? null } });
      await db.statusEvent.create({ data: { entityType: "BusinessPlan", entityId: plan.id, action: "approve", fromStatus: "SUBMITTED", toStatus: "APPROVED", actorId: office?.id ?? null, actorName: office?.name ?? null, actorRole: "ECONOMIC_OFFICE", at: new Date(now - 20 * DAY) } });
    }
  }
}
