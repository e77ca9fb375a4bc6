// Steps 2–4 end to end, as real people do it: a new producer registers, the ward verifies it, an
// idea goes back and forth, the office accepts it, a business plan is approved and supported.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { signInAndWaitForHome } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = String(Date.now()).slice(-6);
const producerEmail = `htx-${tag}@ocop.demo`;
const producerName = `HTX Chè Shan tuyết ${tag}`;
const productName = `Chè Shan tuyết Đức Xuân ${tag}`;
const password = "Mat-khau-2026";
let ideaUrl = "";
let planUrl = "";

async function as(browser: Browser, email: string, pass?: string): Promise<Page> {
  const page = await browser.newPage();
  // Confirmation dialogs (bulk decisions, rejections) are answered yes, as the official would.
  page.on("dialog", (d) => void d.accept());
  if (pass) {
    await page.goto("/login");
    await page.getByLabel("Email hoặc số điện thoại").fill(email);
    await page.getByLabel("Mật khẩu").fill(pass);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page).toHaveURL(/\/home$/);
  } else await signInAndWaitForHome(page, email);
  return page;
}

async function bellCount(page: Page) {
  // The bell's accessible name is its screen-reader text, which carries the unread count.
  const name = (await page.getByTestId("bell").textContent()) ?? "";
  return Number(/\((\d+)/.exec(name)?.[1] ?? -1);
}

test("a new producer registers online and waits for verification", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Họ và tên người đăng ký").fill("Hoàng Thị Mai");
  await page.getByLabel("Email đăng nhập").fill(producerEmail);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByLabel("Nhập lại mật khẩu").fill("khac-nhau");
  await page.getByLabel("Tên chủ thể").fill(producerName);
  await page.getByLabel("Mã số thuế").fill("4700000001"); // already taken by a demo producer
  await page.getByLabel("Xã/phường").selectOption({ label: "Phường Đức Xuân" });
  await page.getByLabel("Địa chỉ").fill("Tổ 3, phường Đức Xuân");
  await page.getByLabel(/^Họ và tên( \*)?$/).fill("Hoàng Thị Mai");
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page.getByText("Hai mật khẩu không khớp.")).toBeVisible();
  await page.getByLabel("Nhập lại mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page.getByText("Mã số thuế này đã được đăng ký.")).toBeVisible();
  // Nothing typed was lost on either failure.
  await expect(page.getByLabel("Tên chủ thể")).toHaveValue(producerName);
  await page.getByLabel("Mã số thuế").fill(`47${tag}99`);
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText("Thông tin chủ thể đang chờ xác minh.")).toBeVisible();
});

test("the ward officer verifies the new producer", async ({ browser }) => {
  const ward = await as(browser, "ducxuan@ocop.demo");
  expect(await bellCount(ward)).toBeGreaterThan(0);
  await ward.goto("/producers?status=PENDING");
  await ward.getByRole("link", { name: producerName }).click();
  await ward.getByRole("button", { name: "Xác minh", exact: true }).click();
  // The page re-renders with the new status: the panel goes, the history shows who verified.
  await expect(ward.getByTestId("timeline")).toContainText("Đã xác minh");
  await expect(ward.getByTestId("timeline")).toContainText("Triệu Văn Minh");
  await expect(ward.getByRole("button", { name: "Xác minh", exact: true })).toHaveCount(0);
});

test("the producer registers an idea with a photo and submits it", async ({ browser }) => {
  const p = await as(browser, producerEmail, password);
  await p.goto("/ideas/new");
  await p.getByLabel("Tên sản phẩm").fill(productName);
  await p.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(p.getByText("Đã lưu bản nháp.")).toBeVisible();
  await p.getByLabel("Bộ sản phẩm đề xuất").selectOption("11");
  await p.getByLabel("Mô tả sản phẩm").fill("Chè xanh Shan tuyết cổ thụ, hái một tôm hai lá, sao thủ công.");
  await p.getByLabel("Nguyên liệu và nguồn gốc").fill("Chè Shan tuyết cổ thụ của đồng bào Dao tại địa phương");
  await p.getByLabel("Lao động địa phương", { exact: true }).fill("12 hộ trồng và hái chè");
  await p.getByLabel("Nguồn gốc ý tưởng").selectOption("TRADITIONAL");
  await p.getByLabel("Bản sắc, tri thức địa phương").fill("Kỹ thuật sao chè truyền thống của người Dao");
  await p.getByLabel("Thị trường mục tiêu").fill("Khách du lịch, cửa hàng OCOP trong tỉnh");
  await p.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(p.getByText("Đã lưu bản nháp.")).toBeVisible();
  await p.getByRole("link", { name: "Quay lại" }).click();
  ideaUrl = p.url();
  // Files: a real photo goes in; a program renamed .jpg and an oversized file are refused.
  await p.getByLabel("Tải lên tệp").setInputFiles(path.join(import.meta.dirname, "../fixtures/san-pham.png"));
  await expect(p.getByText("Đã tải lên san-pham.png.")).toBeVisible();
  await p.getByLabel("Tải lên tệp").setInputFiles({ name: "anh.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]) });
  await expect(p.getByText("Loại tệp không được chấp nhận.", { exact: false })).toBeVisible();
  const big = path.join(test.info().outputDir, "video-50mb.jpg");
  mkdirSync(path.dirname(big), { recursive: true });
  truncateSync((writeFileSync(big, ""), big), 50 * 1024 * 1024);
  await p.getByLabel("Tải lên tệp").setInputFiles(big);
  await expect(p.getByText("Tệp vượt quá dung lượng cho phép.")).toBeVisible();
  await expect(p.getByTestId("attachments").getByRole("link")).toHaveCount(1);
  await p.getByRole("button", { name: "Nộp", exact: true }).click();
  await expect(p.getByText("Chờ xã/phường xem xét").first()).toBeVisible();
  await expect(p.getByRole("link", { name: "Sửa ý tưởng" })).toHaveCount(0);
  await expect(p.getByLabel("Tải lên tệp")).toHaveCount(0);
});

test("the ward returns the idea for more information; the producer revises and resubmits", async ({ browser }) => {
  const ward = await as(browser, "ducxuan@ocop.demo");
  await ward.goto("/ideas?status=SUBMITTED");
  await ward.getByRole("link", { name: productName }).click();
  await ward.getByRole("button", { name: "Trả lại để bổ sung" }).click();
  await expect(ward.getByText("Vui lòng ghi rõ lý do.")).toBeVisible();
  await ward.getByLabel("Nội dung (bắt buộc khi trả lại hoặc từ chối)").fill("Bổ sung số hộ tham gia và diện tích vùng chè.");
  // "Save and go to the next" is on: the officer lands on the next idea of the same queue.
  await expect(ward.getByLabel("Lưu và sang hồ sơ tiếp theo")).toBeChecked();
  await ward.getByRole("button", { name: "Trả lại để bổ sung" }).click();
  await expect(ward).toHaveURL(/\/ideas\/[^/?]+\?status=SUBMITTED$/);
  await expect(ward.getByRole("heading", { level: 1 })).not.toHaveText(productName);
  await ward.goto(ideaUrl);
  await expect(ward.getByText("Trả lại để bổ sung").first()).toBeVisible();

  const p = await as(browser, producerEmail, password);
  expect(await bellCount(p)).toBeGreaterThanOrEqual(2);
  await p.goto("/notifications");
  await p.getByTestId("notifications").getByRole("link", { name: /được trả lại để bổ sung/ }).click();
  await expect(p).toHaveURL(ideaUrl);
  await expect(p.getByTestId("timeline")).toContainText("Bổ sung số hộ tham gia và diện tích vùng chè.");
  await p.getByRole("link", { name: "Sửa ý tưởng" }).click();
  await p.getByLabel("Lao động địa phương", { exact: true }).fill("12 hộ trồng và hái chè, 20 ha vùng chè cổ thụ");
  // A reload before saving loses nothing: the typed text comes back, with a notice.
  await p.reload();
  await expect(p.getByText("Đã khôi phục nội dung bạn nhập nhưng chưa lưu.", { exact: false })).toBeVisible();
  await expect(p.getByLabel("Lao động địa phương", { exact: true })).toHaveValue("12 hộ trồng và hái chè, 20 ha vùng chè cổ thụ");
  await p.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(p.getByText("Đã lưu bản nháp.")).toBeVisible();
  await p.goto(ideaUrl);
  await p.getByRole("button", { name: "Nộp lại" }).click();
  await expect(p.getByText("Chờ xã/phường xem xét").first()).toBeVisible();
  await expect(p.getByText("Phiên bản 1")).toBeVisible();
  await expect(p.getByText("Phiên bản 2")).toBeVisible();
});

test("the ward forwards and the Economic Office accepts the idea", async ({ browser }) => {
  const ward = await as(browser, "ducxuan@ocop.demo");
  await ward.goto(ideaUrl);
  const next = ward.getByLabel("Lưu và sang hồ sơ tiếp theo");
  if (await next.count()) await next.uncheck();
  await ward.getByRole("button", { name: "Chấp nhận, chuyển Phòng Kinh tế" }).click();
  await expect(ward.getByText("Chờ Phòng Kinh tế quyết định").first()).toBeVisible();

  const office = await as(browser, "kinhte@ocop.demo");
  await office.goto("/ideas?status=WARD_ACCEPTED");
  await office.getByRole("checkbox", { name: `Chọn «${productName}»` }).check();
  await office.getByRole("button", { name: "Chấp nhận các ý tưởng đã chọn" }).click();
  await expect(office.getByTestId("bulk-summary")).toContainText("Đã cập nhật 1 ý tưởng; 0 ý tưởng không đổi.");
  await office.goto(ideaUrl);
  await expect(office.getByText("Được chấp nhận").first()).toBeVisible();
  const timeline = office.getByTestId("timeline");
  for (const step of ["Chờ xã/phường xem xét", "Trả lại để bổ sung", "Chờ Phòng Kinh tế quyết định", "Được chấp nhận"]) await expect(timeline).toContainText(step);
  await expect(timeline).toContainText("Triệu Văn Minh (Cán bộ UBND xã/phường)");
  await expect(timeline).toContainText("Hoàng Thị Lan (Phòng Kinh tế)");
});

test("the producer submits a business plan; the office approves it and logs support", async ({ browser }) => {
  const p = await as(browser, producerEmail, password);
  await p.goto(ideaUrl);
  await p.getByRole("link", { name: "Lập phương án sản xuất kinh doanh" }).click();
  await p.getByLabel("Thị trường và khách hàng").fill("Khách du lịch Ba Bể, cửa hàng OCOP, sàn thương mại điện tử");
  await p.getByLabel("Quy trình sản xuất").fill("Hái, héo, diệt men, vò, sao khô thủ công bằng chảo gang");
  await p.getByLabel("Năng lực sản xuất").fill("3 tấn chè khô mỗi năm");
  await p.getByLabel("Bao bì, nhãn mác").fill("Hộp giấy kraft 100 g, nhãn song ngữ");
  await p.getByLabel("Vốn", { exact: true }).fill("Vốn tự có 300 triệu, vay 200 triệu");
  await p.getByLabel("Lao động", { exact: true }).fill("12 lao động địa phương");
  await p.getByLabel("VietGAP").check();
  const revenue = p.getByLabel("Doanh thu").first();
  await revenue.fill("một triệu");
  await p.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(p.getByText("Số tiền chưa hợp lệ (ví dụ 1.500.000).")).toBeVisible();
  await revenue.fill("1.500.000.000");
  await p.getByLabel("Chi phí").first().fill("1,2 tỷ");
  await p.getByLabel("Doanh thu").nth(1).fill("2 tỷ");
  await p.getByLabel("Chi phí").nth(1).fill("1.500.000.000");
  await p.getByLabel("Doanh thu").nth(2).fill("2,5 tỷ");
  await p.getByLabel("Chi phí").nth(2).fill("1,8 tỷ");
  await p.getByLabel("Vùng nguyên liệu").fill("20 ha chè Shan tuyết cổ thụ của 12 hộ");
  await p.getByRole("button", { name: "Thêm mốc" }).click();
  await p.getByLabel("Mốc 1").fill("Đăng ký nhãn hiệu");
  await p.getByLabel("Hạn").fill("2026-12-20");
  await p.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(p.getByText("Đã lưu phương án.")).toBeVisible();
  await p.getByRole("link", { name: "Quay lại" }).click();
  planUrl = p.url();
  // Profit left empty is revenue − cost, shown in VND.
  await expect(p.getByRole("row", { name: /^2026 / })).toContainText("300.000.000");
  await expect(p.getByRole("row", { name: /^2028 / })).toContainText("700.000.000");
  await p.getByRole("button", { name: "Nộp", exact: true }).click();
  await expect(p.getByText("Chờ thẩm định").first()).toBeVisible();

  const office = await as(browser, "kinhte@ocop.demo");
  await office.goto(planUrl);
  await office.getByRole("button", { name: "Phê duyệt" }).click();
  await expect(office.getByText("Đã phê duyệt").first()).toBeVisible();
  await office.getByLabel("Loại hỗ trợ").selectOption("PACKAGING_DESIGN");
  await office.getByLabel("Kinh phí (đồng)").fill("25.000.000");
  await office.getByRole("button", { name: "Ghi nhận hỗ trợ" }).click();
  await expect(office.getByTestId("support-log")).toContainText("Thiết kế bao bì, nhãn");
  await expect(office.getByText("Tổng kinh phí hỗ trợ: 25.000.000")).toBeVisible();

  await p.goto("/notifications");
  await expect(p.getByTestId("notifications")).toContainText(`Phương án «${productName}» đã được phê duyệt`);
  await expect(p.getByTestId("notifications")).toContainText(`Có hoạt động hỗ trợ mới cho phương án «${productName}»`);
});

test("another ward's officer and another producer get 404 on the idea, its plan and its files", async ({ browser }) => {
  const ownerPage = await as(browser, producerEmail, password);
  await ownerPage.goto(ideaUrl);
  const fileHref = await ownerPage.getByTestId("attachments").getByRole("link").first().getAttribute("href");
  for (const email of ["nongthuong@ocop.demo", "tanthanh@ocop.demo"]) {
    const page = await as(browser, email);
    for (const url of [ideaUrl, planUrl, fileHref!]) expect((await page.goto(url))?.status(), `${email} ${url}`).toBe(404);
  }
});
