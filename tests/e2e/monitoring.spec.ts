// Monitoring after recognition (QĐ26 Art. 9) in a real browser: the office plans an inspection
// of a recognised product, finds a violation and proposes revocation; it then records the
// revocation decision, and the dashboard, the public product page and the verification page all
// say the certificate is revoked. Uses the demo product "Siro mơ vàng Xuất Hóa" (prisma/seed),
// which no other end-to-end test touches.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { tinyPng } from "../support/tiny-png";
import { expectNoHorizontalScroll, signInAndWaitForHome } from "./helpers";

test.describe.configure({ timeout: 180_000 });

const PRODUCT = "Siro mơ vàng Xuất Hóa";
const FINDINGS = "Biên bản kiểm tra số 21/BB-KT: 350 chai siro 500 ml dán tem OCOP 4 sao trong khi sản phẩm được công nhận 3 sao; quầy bán hàng trực tuyến quảng cáo «OCOP 4 sao».";

async function signedIn(browser: Browser, who: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWaitForHome(page, who);
  return page;
}

async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Today in Vietnam, as the date inputs take it. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

test("an inspection finds a violation, revocation follows, and the dashboard, the product page and the verification page reflect it", async ({ browser, page }) => {
  // A visitor finds the product and its certificate in force.
  await page.goto("/products");
  await page.getByRole("searchbox", { name: "Tìm sản phẩm" }).fill("siro mo vang xuat hoa");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("link", { name: PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRODUCT);
  const productUrl = page.url();
  const number = (await page.locator("dt", { hasText: "Số giấy chứng nhận" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  await page.getByRole("link", { name: "Kiểm tra giấy chứng nhận" }).first().click();
  await expect(page).toHaveURL(/\/verify\//);
  await expect(page.getByRole("status")).toContainText("Còn hiệu lực");
  const verifyUrl = page.url();

  // The office plans an ad hoc inspection of it.
  const office = await signedIn(browser, "kinhte@ocop.demo");
  await office.goto("/inspections");
  await office.getByRole("link", { name: "Lập kế hoạch kiểm tra" }).first().click();
  await office.getByLabel("Sản phẩm, chủ thể hoặc số giấy chứng nhận").fill("Siro mơ vàng");
  await office.getByRole("button", { name: "Tìm", exact: true }).click();
  await office.getByRole("link", { name: new RegExp(`Chọn.*${PRODUCT}`) }).click();
  await expect(office.getByRole("heading", { level: 1 })).toContainText(PRODUCT);
  await office.getByLabel("Hình thức kiểm tra").selectOption({ label: "Đột xuất" });
  await office.getByLabel("Ngày kiểm tra dự kiến").fill(today());
  const team = `Hoàng Thị Lan, chuyên viên Phòng Kinh tế — đoàn ${Date.now() % 100000}`;
  await office.getByLabel("Đoàn kiểm tra").fill(team);
  await office.getByRole("button", { name: "Lập kế hoạch" }).click();
  await expect(office).toHaveURL(/\/inspections\/(?!new)[^/?]+$/);
  const inspectionUrl = office.url();
  await expect(office.getByText("Đã lên kế hoạch").first()).toBeVisible();
  await expectNoSeriousA11yViolations(office);

  // A photo of the wrong stamps.
  await office.getByLabel("Thêm ảnh hoặc biên bản").setInputFiles({ name: "tem-sai-so-sao.png", mimeType: "image/png", buffer: Buffer.from(tinyPng()) });
  await expect(office.getByText("Đã tải lên tem-sai-so-sao.png.")).toBeVisible();
  await expect(office.getByRole("img", { name: `Ảnh kiểm tra 1: ${PRODUCT}` })).toBeVisible();
  const photo = await office.getByRole("img", { name: `Ảnh kiểm tra 1: ${PRODUCT}` }).getAttribute("src");
  expect(photo).toMatch(/^\/api\/files\//);

  // The team's conclusion: the mark is misused; the checklist makes it "not compliant".
  const item = (name: string) => office.getByRole("group", { name });
  await item("Duy trì các tiêu chí như hồ sơ đã được đánh giá, phân hạng").getByLabel("Đạt", { exact: true }).check();
  await item("Sử dụng nhãn hiệu chứng nhận OCOP (biểu trưng, số sao) đúng quy định").getByLabel("Không đạt", { exact: true }).check();
  await item("Thông tin sản phẩm, nhãn hàng hóa đúng và đầy đủ").getByLabel("Đạt", { exact: true }).check();
  await item("Quảng cáo, giới thiệu sản phẩm đúng với kết quả công nhận").getByLabel("Không đạt", { exact: true }).check();
  await expect(office.getByLabel("Không đạt yêu cầu")).toBeChecked();
  await expect(office.getByLabel("Đạt yêu cầu", { exact: true })).toBeDisabled();
  await office.getByLabel("Kết quả kiểm tra, nội dung vi phạm").fill(FINDINGS);
  await office.getByLabel("Đề nghị thu hồi giấy chứng nhận", { exact: true }).check();
  // The ground follows the first item not met: (d) misuse of the OCOP mark.
  await expect(office.getByLabel("Căn cứ đề nghị thu hồi (khoản 1 Điều 8 QĐ26)")).toHaveValue("D");
  await office.getByRole("button", { name: "Ghi kết luận" }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(office.getByTestId("inspection-result")).toContainText("Không đạt yêu cầu");
  await expect(office.getByText("Giấy chứng nhận đang ở trạng thái đề nghị thu hồi.", { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(office);

  // Meanwhile the public page says revocation is being considered.
  await page.goto(productUrl);
  await expect(page.getByText("Giấy chứng nhận đang được xem xét thu hồi.")).toBeVisible();

  // The office records the decision, starting from the inspection's ground and findings.
  await office.getByRole("link", { name: "Mở giấy chứng nhận" }).click();
  await expect(office.getByRole("heading", { level: 1 })).toHaveText(PRODUCT);
  await expect(office.getByTestId("certificate-inspections").getByRole("link").first()).toBeVisible();
  await expect(office.getByLabel("Căn cứ thu hồi (khoản 1 Điều 8)")).toHaveValue("D");
  await expect(office.getByLabel("Kết luận, lý do cụ thể")).toHaveValue(FINDINGS);
  const decision = `${Date.now() % 100000}/QĐ-UBND`;
  await office.getByLabel("Số quyết định thu hồi").fill(decision);
  await office.getByLabel("Họ tên người ký").fill("Nguyễn Đăng Bình");
  await office.getByLabel("Chức vụ người ký").fill("Phó Chủ tịch Ủy ban nhân dân tỉnh");
  await office.getByRole("button", { name: "Thu hồi giấy chứng nhận" }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(office.getByText(`Theo Quyết định số ${decision}`, { exact: false })).toBeVisible();

  // The inspection says the revocation is done.
  await office.goto(inspectionUrl);
  await expect(office.getByText("Giấy chứng nhận đã bị thu hồi.")).toBeVisible();

  // The dashboard's revoked count opens a list holding it.
  await office.goto("/dashboard");
  await office.getByTestId("figure-revoked").getByRole("link").first().click();
  await expect(office).toHaveURL(/\/certificates\?.*revokedYear=\d{4}/);
  await expect(office.getByRole("link", { name: number })).toBeVisible();

  // The public product page and the verification page.
  await page.goto(productUrl);
  await expect(page.getByText("Giấy chứng nhận OCOP đã bị thu hồi")).toBeVisible();
  await expect(page.getByText(/^Sản phẩm OCOP \d sao$/)).toHaveCount(0);
  await page.goto(verifyUrl);
  await expect(page.getByRole("status")).toContainText("Đã thu hồi");
  await expect(page.getByText(new RegExp(`Thu hồi theo Quyết định số ${decision.replace("/", "\\/")}`))).toBeVisible();

  // Another ward's officer and another producer get the 404 page, and the photo is theirs neither.
  for (const who of ["ducxuan@ocop.demo", "tanthanh@ocop.demo"]) {
    const other = await signedIn(browser, who);
    expect((await other.goto(inspectionUrl))?.status(), who).toBe(404);
    await expect(other.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
    await expect(other.getByText(PRODUCT)).toHaveCount(0);
    expect((await other.request.get(photo!)).status(), who).toBe(404);
    await other.context().close();
  }

  // The list and the inspection fit a 360 px phone.
  await office.setViewportSize({ width: 360, height: 800 });
  await office.goto("/inspections");
  await expectNoHorizontalScroll(office);
  await office.goto(inspectionUrl);
  await expectNoHorizontalScroll(office);
  await office.context().close();
});

test("a producer reads the inspections of its products, and what it must put right, without the office's forms", async ({ browser }) => {
  // The demo inspection (prisma/seed/demo-inspections.ts) that ended with a warning.
  const producer = await signedIn(browser, "tanthanh@ocop.demo");
  await producer.goto("/inspections");
  await expect(producer.getByRole("link", { name: "Lập kế hoạch kiểm tra" })).toHaveCount(0);
  await producer.getByRole("link", { name: "Tinh bột nghệ nếp đen Bắc Kạn" }).first().click();
  await expect(producer.getByRole("heading", { name: "Yêu cầu khắc phục" })).toBeVisible();
  await expect(producer.getByTestId("inspection-checklist")).toContainText("Không đạt");
  await expect(producer.getByRole("button", { name: "Ghi kết luận" })).toHaveCount(0);
  await expect(producer.getByRole("button", { name: "Hủy cuộc kiểm tra" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(producer);
  await producer.context().close();
});
