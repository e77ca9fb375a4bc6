import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, signInAndWaitForHome } from "./helpers";

test("pages fit a 360 px phone without sideways scrolling", async ({ page }) => {
  for (const path of ["/", "/login", "/register", "/criteria", "/criteria/7"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await signInAndWaitForHome(page, "tanthanh@ocop.demo");
  await expectNoHorizontalScroll(page);
  for (const path of ["/producers/me", "/ideas", "/ideas/new", "/plans", "/notifications"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});
