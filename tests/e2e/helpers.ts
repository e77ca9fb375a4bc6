import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Ocop@2026";

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email hoặc số điện thoại").fill(identifier);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

export async function signInAndWaitForHome(page: Page, identifier: string) {
  await signIn(page, identifier);
  await expect(page).toHaveURL(/\/home$/);
}

/** The id of the signed-in producer's own entity (/producers/me redirects to it). */
export async function ownProducerId(page: Page): Promise<string> {
  await page.goto("/producers/me");
  await expect(page).toHaveURL(/\/producers\/(?!me)[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
