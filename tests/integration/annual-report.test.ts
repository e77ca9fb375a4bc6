// The annual report PDF (issue 6 part 5, done-when: "the PDF report renders with Vietnamese
// text"). The route is called as each role would call it; the PDF's text is read back through
// its fonts' ToUnicode maps (tests/unit/pdf/pdf-text.ts), so a missing glyph or a lost accent
// fails. The figures are the dashboard loaders' own; the report's scope follows the dashboard's.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as annualReport } from "@/app/(portal)/dashboard/report/route";
import type { Actor } from "@/lib/auth/actor";
import { annualPlanProgress } from "@/lib/db/annual-plans";
import { dashboardHeadline } from "@/lib/db/dashboard";
import { catalogueProductFor } from "@/lib/db/products";
import { dateOf, vietnamDateOf } from "@/lib/domain/dates";
import { readPdf, squash } from "../unit/pdf/pdf-text";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { extraProducer, type World } from "./helpers";
import { db, makeWorld } from "./world";

// A cycle year of its own: the annual plan is one per cycle, and other files plan the current year.
const YEAR = 2038;
const today = vietnamDateOf(new Date());

let w: World;

async function as(actor: Actor | null, path: string): Promise<Response> {
  actAs(actor);
  try {
    return await annualReport(new Request(`http://localhost${path}`));
  } finally {
    actAs(null);
  }
}

async function pdfText(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const reading = readPdf(pdf);
  expect(reading.missingGlyphs).toBe(0);
  expect(reading.allEmbedded).toBe(true);
  return squash(reading.text);
}

beforeAll(async () => {
  w = await makeWorld();
  const coop = await extraProducer(w.tag, "Hợp tác xã Miến dong Tài Hoan", w.wardA);
  const recognised = async (producerId: string, productName: string, star: number, issuedOn: string) => {
    const { certificate } = await issuedCertificate({ producerId, issuedOn: issuedOn as never, star, productName });
    const productId = await db.$transaction((tx) => catalogueProductFor(tx, { producerId, productName, criteriaSetNo: certificate.criteriaSetNo, previousCertificateId: null }));
    await db.certificate.update({ where: { id: certificate.id }, data: { productId } });
  };
  await recognised(coop.producer.id, `Miến dong Tài Hoan ${w.tag}`, 4, `${YEAR}-03-15`);
  await recognised(w.producerA.id, `Tinh bột nghệ ${w.tag}`, 3, `${YEAR}-05-20`);
  await recognised(w.producerB.id, `Gạo nếp Pì Pất ${w.tag}`, 5, `${YEAR - 1}-09-01`);
  // Support spent in the year, for the headline and the budget.
  const idea = await db.productIdea.create({ data: { producerId: coop.producer.id, cycleYear: YEAR, status: "ACCEPTED", productName: `Ý tưởng ${w.tag}`, version: 1 } });
  const plan = await db.businessPlan.create({ data: { ideaId: idea.id, producerId: coop.producer.id, status: "APPROVED", version: 1 } });
  await db.supportActivity.create({ data: { planId: plan.id, kind: "TRAINING", fundingSource: "CITY", amount: BigInt(12_000_000), date: dateOf(`${YEAR}-06-01`), status: "DONE" } });

  const cycle = await db.ocopCycle.upsert({ where: { year: YEAR }, create: { year: YEAR, title: `Chu trình OCOP năm ${YEAR}` }, update: {} });
  const annual = await db.annualPlan.upsert({
    where: { cycleId: cycle.id },
    create: { cycleId: cycle.id, title: `Kế hoạch thực hiện Chương trình OCOP năm ${YEAR}`, decisionNumber: `${randomUUID().slice(0, 3)}/KH-UBND` },
    update: {},
  });
  await db.annualTarget.deleteMany({ where: { annualPlanId: annual.id } });
  await db.annualBudgetLine.deleteMany({ where: { annualPlanId: annual.id } });
  await db.annualTarget.create({ data: { annualPlanId: annual.id, kind: "NEW_PRODUCTS", star: 4, quantity: 10 } });
  await db.annualTarget.create({ data: { annualPlanId: annual.id, kind: "NEW_PRODUCTS", star: 3, wardId: w.wardB, quantity: 2 } });
  await db.annualBudgetLine.create({ data: { annualPlanId: annual.id, source: "CITY", description: "Tập huấn, hỗ trợ bao bì", amount: BigInt(250_000_000) } });
});

describe("annual report PDF", () => {
  it("renders the city's report in Vietnamese with the dashboard's figures and the plan's targets", async () => {
    const res = await as(w.economicOffice, `/dashboard/report?year=${YEAR}`);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="Bao-cao-OCOP-nam-${YEAR}.pdf"; filename*=UTF-8''Bao%20cao%20OCOP%20nam%20${YEAR}.pdf`);
    const text = await pdfText(res);
    for (const expected of [
      `BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM ${YEAR}`,
      "Toàn thành phố",
      "Số liệu chính",
      `Các bước của chu trình OCOP năm ${YEAR}`,
      "Ý tưởng đã nộp",
      "Được công nhận",
      "Theo xã, phường",
      "Phường Đức Xuân",
      "Xã Nông Thượng",
      "Theo loại hình chủ thể",
      "Hợp tác xã",
      "Sản phẩm được công nhận qua các năm",
      `Kế hoạch năm ${YEAR}: chỉ tiêu và kết quả`,
      "Sản phẩm 4 sao được công nhận mới",
      "Sản phẩm 3 sao được công nhận mới (Xã Nông Thượng)",
      "250.000.000 ₫",
      "Trang 1/",
    ]) {
      expect(text, expected).toContain(squash(expected));
    }
    // The report prints the loaders' numbers: the plan's percentage and the year's support.
    const progress = (await annualPlanProgress(w.economicOffice, YEAR, { today }))!;
    const fourStar = progress.targets.find((t) => t.star === 4 && t.wardId === null)!;
    expect(text).toContain(squash(`Sản phẩm 4 sao được công nhận mới10${fourStar.achieved}${fourStar.percent} %`));
    const headline = (await dashboardHeadline(w.economicOffice, { year: YEAR }, today))!;
    const support = headline.supportSpent.reduce((s, r) => s + r.amount, BigInt(0));
    expect(support >= BigInt(12_000_000)).toBe(true);
    expect(text).toContain(squash(`${new Intl.NumberFormat("vi-VN").format(support)} ₫`));
  });

  it("gives a ward officer its own ward, whatever ward the URL names", async () => {
    const res = await as(w.wardOfficerA, `/dashboard/report?year=${YEAR}&ward=${w.wardB}`);
    expect(decodeURIComponent(res.headers.get("Content-Disposition")!.split("''")[1]!)).toBe(`Bao cao OCOP nam ${YEAR} - Phường Đức Xuân.pdf`);
    const text = await pdfText(res);
    expect(text).toContain(squash("Phạm vi: Phường Đức Xuân"));
    expect(text).not.toContain(squash("Xã Nông Thượng"));
    expect(text).not.toContain(squash("Toàn thành phố"));
    // The budget is the city's: a ward's report has targets but no budget table.
    expect(text).not.toContain(squash("250.000.000 ₫"));
  });

  it("narrows to a ward for the office, and shows the year's cycle without a plan as such", async () => {
    const text = await pdfText(await as(w.leader, `/dashboard/report?year=${YEAR - 1}&ward=${w.wardB}`));
    expect(text).toContain(squash("Phạm vi: Xã Nông Thượng"));
    expect(text).toContain(squash(`BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM ${YEAR - 1}`));
    // Other files of the suite may have written a plan for that year in the shared database.
    const planned = await db.annualPlan.findFirst({ where: { cycle: { year: YEAR - 1 } }, select: { id: true } });
    expect(text).toContain(squash(planned ? `Kế hoạch năm ${YEAR - 1}: chỉ tiêu và kết quả` : `Chu trình năm ${YEAR - 1} chưa có kế hoạch OCOP năm trên Cổng.`));
  });

  it("is refused where the dashboard is: producers and council members get 404, a visitor is sent to sign-in", async () => {
    expect((await as(w.producerUserA, `/dashboard/report?year=${YEAR}`)).status).toBe(404);
    expect((await as(w.council, `/dashboard/report?year=${YEAR}`)).status).toBe(404);
    const out = await as(null, `/dashboard/report?year=${YEAR}`);
    expect(out.status).toBe(303);
    expect(out.headers.get("Location")).toBe(`/login?callbackUrl=${encodeURIComponent(`/dashboard/report?year=${YEAR}`)}`);
  });
});
