// Demo data for trying the portal: one account per role (two ward officers, two producers) and
// real producers of Bắc Kạn city (ocop-domain.md §10.2). Passwords are listed in the README.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { buildProducer, buildUser } from "./builders";

export const DEMO_PASSWORD = "Ocop@2026";

export const DEMO_ACCOUNTS = [
  { email: "kinhte@ocop.demo", name: "Hoàng Thị Lan", role: "ECONOMIC_OFFICE" },
  { email: "ducxuan@ocop.demo", name: "Triệu Văn Minh", role: "WARD_OFFICER", ward: "01840" },
  { email: "nongthuong@ocop.demo", name: "Lộc Thị Hạnh", role: "WARD_OFFICER", ward: "01852" },
  { email: "tanthanh@ocop.demo", phone: "0912000001", name: "Hà Thị Thu", role: "PRODUCER", producer: "4700000001" },
  { email: "duongquang@ocop.demo", name: "Nông Văn Dung", role: "PRODUCER", producer: "4700000002" },
  { email: "hoidong@ocop.demo", name: "Đặng Quốc Huy", role: "COUNCIL_MEMBER" },
  { email: "lanhdao@ocop.demo", name: "Ma Văn Thắng", role: "LEADER" },
  { email: "quantri@ocop.demo", name: "Quản trị hệ thống", role: "ADMIN" },
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
