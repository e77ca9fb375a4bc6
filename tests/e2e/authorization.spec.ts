// Regression specs for authorization: every bug of this kind ever found gets a named test here.
import { expect, test } from "@playwright/test";
import { ownProducerId, signInAndWaitForHome } from "./helpers";

test("a producer opening another producer's record gets the 404 page", async ({ browser }) => {
  const other = await browser.newPage();
  await signInAndWaitForHome(other, "duongquang@ocop.demo");
  const otherId = await ownProducerId(other);

  const page = await browser.newPage();
  await signInAndWaitForHome(page, "tanthanh@ocop.demo");
  const ownId = await ownProducerId(page);
  expect(ownId).not.toBe(otherId);
  const response = await page.goto(`/producers/${otherId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page.getByText("HTX Dương Quang")).toHaveCount(0);
});

test("regression: a producer asking for another id never sees its own record in its place", async ({ page }) => {
  await signInAndWaitForHome(page, "tanthanh@ocop.demo");
  const response = await page.goto("/producers/some-other-id");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("HTX Nông nghiệp Tân Thành")).toHaveCount(0);
});

test("a ward officer sees their ward's producers and gets 404 for another ward's", async ({ browser }) => {
  const producer = await browser.newPage();
  await signInAndWaitForHome(producer, "tanthanh@ocop.demo"); // Xã Nông Thượng
  const nongThuongId = await ownProducerId(producer);

  const page = await browser.newPage();
  await signInAndWaitForHome(page, "ducxuan@ocop.demo"); // Phường Đức Xuân
  await page.goto("/producers");
  await expect(page.getByRole("link", { name: "HTX Tân Dân" })).toBeVisible();
  await expect(page.getByRole("link", { name: "HTX Nông nghiệp Tân Thành" })).toHaveCount(0);
  expect((await page.goto(`/producers/${nongThuongId}`))?.status()).toBe(404);
});

test("non-administrators get 404 for the accounts page", async ({ page }) => {
  await signInAndWaitForHome(page, "kinhte@ocop.demo");
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
});

test("a producer updates its contact details and a bad phone gets a Vietnamese message", async ({ page }) => {
  await signInAndWaitForHome(page, "duongquang@ocop.demo");
  await ownProducerId(page);
  await page.getByLabel("Điện thoại").fill("12345");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Số điện thoại di động gồm 10 chữ số")).toBeVisible();
  await page.getByLabel("Điện thoại").fill("0209 3870 123");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Đã lưu thông tin liên hệ.")).toBeVisible();
  await page.reload();
  await expect(page.locator("dd", { hasText: "02093870123" })).toBeVisible();
});
