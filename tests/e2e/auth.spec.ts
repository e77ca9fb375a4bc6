import { expect, test } from "@playwright/test";
import { signIn, signInAndWaitForHome } from "./helpers";

const ROLES = [
  ["kinhte@ocop.demo", "ECONOMIC_OFFICE", "Phòng Kinh tế"],
  ["ducxuan@ocop.demo", "WARD_OFFICER", "Phường Đức Xuân"],
  ["nongthuong@ocop.demo", "WARD_OFFICER", "Xã Nông Thượng"],
  ["tanthanh@ocop.demo", "PRODUCER", "Chủ thể OCOP"],
  ["duongquang@ocop.demo", "PRODUCER", "Chủ thể OCOP"],
  ["hoidong@ocop.demo", "COUNCIL_MEMBER", "Thành viên Hội đồng đánh giá"],
  ["lanhdao@ocop.demo", "LEADER", "Lãnh đạo UBND"],
  ["quantri@ocop.demo", "ADMIN", "Quản trị hệ thống"],
] as const;

for (const [email, role, shown] of ROLES) {
  test(`${email} signs in and lands on the ${role} home`, async ({ page }) => {
    await signInAndWaitForHome(page, email);
    await expect(page.getByTestId(`home-${role}`)).toBeVisible();
    await expect(page.getByTestId(`home-${role}`)).toContainText(shown);
  });
}

test("a producer signs in with a phone number written the Vietnamese way", async ({ page }) => {
  await signInAndWaitForHome(page, "0912 000 001");
  await expect(page.getByTestId("home-PRODUCER")).toContainText("Hà Thị Thu");
});

test("a wrong password shows the Vietnamese error and keeps the visitor on sign-in", async ({ page }) => {
  await signIn(page, "kinhte@ocop.demo", "mat-khau-sai");
  await expect(page.getByTestId("login-error")).toHaveText("Email/số điện thoại hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Email hoặc số điện thoại")).toHaveValue("kinhte@ocop.demo");
});

test("empty fields are caught before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByText("Vui lòng nhập email hoặc số điện thoại.")).toBeVisible();
  await expect(page.getByText("Vui lòng nhập mật khẩu.")).toBeVisible();
});

test("repeated failures on one account pause it with a clear message", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, "lanhdao-gia@ocop.demo", `sai-${i}`);
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await signIn(page, "lanhdao-gia@ocop.demo", "sai-6");
  await expect(page.getByTestId("login-error")).toHaveText(/^Bạn đã thử quá nhiều lần/);
});

test("an anonymous visitor is sent to sign-in from portal pages, and back after signing in", async ({ page }) => {
  for (const path of ["/home", "/producers", "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, "\\/")}`));
  }
  await page.goto("/producers");
  await page.getByLabel("Email hoặc số điện thoại").fill("kinhte@ocop.demo");
  await page.getByLabel("Mật khẩu").fill("Ocop@2026");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page).toHaveURL(/\/producers$/);
  await expect(page.getByRole("heading", { name: "Chủ thể OCOP" })).toBeVisible();
});

test("a callbackUrl to another site is ignored after sign-in", async ({ page }) => {
  await page.goto("/login?callbackUrl=https://evil.example/");
  await page.getByLabel("Email hoặc số điện thoại").fill("kinhte@ocop.demo");
  await page.getByLabel("Mật khẩu").fill("Ocop@2026");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/home$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAndWaitForHome(page, "hoidong@ocop.demo");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login/);
});

test("an administrator ends another user's sessions at once", async ({ browser }) => {
  const leader = await browser.newPage();
  await signInAndWaitForHome(leader, "lanhdao@ocop.demo");
  const admin = await browser.newPage();
  await signInAndWaitForHome(admin, "quantri@ocop.demo");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-lanhdao@ocop.demo");
  await row.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
  await expect(row.getByText("Đã kết thúc mọi phiên đăng nhập")).toBeVisible();
  await leader.goto("/home");
  await expect(leader).toHaveURL(/\/login/);
});
