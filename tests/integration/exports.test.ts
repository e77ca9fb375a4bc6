// Excel exports of the portal lists (issue 6 part 5, done-when): each export is read back with
// exceljs and compared with what the list function returns for the same URL and the same actor,
// Vietnamese accents included, with real cell types (dates as dates, amounts as numbers). A ward
// officer's export stays in its ward whatever the URL asks, a producer's in its own records; an
// actor the list refuses gets the list's 404, a signed-out visitor is sent to sign-in.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as certificatesExport } from "@/app/(portal)/certificates/export/route";
import { GET as dossiersExport } from "@/app/(portal)/dossiers/export/route";
import { GET as ideasExport } from "@/app/(portal)/ideas/export/route";
import { GET as inspectionsExport } from "@/app/(portal)/inspections/export/route";
import { GET as participantsExport } from "@/app/(portal)/manage/events/[id]/export/route";
import { GET as pointsOfSaleExport } from "@/app/(portal)/manage/points-of-sale/export/route";
import { GET as productsExport } from "@/app/(portal)/manage/products/export/route";
import { GET as plansExport } from "@/app/(portal)/plans/export/route";
import { listCertificates } from "@/lib/db/certificates";
import { listDossiers } from "@/lib/db/dossiers";
import { listIdeas } from "@/lib/db/ideas";
import { listInspections } from "@/lib/db/inspections";
import { listPlans } from "@/lib/db/plans";
import { listPointsOfSale } from "@/lib/db/points-of-sale";
import { catalogueProductFor, listProductProfiles } from "@/lib/db/products";
import { addDays, dateOf, vietnamDateOf } from "@/lib/domain/dates";
import { EXPORT_BATCH_ROWS, EXPORT_MAX_ROWS } from "@/lib/export/limits";
import { listExportResponse } from "@/lib/export/run";
import { XLSX_TYPE } from "@/lib/export/response";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { extraProducer, type World } from "./helpers";
import { db, makeWorld } from "./world";

type Sheet = { title: string; subtitle: string; header: string[]; rows: Record<string, unknown>[] };

/** The workbook of a response, as the header's names over the cell values of each row. */
async function readSheet(res: Response): Promise<Sheet> {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe(XLSX_TYPE);
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.xlsx"; filename\*=UTF-8''/);
  expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  // Title, subtitle, then the header row the view freezes.
  const headerRow = (ws.views[0] as { ySplit: number }).ySplit;
  expect(headerRow).toBe(3);
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return { title: String(ws.getCell("A1").value), subtitle: String(ws.getCell("A2").value), header, rows };
}

const get = (path: string) => new Request(`http://localhost${path}`);
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function as<T>(actor: Actor | null, run: () => Promise<T>): Promise<T> {
  actAs(actor);
  try {
    return await run();
  } finally {
    actAs(null);
  }
}

let w: World;
let tag: string;
/** A cooperative of ward A whose name carries the accents the file must keep. */
let coopA: { id: string; name: string };
let coopUser: Actor;
const today = vietnamDateOf(new Date());

beforeAll(async () => {
  w = await makeWorld();
  tag = w.tag;
  const extra = await extraProducer(tag, "Hợp tác xã Miến dong Tài Hoan", w.wardA);
  coopA = { id: extra.producer.id, name: extra.producer.name };
  coopUser = extra.user;
});

describe("ideas export", () => {
  beforeAll(async () => {
    const idea = (producerId: string, productName: string, o: { status?: "SUBMITTED" | "WARD_ACCEPTED" | "DRAFT"; version?: number; due?: string } = {}) =>
      db.productIdea.create({
        data: {
          producerId,
          cycleYear: 2026,
          status: o.status ?? "SUBMITTED",
          productName,
          version: o.version ?? 1,
          localWorkerCount: 12,
          submittedAt: new Date("2026-11-02T02:15:00Z"),
          wardDueOn: o.due ? dateOf(o.due) : null,
        },
      });
    await idea(coopA.id, `Miến dong Tài Hoan ${tag}`, { due: "2026-11-23" });
    await idea(coopA.id, `Tinh bột nghệ Đức Xuân ${tag}`, { status: "WARD_ACCEPTED" });
    await idea(w.producerB.id, `Gạo nếp Pì Pất Nông Thượng ${tag}`, { due: "2026-12-01" });
    // The producer's own draft: never in an official's export.
    await idea(w.producerB.id, `Bản nháp chưa gửi ${tag}`, { status: "DRAFT", version: 0 });
  });

  it("gives the office every row the list filters, in the list's order, accents and types intact", async () => {
    const sheet = await as(w.economicOffice, async () => readSheet(await ideasExport(get(`/ideas/export?q=${tag}&page=2`))));
    const list = await listIdeas(w.economicOffice, { q: tag });
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.productName));
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.title).toBe("Danh sách ý tưởng sản phẩm OCOP");
    expect(sheet.subtitle).toContain("Phạm vi: toàn thành phố");
    expect(sheet.subtitle).toContain(`từ khóa “${tag}”`);
    const mien = sheet.rows.find((r) => r["Tên sản phẩm"] === `Miến dong Tài Hoan ${tag}`)!;
    expect(mien["Chủ thể"]).toBe(coopA.name);
    expect(coopA.name).toContain("Hợp tác xã Miến dong Tài Hoan");
    expect(mien["Xã, phường"]).toBe("Phường Đức Xuân");
    expect(mien["Trạng thái"]).toBe("Chờ xã/phường xem xét");
    expect(mien["Năm chu trình"]).toBe(2026);
    expect(mien["Số lao động địa phương"]).toBe(12);
    expect(mien["Hạn xã, phường trả lời"]).toEqual(new Date("2026-11-23T00:00:00Z"));
    // 02:15 UTC is 09:15 in Vietnam: the sheet shows Vietnam's clock.
    expect(mien["Ngày giờ nộp"]).toEqual(new Date("2026-11-02T09:15:00Z"));
  });

  it("keeps a ward officer in its ward whatever the URL asks, and applies its filters", async () => {
    const url = `/ideas/export?q=${tag}&ward=${w.wardB}&status=SUBMITTED`;
    const sheet = await as(w.wardOfficerA, async () => readSheet(await ideasExport(get(url))));
    const list = await listIdeas(w.wardOfficerA, { q: tag, status: "SUBMITTED" });
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.productName));
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Miến dong Tài Hoan ${tag}`]);
    expect(sheet.subtitle).toContain("Phạm vi: Phường Đức Xuân");
    expect(sheet.subtitle).toContain("trạng thái Chờ xã/phường xem xét");
  });

  it("gives a producer its own ideas only, drafts included", async () => {
    const sheet = await as(w.producerUserB, async () => readSheet(await ideasExport(get(`/ideas/export?q=${tag}`))));
    expect(sheet.rows.map((r) => r["Tên sản phẩm"]).sort()).toEqual([`Bản nháp chưa gửi ${tag}`, `Gạo nếp Pì Pất Nông Thượng ${tag}`]);
    expect(sheet.subtitle).toContain(`Chủ thể: ${w.producerB.name}`);
  });

  it("answers 404 where the list does, and sends a signed-out visitor to sign-in and back", async () => {
    const refused = await as(w.council, () => ideasExport(get(`/ideas/export?q=${tag}`)));
    expect(refused.status).toBe(404);
    const out = await as(null, () => ideasExport(get(`/ideas/export?q=${tag}`)));
    expect(out.status).toBe(303);
    expect(out.headers.get("Location")).toBe(`/login?callbackUrl=${encodeURIComponent(`/ideas/export?q=${tag}`)}`);
  });
});

describe("plans export", () => {
  beforeAll(async () => {
    const plan = async (producerId: string, name: string, support: { amount: number; status: "DONE" | "PLANNED"; date: string }[]) => {
      const idea = await db.productIdea.create({ data: { producerId, cycleYear: 2026, status: "ACCEPTED", productName: name, version: 1 } });
      const p = await db.businessPlan.create({ data: { ideaId: idea.id, producerId, status: "APPROVED", version: 1, submittedAt: new Date("2026-05-04T03:00:00Z") } });
      for (const s of support) {
        await db.supportActivity.create({ data: { planId: p.id, kind: "TRAINING", fundingSource: "CITY", amount: BigInt(s.amount), date: dateOf(s.date), status: s.status } });
      }
    };
    await plan(coopA.id, `Phương án miến dong ${tag}`, [
      { amount: 15_000_000, status: "DONE", date: "2026-06-01" },
      { amount: 2_500_000, status: "DONE", date: "2025-10-01" },
      { amount: 99_000_000, status: "PLANNED", date: "2026-09-01" },
    ]);
    await plan(w.producerB.id, `Phương án gạo nếp ${tag}`, []);
  });

  it("has the list's rows with support spent as a VND number", async () => {
    const sheet = await as(w.economicOffice, async () => readSheet(await plansExport(get(`/plans/export?q=${tag}`))));
    const list = await listPlans(w.economicOffice, { q: tag });
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.idea.productName));
    const mien = sheet.rows.find((r) => r["Tên sản phẩm"] === `Phương án miến dong ${tag}`)!;
    // Done activities only (a planned one is a commitment, not spending).
    expect(mien["Kinh phí hỗ trợ đã thực hiện"]).toBe(17_500_000);
    expect(mien["Trạng thái"]).toBe("Đã phê duyệt");
    expect(sheet.rows.find((r) => r["Tên sản phẩm"] === `Phương án gạo nếp ${tag}`)!["Kinh phí hỗ trợ đã thực hiện"]).toBe(0);
  });

  it("narrowed to support spent in a year, counts that year's support and that list's plans", async () => {
    const sheet = await as(w.wardOfficerA, async () => readSheet(await plansExport(get(`/plans/export?q=${tag}&supportYear=2026`))));
    const list = await listPlans(w.wardOfficerA, { q: tag, supportYear: 2026 });
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.idea.productName));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!["Kinh phí hỗ trợ đã thực hiện năm 2026"]).toBe(15_000_000);
  });
});

describe("dossiers export", () => {
  beforeAll(async () => {
    await buildDossier({ producerId: coopA.id, status: "SUBMITTED", productName: `Hồ sơ miến dong ${tag}` });
    await buildDossier({ producerId: coopA.id, status: "FORWARDED", productName: `Hồ sơ nghệ ${tag}` });
    await buildDossier({ producerId: w.producerB.id, status: "SUBMITTED", productName: `Hồ sơ gạo nếp ${tag}` });
  });

  it("opens each desk on its own work, as the list does, and ALL lists every status", async () => {
    const ward = await as(w.wardOfficerA, async () => readSheet(await dossiersExport(get(`/dossiers/export?q=${tag}`))));
    const wardList = await listDossiers(w.wardOfficerA, { q: tag, status: "SUBMITTED" });
    expect(ward.rows.map((r) => r["Tên sản phẩm"])).toEqual(wardList.rows.map((r) => r.productName));
    expect(ward.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Hồ sơ miến dong ${tag}`]);

    const office = await as(w.economicOffice, async () => readSheet(await dossiersExport(get(`/dossiers/export?q=${tag}&status=ALL`))));
    const officeList = await listDossiers(w.economicOffice, { q: tag });
    expect(office.rows.map((r) => r["Tên sản phẩm"])).toEqual(officeList.rows.map((r) => r.productName));
    expect(office.rows).toHaveLength(3);
    const first = office.rows.find((r) => r["Tên sản phẩm"] === `Hồ sơ miến dong ${tag}`)!;
    expect(first["Loại đánh giá"]).toBe("Đánh giá lần đầu");
    expect(first["Bộ tiêu chí số"]).toBe(7);
    expect(first["Ngày giờ nộp"]).toBeInstanceOf(Date);
  });
});

describe("certificates and catalogue products export", () => {
  let mienCert: { id: string; number: string };

  beforeAll(async () => {
    const recognised = async (producerId: string, productName: string, star: number, issuedOn: string) => {
      const { certificate } = await issuedCertificate({ producerId, issuedOn: issuedOn as never, star, productName });
      const productId = await db.$transaction((tx) => catalogueProductFor(tx, { producerId, productName, criteriaSetNo: certificate.criteriaSetNo, previousCertificateId: null }));
      await db.certificate.update({ where: { id: certificate.id }, data: { productId } });
      await db.product.update({ where: { id: productId }, data: { priceFromVnd: BigInt(85_000) } });
      return certificate;
    };
    mienCert = await recognised(coopA.id, `Miến dong Tài Hoan ${tag}`, 4, "2026-03-15");
    await recognised(coopA.id, `Tinh bột nghệ ${tag}`, 3, "2025-08-20");
    await recognised(w.producerB.id, `Gạo nếp Pì Pất ${tag}`, 4, "2026-01-10");
  });

  it("certificates: the list's rows for the filters, dates as Excel dates", async () => {
    const sheet = await as(w.economicOffice, async () => readSheet(await certificatesExport(get(`/certificates/export?q=${tag}&star=4`))));
    const list = await listCertificates(w.economicOffice, { q: tag, star: 4 }, today);
    expect(sheet.rows.map((r) => r["Số giấy chứng nhận"])).toEqual(list.rows.map((r) => r.number));
    expect(sheet.rows).toHaveLength(2);
    const mien = sheet.rows.find((r) => r["Số giấy chứng nhận"] === mienCert.number)!;
    expect(mien["Tên sản phẩm"]).toBe(`Miến dong Tài Hoan ${tag}`);
    expect(mien["Chủ thể"]).toBe(coopA.name);
    expect(mien["Hạng sao"]).toBe(4);
    expect(mien["Ngày cấp"]).toEqual(new Date("2026-03-15T00:00:00Z"));
    expect(mien["Có giá trị đến"]).toBeInstanceOf(Date);
    expect(mien["Tình trạng giấy chứng nhận"]).toBe("Còn hiệu lực");
    expect(sheet.subtitle).toContain("hạng 4 sao");
  });

  it("certificates: a ward officer's and a producer's exports hold their own only", async () => {
    const ward = await as(w.wardOfficerA, async () => readSheet(await certificatesExport(get(`/certificates/export?q=${tag}&ward=${w.wardB}`))));
    expect(ward.rows.map((r) => r["Tên sản phẩm"]).sort()).toEqual([`Miến dong Tài Hoan ${tag}`, `Tinh bột nghệ ${tag}`]);
    expect(ward.rows.map((r) => r["Số giấy chứng nhận"])).toEqual((await listCertificates(w.wardOfficerA, { q: tag }, today)).rows.map((r) => r.number));
    const producer = await as(w.producerUserB, async () => readSheet(await certificatesExport(get(`/certificates/export?q=${tag}`))));
    expect(producer.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Gạo nếp Pì Pất ${tag}`]);
    expect((await as(w.council, () => certificatesExport(get("/certificates/export")))).status).toBe(404);
  });

  it("catalogue products: the producer's own list, price as VND, yes/no as booleans", async () => {
    // The search folds accents and reads the producer's name too (the list's own search).
    const sheet = await as(coopUser, async () => readSheet(await productsExport(get(`/manage/products/export?q=${encodeURIComponent("miến dong")}`))));
    const list = await listProductProfiles(coopUser, { q: "miến dong" }, today);
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.name));
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Miến dong Tài Hoan ${tag}`, `Tinh bột nghệ ${tag}`]);
    const row = sheet.rows[0]!;
    expect(row["Giá bán từ"]).toBe(85_000);
    expect(row["Đã có tóm tắt"]).toBe(0);
    expect(row["Tình trạng trên danh mục"]).toBe("Đang hiển thị");
    expect(row["Số giấy chứng nhận"]).toBe(mienCert.number);

    const office = await as(w.economicOffice, async () => readSheet(await productsExport(get(`/manage/products/export?q=${tag}`))));
    expect(office.rows.map((r) => r["Tên sản phẩm"])).toEqual((await listProductProfiles(w.economicOffice, { q: tag }, today)).rows.map((r) => r.name));
    expect(office.rows).toHaveLength(3);
  });
});

describe("inspections export", () => {
  beforeAll(async () => {
    const inspect = async (producer: { id: string; wardId: string }, productName: string, data: Record<string, unknown>) => {
      const { certificate } = await issuedCertificate({ producerId: producer.id, issuedOn: "2025-04-01", star: 4, productName });
      return db.inspection.create({ data: { certificateId: certificate.id, producerId: producer.id, wardId: producer.wardId, kind: "PERIODIC", plannedOn: dateOf("2026-06-01"), ...data } as never });
    };
    await inspect({ id: coopA.id, wardId: w.wardA }, `Miến dong kiểm tra ${tag}`, {
      status: "CONCLUDED",
      inspectedOn: dateOf("2026-06-03"),
      team: "Nguyễn Thị Hà, Phòng Kinh tế\nHoàng Văn Đức, UBND phường",
      checklist: { criteriaMaintained: { met: true, note: "" }, markUsedCorrectly: { met: false, note: "Dán sai số sao" }, labelCorrect: { met: true, note: "" }, advertisingCorrect: { met: null, note: "" } },
      findings: "Nhãn in 5 sao trong khi sản phẩm được công nhận 4 sao.",
      conclusion: "NON_COMPLIANT",
      followUp: "WARNING",
    });
    // Planned for a day already past: the list's "overdue" tab.
    await inspect({ id: w.producerB.id, wardId: w.wardB }, `Gạo nếp kiểm tra ${tag}`, { plannedOn: dateOf(addDays(today, -3)) });
  });

  it("has the list's rows, the checklist as yes/no cells, and the overdue tab as the list reads it", async () => {
    const sheet = await as(w.economicOffice, async () => readSheet(await inspectionsExport(get(`/inspections/export?q=${tag}`))));
    const list = await listInspections(w.economicOffice, { q: tag });
    expect(sheet.rows.map((r) => r["Tên sản phẩm"])).toEqual(list.rows.map((r) => r.certificate.productName));
    expect(sheet.rows).toHaveLength(2);
    const mien = sheet.rows.find((r) => r["Tên sản phẩm"] === `Miến dong kiểm tra ${tag}`)!;
    expect(mien["Ngày kiểm tra"]).toEqual(new Date("2026-06-03T00:00:00Z"));
    expect(mien["Kết luận"]).toBe("Không đạt yêu cầu");
    expect(mien["Đoàn kiểm tra"]).toBe("Nguyễn Thị Hà, Phòng Kinh tế; Hoàng Văn Đức, UBND phường");
    expect(mien["Duy trì các tiêu chí như hồ sơ đã được đánh giá, phân hạng"]).toBe(1);
    expect(mien["Sử dụng nhãn hiệu chứng nhận OCOP (biểu trưng, số sao) đúng quy định"]).toBe(0);
    expect(mien["Quảng cáo, giới thiệu sản phẩm đúng với kết quả công nhận"]).toBeNull();

    const overdue = await as(w.economicOffice, async () => readSheet(await inspectionsExport(get(`/inspections/export?q=${tag}&status=OVERDUE`))));
    expect(overdue.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Gạo nếp kiểm tra ${tag}`]);
    expect(overdue.rows[0]!["Trạng thái"]).toBe("Quá hạn chưa kết luận");
  });

  it("gives a producer and a ward officer their own inspections only", async () => {
    const producer = await as(w.producerUserB, async () => readSheet(await inspectionsExport(get(`/inspections/export?q=${tag}`))));
    expect(producer.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Gạo nếp kiểm tra ${tag}`]);
    const ward = await as(w.wardOfficerA, async () => readSheet(await inspectionsExport(get(`/inspections/export?q=${tag}&ward=${w.wardB}`))));
    expect(ward.rows.map((r) => r["Tên sản phẩm"])).toEqual([`Miến dong kiểm tra ${tag}`]);
    expect((await as(w.council, () => inspectionsExport(get("/inspections/export")))).status).toBe(404);
  });
});

describe("points of sale export", () => {
  beforeAll(async () => {
    const point = (wardId: string, name: string, status: "SUBMITTED" | "APPROVED") =>
      db.pointOfSale.create({
        data: {
          trackingCode: `exp${randomUUID().replace(/-/g, "")}`,
          name,
          operatorName: "Hợp tác xã Dịch vụ Thương mại Bắc Kạn",
          address: "Tổ 7, phường Đức Xuân",
          wardId,
          locationKind: "TOURIST_SITE",
          contactName: "Hoàng Thị Lan",
          phone: "0912345678",
          totalItemCount: 100,
          ocopLocalItemCount: 70,
          status,
          approvedOn: status === "APPROVED" ? dateOf("2026-10-05") : null,
        },
      });
    await point(w.wardA, `Điểm bán Đức Xuân ${tag}`, "APPROVED");
    await point(w.wardB, `Điểm bán Nông Thượng ${tag}`, "SUBMITTED");
  });

  it("filters by ward (code) and status for the office, and keeps a ward officer in its ward", async () => {
    const wardA = await db.adminUnit.findUniqueOrThrow({ where: { id: w.wardA }, select: { code: true } });
    const office = await as(w.economicOffice, async () => readSheet(await pointsOfSaleExport(get(`/manage/points-of-sale/export?ward=${wardA.code}&status=APPROVED`))));
    const list = await listPointsOfSale(w.economicOffice, { wardId: w.wardA, status: "APPROVED" });
    expect(office.rows.map((r) => r["Tên điểm bán"])).toEqual(list.rows.map((r) => r.name));
    const mine = office.rows.find((r) => r["Tên điểm bán"] === `Điểm bán Đức Xuân ${tag}`)!;
    expect(mine["Ngày công nhận"]).toEqual(new Date("2026-10-05T00:00:00Z"));
    expect(mine["Tổng số mặt hàng bày bán"]).toBe(100);
    expect(mine["Đạt điều kiện"]).toBe(list.rows.find((r) => r.name === `Điểm bán Đức Xuân ${tag}`)!.compliance.compliant ? 1 : 0);
    expect(office.rows.some((r) => r["Tên điểm bán"] === `Điểm bán Nông Thượng ${tag}`)).toBe(false);

    const ward = await as(w.wardOfficerA, async () => readSheet(await pointsOfSaleExport(get("/manage/points-of-sale/export"))));
    // Other files add points of sale in this ward too: the export is the whole list, its first page the list's first page.
    const wardList = await listPointsOfSale(w.wardOfficerA, {});
    expect(ward.rows).toHaveLength(wardList.total);
    expect(ward.rows.slice(0, wardList.rows.length).map((r) => r["Tên điểm bán"])).toEqual(wardList.rows.map((r) => r.name));
    expect(ward.rows.every((r) => r["Xã, phường"] === "Phường Đức Xuân")).toBe(true);
    expect(ward.rows.some((r) => r["Tên điểm bán"] === `Điểm bán Đức Xuân ${tag}`)).toBe(true);
    // Producers have no point-of-sale desk.
    expect((await as(w.producerUserA, () => pointsOfSaleExport(get("/manage/points-of-sale/export")))).status).toBe(404);
  });
});

describe("event participants export", () => {
  let eventId: string;

  beforeAll(async () => {
    const event = await db.tradeEvent.create({
      data: {
        slug: `hoi-cho-xuat-${tag}`,
        name: `Hội chợ OCOP Bắc Kạn ${tag}`,
        kind: "FAIR",
        level: "PROVINCIAL",
        startsOn: dateOf("2026-12-10"),
        endsOn: dateOf("2026-12-14"),
        place: "Quảng trường thành phố",
        organiser: "Phòng Kinh tế",
        boothCapacity: 20,
        status: "PUBLISHED",
      },
    });
    eventId = event.id;
    await db.eventParticipant.create({ data: { eventId, producerId: coopA.id, status: "CONFIRMED", booths: 2, salesVnd: BigInt(42_500_000), note: "Cần gian góc" } });
    await db.eventParticipant.create({ data: { eventId, producerId: w.producerB.id, status: "REGISTERED" } });
  });

  it("gives the office every registration, waiting ones first, with sales in VND", async () => {
    const sheet = await as(w.economicOffice, async () => readSheet(await participantsExport(get(`/manage/events/${eventId}/export`), params(eventId))));
    expect(sheet.title).toBe(`Danh sách chủ thể đăng ký tham gia: Hội chợ OCOP Bắc Kạn ${tag}`);
    expect(sheet.rows.map((r) => r["Chủ thể"])).toEqual([w.producerB.name, coopA.name]);
    const coop = sheet.rows[1]!;
    expect(coop["Trạng thái"]).toBe("Đã xác nhận");
    expect(coop["Số gian hàng"]).toBe(2);
    expect(coop["Doanh thu"]).toBe(42_500_000);
    expect(coop["Ghi chú của chủ thể"]).toBe("Cần gian góc");
  });

  it("gives others the confirmed participants the page shows them, and 404 for an event they cannot open", async () => {
    const sheet = await as(w.producerUserB, async () => readSheet(await participantsExport(get(`/manage/events/${eventId}/export`), params(eventId))));
    expect(sheet.header).toEqual(["Chủ thể", "Xã, phường"]);
    expect(sheet.rows).toEqual([{ "Chủ thể": coopA.name, "Xã, phường": "Phường Đức Xuân" }]);
    const draft = await db.tradeEvent.create({
      data: { slug: `nhap-${tag}`, name: `Nháp ${tag}`, kind: "FAIR", level: "LOCAL", startsOn: dateOf("2026-12-20"), endsOn: dateOf("2026-12-21"), place: "Bắc Kạn", organiser: "Phòng Kinh tế", boothCapacity: 5 },
    });
    expect((await as(w.producerUserB, () => participantsExport(get(`/manage/events/${draft.id}/export`), params(draft.id)))).status).toBe(404);
  });
});

describe("the export's bounds", () => {
  const spec = (total: number, seen: number[][]) => ({
    action: "idea.list" as const,
    resource: { type: "dashboard" as const },
    count: async () => total,
    rows: async (_db: unknown, _a: unknown, _f: unknown, skip: number, take: number) => {
      seen.push([skip, take]);
      return Array.from({ length: take }, (_, i) => ({ n: skip + i + 1 }));
    },
    describe: () => ({ sheetName: "Thử", title: "Thử", fileName: "thu", filters: [], columns: [{ header: "Số", key: "n", type: "integer" as const }] }),
  });

  it("reads a long list in batches, every row once, in order", async () => {
    const seen: number[][] = [];
    const total = EXPORT_BATCH_ROWS * 2 + 7;
    const sheet = await as(w.economicOffice, async () => readSheet(await listExportResponse(get("/x"), spec(total, seen), () => ({}))));
    expect(seen).toEqual([[0, EXPORT_BATCH_ROWS], [EXPORT_BATCH_ROWS, EXPORT_BATCH_ROWS], [EXPORT_BATCH_ROWS * 2, 7]]);
    expect(sheet.rows).toHaveLength(total);
    expect(sheet.rows.at(-1)).toEqual({ Số: total });
  });

  it("refuses a list past the bound with the advice to filter, rather than cutting it short", async () => {
    const seen: number[][] = [];
    const res = await as(w.economicOffice, () => listExportResponse(get("/x"), spec(EXPORT_MAX_ROWS + 1, seen), () => ({})));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Hãy lọc hẹp hơn");
    expect(seen).toEqual([]);
  });
});
