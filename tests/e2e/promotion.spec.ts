// Steps 6 and 1 in a real browser: the public catalogue and verification, points of sale, fairs
// and training, and the accessibility of every public page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, signInAndWaitForHome } from "./helpers";

test.describe.configure({ timeout: 120_000 });

/** Every axe rule, not only the serious ones: the public face must be clean. */
async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${page.url()} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function signedIn(browser: Browser, who: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWaitForHome(page, who);
  return page;
}

const REVOKED_PRODUCT = "Trà Shan tuyết Ngọc Thắng";

test("a visitor finds a product without diacritics, sees it valid, and sees it revoked as soon as the office revokes it", async ({ browser, page }) => {
  await page.goto("/products");
  await page.getByRole("searchbox", { name: "Tìm sản phẩm" }).fill("tra shan tuyet ngoc thang");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/q=tra\+shan\+tuyet/);
  await page.getByRole("link", { name: REVOKED_PRODUCT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVOKED_PRODUCT);
  await expect(page.getByText(/^Sản phẩm OCOP \d sao$/)).toBeVisible();
  const number = (await page.locator("dt", { hasText: "Số giấy chứng nhận" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  expect(number).toMatch(/^\d+\/\d{4}\/OCOP-/);
  const productUrl = page.url();

  await page.getByRole("link", { name: "Kiểm tra giấy chứng nhận" }).first().click();
  await expect(page).toHaveURL(/\/verify\//);
  await expect(page.getByRole("status")).toContainText("Còn hiệu lực");
  const verifyUrl = page.url();

  // The office revokes it on a ground of QĐ26 Art. 8.1 with its decision.
  const office = await signedIn(browser, "kinhte@ocop.demo");
  await office.goto(`/certificates?q=${encodeURIComponent(number)}`);
  await office.getByRole("link", { name: number }).click();
  await office.getByLabel("Số quyết định thu hồi").fill("77/QĐ-UBND");
  await office.getByLabel("Họ tên người ký").fill("Nguyễn Đăng Bình");
  await office.getByLabel("Chức vụ người ký").fill("Phó Chủ tịch UBND tỉnh");
  await office.getByLabel("Kết luận, lý do cụ thể").fill("Biên bản kiểm tra số 12/BB-KT: sản phẩm không còn duy trì tiêu chí chất lượng.");
  await office.getByRole("button", { name: "Thu hồi giấy chứng nhận" }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  // The certificate page itself now shows the revocation (the form and its message leave with it).
  await expect(office.getByText("Theo Quyết định số 77/QĐ-UBND", { exact: false })).toBeVisible();

  // At once: the product page, the verification page and the catalogue.
  await page.goto(productUrl);
  await expect(page.getByText("Giấy chứng nhận OCOP đã bị thu hồi")).toBeVisible();
  await expect(page.getByText(/^Sản phẩm OCOP \d sao$/)).toHaveCount(0);
  await page.goto(verifyUrl);
  await expect(page.getByRole("status")).toContainText("Đã thu hồi");
  await expect(page.getByText(/Thu hồi theo Quyết định số 77\/QĐ-UBND/)).toBeVisible();
  await page.goto("/products?q=tra+shan+tuyet");
  await expect(page.getByRole("link", { name: REVOKED_PRODUCT })).toHaveCount(0);
  await office.context().close();
});

test("an operator applies for a point of sale without an account and the office approves it", async ({ browser, page }) => {
  // Unique per attempt: a retry must not meet the application of the attempt before it.
  const name = `Quầy đặc sản Bắc Kạn – ki-ốt ${Date.now() % 100000}`;
  await page.goto("/points-of-sale/apply");
  await page.getByLabel("Tên điểm bán").fill(name);
  await page.getByLabel("Đơn vị, cá nhân quản lý").fill("Hộ kinh doanh Lường Thị Hoa");
  await page.getByLabel("Loại địa điểm").selectOption({ label: "Trung tâm thương mại, siêu thị, chợ" });
  await page.getByRole("textbox", { name: "Địa chỉ", exact: true }).fill("Ki-ốt 14, chợ Phùng Chí Kiên");
  await page.getByLabel("Xã, phường").selectOption({ label: "Phường Phùng Chí Kiên" });
  await page.getByLabel("Họ và tên người liên hệ").fill("Lường Thị Hoa");
  await page.getByLabel("Điện thoại").fill("0912 345 678");
  await page.getByLabel("Tổng số mặt hàng trưng bày").fill("80");
  await page.getByLabel("Số mặt hàng OCOP và đặc sản địa phương").fill("60");
  await page.getByLabel("Tìm sản phẩm OCOP").fill("mien dong");
  const result = page.getByRole("listitem").filter({ hasText: "Miến dong Tài Hoan" });
  await result.getByRole("button", { name: "Chọn" }).click();
  await page.getByLabel("Có tem OCOP").first().check();
  await page.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(page).toHaveURL(/\/points-of-sale\/track\//);
  await expect(page.getByText("Đơn đã được gửi tới Phòng Kinh tế và đang chờ xét duyệt.")).toBeVisible();
  const trackUrl = page.url();

  const office = await signedIn(browser, "kinhte@ocop.demo");
  await office.goto("/manage/points-of-sale?status=SUBMITTED");
  await office.getByRole("link", { name }).click();
  await office.getByLabel("Số quyết định công nhận").fill("301/QĐ-UBND");
  await office.getByRole("button", { name: "Công nhận", exact: true }).click();
  await office.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(office.getByText("Đã công nhận điểm bán.")).toBeVisible();
  await office.context().close();

  await page.goto(trackUrl);
  await expect(page.getByText("Điểm bán đã được công nhận và có trong danh sách công khai.")).toBeVisible();
  await page.goto("/points-of-sale");
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("a producer registers for a fair and for a training course", async ({ browser }) => {
  const producer = await signedIn(browser, "duongquang@ocop.demo");
  await producer.goto("/manage/events");
  await producer.getByRole("link", { name: "Hội chợ OCOP và nông sản Bắc Kạn 2026" }).first().click();
  await producer.getByRole("group", { name: "Sản phẩm mang đến trưng bày" }).getByRole("checkbox").first().check();
  await producer.getByLabel("Số gian hàng đề nghị").fill("1");
  await producer.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(producer.getByText("Đã gửi đăng ký. Phòng Kinh tế sẽ xác nhận và thông báo cho đơn vị.")).toBeVisible();

  await producer.goto("/manage/training");
  await producer.getByRole("link", { name: "Xây dựng câu chuyện sản phẩm OCOP" }).first().click();
  await producer.getByRole("button", { name: "Đăng ký tham gia" }).click();
  await expect(producer.getByText("Đã đăng ký. Hẹn gặp bạn tại lớp.")).toBeVisible();
  await producer.context().close();

  // The office sees the registration waiting on its hub and in the event's queue.
  const office = await signedIn(browser, "kinhte@ocop.demo");
  await office.goto("/manage");
  await expect(office.getByTestId("desk-events")).toContainText("lượt đăng ký chờ xác nhận");
  await office.context().close();
});

test("every public page passes the accessibility check and fits a 360 px phone", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const pages = ["/", "/products", "/points-of-sale", "/points-of-sale/apply", "/events", "/gift-sets", "/news", "/documents", "/training", "/verify", "/open-data", "/criteria"];
  // Detail pages, reached the way a visitor reaches them.
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    const href = await page.locator(`main a[href^="${list}/"]`).filter({ hasText: pattern }).first().getAttribute("href");
    expect(href, list).toBeTruthy();
    return href!;
  };
  pages.push(await firstLink("/products", /Miến dong/));
  pages.push(await firstLink("/events", /Hội chợ/));
  pages.push(await firstLink("/gift-sets", /./));
  pages.push(await firstLink("/news", /./));
  pages.push(await firstLink("/points-of-sale", /./));
  await page.goto(pages.at(-5)!);
  await page.getByRole("link", { name: "Kiểm tra giấy chứng nhận" }).first().click();
  pages.push(new URL(page.url()).pathname);
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectNoA11yViolations(page);
    await expectNoHorizontalScroll(page);
  }
  await context.close();
});

test("open data downloads are UTF-8 CSV with a byte-order mark and JSON of the listed products", async ({ request }) => {
  const csv = await request.get("/api/open-data/products.csv");
  expect(csv.ok()).toBe(true);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("Miến dong Tài Hoan");
  const json = await request.get("/api/open-data/products.json");
  const body = (await json.json()) as unknown;
  expect(JSON.stringify(body)).toContain("Miến dong Tài Hoan");
  const sitemap = await request.get("/sitemap.xml");
  expect(await sitemap.text()).toContain("/products/");
});

test("the leader's dashboard and a ward officer's own-ward dashboard pass the accessibility check and fit a phone", async ({ browser }) => {
  for (const [who, scope] of [
    ["lanhdao@ocop.demo", "Toàn thành phố"],
    ["nongthuong@ocop.demo", "Xã Nông Thượng"],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signInAndWaitForHome(page, who);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Báo cáo điều hành OCOP");
    await expect(page.getByText(scope).first()).toBeVisible();
    // The headline figure links to the list behind it.
    await expect(page.locator('main a[href^="/products?star="]').first()).toBeVisible();
    await expectNoA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }
});
