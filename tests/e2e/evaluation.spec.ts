// Step 5 end to end, as the people involved do it: a producer files a dossier from its approved
// business plan, the ward pre-assesses it (Form 03) and forwards it, the Economic Office puts it
// in a round whose council has three members, one of whom declares a conflict and is locked out;
// the two others score the real set-7 sheet, disagree by more than the threshold, the chair
// reopens a sheet and the council converges; the office releases a 4★ decision; the certificate
// PDF's QR code opens the public verification page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { signInAndWaitForHome } from "./helpers";
import { loadSheet, planAnswers } from "./sheet-plan";
import { readQrCodes } from "../support/pdf-qr";

// Each step drives whole forms and real sheets through several accounts: minutes, not seconds, on two cores.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PRODUCT = "Tinh bột nghệ nếp đỏ Bắc Kạn";
const SHEET = loadSheet(7);
const PDF = path.resolve(import.meta.dirname, "../fixtures/giay-chung-nhan.pdf");
let dossierUrl = "";
let verifyUrl = "";
let roundPath = "";
let certificatePath = "";

async function as(browser: Browser, email: string): Promise<Page> {
  // A context per person: separate sessions, and the accessibility checker needs one.
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  await signInAndWaitForHome(page, email);
  return page;
}

/** Ticks, item by item, the options that add up to about `target` while meeting every 4★ minimum. */
async function fillSheet(page: Page, idPrefix: string, target: number) {
  const { picks, total } = planAnswers(SHEET, target, 4);
  for (const [code, pick] of picks) {
    const anchor = `${idPrefix}-item-${code.replace(/\./g, "_")}`;
    await page.locator(`#${anchor}-${pick === "met" ? "met-true" : `opt-${pick}`}`).check();
  }
  return total;
}

test("the producer files a dossier from its approved plan and submits it to the ward", async ({ browser }) => {
  const page = await as(browser, "tanthanh@ocop.demo");
  await page.goto("/dossiers/new");
  await page.getByLabel("Phương án sản xuất kinh doanh", { exact: true }).selectOption({ label: PRODUCT });
  await page.getByRole("button", { name: "Tạo hồ sơ" }).click();
  await expect(page).toHaveURL(/\/dossiers\/[^/]+\/edit$/);
  dossierUrl = page.url().replace(/\/edit$/, "");

  await page.getByLabel("Tên sản phẩm/dịch vụ, mô tả quy cách sản phẩm, tiêu chuẩn").fill("Tinh bột nghệ nếp đỏ, hộp 100 g, TCCS 01:2026/HTXTT");
  await page.getByLabel("Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói").fill("15 ha nghệ nếp đỏ liên kết với 40 hộ; sấy lạnh, đóng gói phòng sạch.");
  await page.getByLabel("Thị trường phân phối sản phẩm").fill("Hà Nội, Thái Nguyên, sàn Postmart.");
  await page.getByLabel("Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận").fill("Doanh thu 1,8 tỷ đồng, lợi nhuận 350 triệu đồng năm 2026.");
  await page.getByLabel("Định hướng, kế hoạch phát triển sản phẩm, tổ chức sản xuất, thị trường").fill("Mở rộng vùng nguyên liệu lên 25 ha, xuất khẩu tiểu ngạch.");
  await page.getByLabel("Số lượng sản phẩm mẫu").fill("5");
  await fillSheet(page, "own", 86);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu nháp.")).toBeVisible();

  // The food-safety certificate the intake check looks for, valid past the round.
  await page.getByLabel("Loại tài liệu").selectOption({ label: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm" });
  await page.getByLabel("Tên tài liệu (số, ký hiệu nếu có)").fill("Giấy chứng nhận ATTP số 12/2025/NNPTNT-BK");
  await page.getByLabel("Ngày cấp").fill("2025-03-01");
  await page.getByLabel("Ngày hết hạn").fill("2028-03-01");
  await page.getByLabel("Tệp tài liệu").setInputFiles(PDF);
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText(/Đã tải lên/)).toBeVisible();

  await page.goto(dossierUrl);
  await page.getByRole("button", { name: "Nộp hồ sơ cho UBND xã/phường" }).click();
  await expect(page.getByText("Chờ xã/phường đánh giá sơ bộ").first()).toBeVisible();
  await page.close();
});

test("the ward writes Form 03 and forwards the dossier with a product code", async ({ browser }) => {
  const page = await as(browser, "nongthuong@ocop.demo");
  await page.goto("/dossiers");
  await page.getByRole("link", { name: PRODUCT }).first().click();
  await expect(page).toHaveURL(dossierUrl);
  await page.getByRole("link", { name: "Lập báo cáo Mẫu số 03" }).first().click();
  await page.getByLabel("1. Về sử dụng nguyên liệu địa phương").fill("Nghệ nếp đỏ trồng tại xã Nông Thượng, trên 80% nguyên liệu tại chỗ; đã kiểm tra thực tế vùng trồng.");
  await page.getByLabel("2. Về sử dụng lao động địa phương").fill("25 lao động đều là người địa phương, 18 lao động nữ, có danh sách đóng bảo hiểm.");
  await page.getByLabel("3. Nguồn gốc ý tưởng sản phẩm").fill("Sản phẩm truyền thống của đồng bào Tày, được cải tiến công nghệ sấy lạnh.");
  await page.getByLabel("4. Bản sắc/trí tuệ địa phương").fill("Giống nghệ nếp đỏ bản địa và kinh nghiệm chế biến tinh bột của người Tày Bắc Kạn.");
  await page.getByRole("button", { name: "Lưu báo cáo" }).click();
  await expect(page.getByText(/Đã lưu báo cáo\. Báo cáo đã đủ bốn nội dung/)).toBeVisible();
  await page.goto(dossierUrl);
  await page.getByRole("button", { name: "Chuyển Phòng Kinh tế" }).click();
  await expect(page.getByText(/Mã số sản phẩm: 06-01852-\d{3}-2026/)).toBeVisible();
  await page.close();
});

test("the office puts the dossier in the round; a member with a relative at the producer declares it and is locked out", async ({ browser }) => {
  const office = await as(browser, "kinhte@ocop.demo");
  await office.goto("/rounds");
  await office.getByRole("link", { name: /Đợt 2 năm 2026/ }).first().click();
  await office.waitForURL(/\/rounds\/[^/?#]+$/);
  const roundUrl = office.url();
  roundPath = new URL(roundUrl).pathname;
  await office.getByLabel(PRODUCT).check();
  await office.getByRole("button", { name: /Xếp 1 hồ sơ đã chọn vào đợt/ }).click();
  // The dossier moves from the queue into the round's list.
  await expect(office.getByRole("region", { name: "Hồ sơ trong đợt" }).getByRole("link", { name: PRODUCT })).toBeVisible();

  // Hà Văn Tuấn's relative of the Hà family produces in Nông Thượng: the legal representative of
  // HTX Tân Thành is Hà Thị Thu, so the portal hides that dossier from him.
  const member3 = await as(browser, "hoidong3@ocop.demo");
  await member3.goto(roundUrl);
  await member3.getByLabel("Có người thân (theo họ và xã, phường)").check();
  await member3.getByLabel("Họ của người thân").fill("Hà");
  await member3.getByLabel("Xã, phường nơi người thân sản xuất, kinh doanh").selectOption({ label: "Xã Nông Thượng" });
  await member3.getByLabel("Ghi chú (mối quan hệ)").fill("Em họ làm xã viên hợp tác xã");
  await member3.getByRole("button", { name: "Gửi khai báo" }).click();
  await expect(member3.getByText("Đã ghi nhận khai báo.")).toBeVisible();

  await office.reload();
  await office.getByRole("button", { name: /Bắt đầu chấm \(1 hồ sơ\)/ }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(office.getByText("Hội đồng đang chấm điểm").first()).toBeVisible();

  const id = dossierUrl.split("/").pop();
  const response = await member3.goto(`/evaluation/${id}`);
  expect(response?.status()).toBe(404);
  await member3.goto("/evaluation");
  await expect(member3.getByText(PRODUCT)).toHaveCount(0);
  await Promise.all([office.close(), member3.close()]);
});

async function scoreAndSubmit(page: Page, target: number) {
  const id = dossierUrl.split("/").pop();
  await page.goto(`/evaluation/${id}`);
  const total = await fillSheet(page, "score", target);
  await page.getByRole("button", { name: "Nộp phiếu" }).click();
  await page.getByRole("button", { name: "Nộp và khóa phiếu" }).click();
  await expect(page.getByText(new RegExp(`Đã nộp lúc .*tổng ${total} điểm`))).toBeVisible();
  return total;
}

test("two members disagree by more than 10 points; the chair reopens a sheet and the council converges", async ({ browser }) => {
  const chair = await as(browser, "hoidong@ocop.demo");
  const member2 = await as(browser, "hoidong2@ocop.demo");
  const chairTotal = await scoreAndSubmit(chair, 86);
  const firstTotal = await scoreAndSubmit(member2, 72);
  expect(chairTotal - firstTotal).toBeGreaterThan(10);

  await chair.reload();
  await expect(chair.getByText(/Chênh lệch vượt ngưỡng/).first()).toBeVisible();
  await chair.getByRole("button", { name: /Mở lại phiếu.*Lý Thị Mai/ }).click();
  const reopen = chair.getByRole("dialog", { name: "Mở lại phiếu của Lý Thị Mai" });
  await reopen.getByLabel(/Lý do mở lại/).fill("Tiêu chí thị trường và câu chuyện sản phẩm cần chấm lại theo minh chứng hợp đồng.");
  await reopen.getByRole("button", { name: "Mở lại để chấm lại" }).click();
  await expect(reopen).toBeHidden();

  const secondTotal = await scoreAndSubmit(member2, 82);
  expect(Math.abs(chairTotal - secondTotal)).toBeLessThanOrEqual(10);

  await chair.reload();
  await chair.getByRole("button", { name: "Kết thúc chấm hồ sơ" }).first().click();
  await chair.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(chair.getByText(/Hội đồng đã chấm xong|Đã kết thúc chấm/).first()).toBeVisible();
  await Promise.all([chair.close(), member2.close()]);
});

test("the office checks the result, records the decision and releases it: a 4★ certificate whose QR code opens the verification page", async ({ browser }) => {
  const office = await as(browser, "kinhte@ocop.demo");
  await office.goto("/results");
  await office.getByRole("link", { name: "Đợt 2 năm 2026" }).first().click();
  await office.getByRole("button", { name: "Đánh dấu đã kiểm tra" }).click();
  await expect(office.getByText(/Đã kiểm tra: Hoàng Thị Lan/)).toBeVisible();
  await office.getByLabel("Số quyết định").fill("2390/QĐ-UBND");
  await office.getByLabel("Ngày ký").fill("2026-11-30");
  await office.getByLabel("Họ tên người ký").fill("Nguyễn Đăng Bình");
  await office.getByLabel("Chức vụ người ký").fill("Chủ tịch Ủy ban nhân dân tỉnh");
  await office.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(office.getByText("Đã ghi nhận quyết định.")).toBeVisible();
  // The release panel proposes the new decision once the page has refreshed; releasing before
  // that would go without one (and be refused as incomplete).
  await expect(office.getByLabel("Theo quyết định").locator("option:checked")).toContainText("2390/QĐ-UBND");
  await office.getByRole("button", { name: "Công bố 1 kết quả" }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(office.getByText(/Đã công bố: 1 công nhận/)).toBeVisible();
  await office.close();

  const producer = await as(browser, "tanthanh@ocop.demo");
  await producer.goto(dossierUrl);
  await expect(producer.getByText("Được công nhận").first()).toBeVisible();
  await expect(producer.getByRole("img", { name: /4 sao/ }).first()).toBeVisible();
  await producer.getByRole("link", { name: "Xem giấy chứng nhận" }).click();
  await expect(producer).toHaveURL(/\/certificates\/[^/]+$/);
  certificatePath = new URL(producer.url()).pathname;
  const pdfHref = await producer.getByRole("link", { name: "Xem, in giấy chứng nhận (PDF)" }).getAttribute("href");
  const pdf = await producer.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const codes = readQrCodes(Buffer.from(await pdf.body()));
  expect(codes).toHaveLength(1);
  expect(codes[0]).toMatch(/\/verify\/[A-Za-z0-9_-]{16,}$/);

  // Anyone scanning the code, signed in or not, lands on the public verification page.
  verifyUrl = codes[0]!;
  const visitor = await browser.newPage();
  await visitor.goto(verifyUrl);
  await expect(visitor.getByRole("heading", { name: PRODUCT })).toBeVisible();
  await expect(visitor.getByRole("status")).toContainText("Còn hiệu lực");
  await expect(visitor.getByRole("img", { name: "4 sao" })).toBeVisible();
  await expect(visitor.getByText("HTX Nông nghiệp Tân Thành")).toBeVisible();
  await Promise.all([producer.close(), visitor.close()]);
});

/** Every step-5 screen, as each role sees it after the journey: accessible, and usable on a 360 px phone. */
test("the evaluation screens pass the accessibility check and fit a 360 px phone", async ({ browser }) => {
  test.setTimeout(180_000);
  const id = dossierUrl.split("/").pop();
  // Every page is checked before the verdict, so one run lists every problem.
  const problems: string[] = [];
  const check = async (page: Page, path: string) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (width === 360) {
        // A table scrolls inside its own box; the page itself never scrolls sideways. (Screen-
        // reader-only text is absolutely positioned: a scroll box must be `relative` to hold it.)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${path} at 360 px: ${overflow} px of sideways scrolling`);
      } else {
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) problems.push(`${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
  };
  const visits: [string, string[]][] = [
    ["tanthanh@ocop.demo", ["/dossiers", `/dossiers/${id}`, "/dossiers/new", "/certificates", certificatePath]],
    ["nongthuong@ocop.demo", ["/dossiers", `/dossiers/${id}`, "/certificates"]],
    ["kinhte@ocop.demo", ["/dossiers", "/rounds", roundPath, "/rounds/new", "/results", `/results?round=${roundPath.split("/").pop()}`, "/certificates", certificatePath]],
    ["hoidong@ocop.demo", ["/evaluation", `/evaluation/${id}`, roundPath]],
  ];
  for (const [email, paths] of visits) {
    const page = await as(browser, email);
    for (const path of paths) await check(page, path);
    await page.close();
  }
  const visitor = await (await browser.newContext()).newPage();
  await check(visitor, new URL(verifyUrl).pathname);
  await check(visitor, "/verify");
  await visitor.close();
  expect(problems).toEqual([]);
});

