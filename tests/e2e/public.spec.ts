import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAndWaitForHome } from "./helpers";

async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the public home page presents the programme in Vietnamese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Cổng OCOP/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình Mỗi xã, phường một sản phẩm");
  await expect(page.getByRole("heading", { name: "Chu trình OCOP thường niên" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Đánh giá và phân hạng" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Đăng nhập" }).first()).toHaveAttribute("href", "/login");
  await expect(page.getByRole("link", { name: "Đăng ký tham gia" }).first()).toHaveAttribute("href", "/register");
  await expectNoSeriousA11yViolations(page);
});

test("the language switch shows English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One Commune One Product");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /Tiếng Việt/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình Mỗi xã, phường một sản phẩm");
});

test("the 26 criteria sheets are published, each with its items and star minimums", async ({ page }) => {
  await page.goto("/criteria");
  await expect(page.getByRole("link", { name: /^Bộ \d+:/ })).toHaveCount(26);
  await page.getByRole("link", { name: /^Bộ 7:/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chế biến từ rau, củ, quả, hạt");
  await expect(page.getByRole("heading", { name: /Phần A/ })).toBeVisible();
  await expect(page.getByText("Hồ sơ bị loại khi")).toBeVisible();
  await expect(page.getByText("Yêu cầu tối thiểu cho 4 sao").first()).toBeAttached();
  await expectNoSeriousA11yViolations(page);
});

test("the sign-in, registration and portal pages pass the accessibility check", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Đăng ký tài khoản chủ thể" })).toBeVisible();
  await expect(page.getByLabel("Xã/phường")).toContainText("Xã Nông Thượng");
  await expectNoSeriousA11yViolations(page);
  await signInAndWaitForHome(page, "kinhte@ocop.demo");
  await expectNoSeriousA11yViolations(page);
  for (const path of ["/producers", "/ideas", "/ideas?status=WARD_ACCEPTED", "/plans", "/notifications"]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});

test("the producer's idea and plan pages pass the accessibility check", async ({ page }) => {
  await signInAndWaitForHome(page, "tanthanh@ocop.demo");
  await page.goto("/ideas/new");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/ideas");
  await page.getByRole("link", { name: "Tinh bột nghệ nếp đỏ Bắc Kạn" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Đã phê duyệt" }).click();
  await expect(page.getByRole("heading", { name: "Nhật ký hỗ trợ" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the skip link and sign-in form work from the keyboard", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" })).toBeFocused();
  await page.getByLabel("Email hoặc số điện thoại").focus();
  await page.keyboard.type("lanhdao@ocop.demo");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ocop@2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/home$/);
});
