// Issue 8, part 6: every kind of page carries the security headers, its scripts run under the
// nonce-based Content-Security-Policy without a single violation, and the page still hydrates.
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAndWaitForHome } from "./helpers";

test.describe.configure({ timeout: 120_000 });

type Watch = { problems: string[] };

/** Collects CSP violations three ways: the DOM event, console messages and uncaught errors. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [] };
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const list = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      list.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) w.problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => w.problems.push(`pageerror: ${error.message}`));
  return w;
}

async function expectNoViolations(page: Page, w: Watch) {
  const fromDom = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  expect([...w.problems, ...fromDom]).toEqual([]);
}

/** The headers every page must carry; returns the page's nonce. */
function expectSecurityHeaders(response: Response | null): string {
  expect(response, "a document response").not.toBeNull();
  const h = response!.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["permissions-policy"]).toContain(feature);
  // The e2e server is production over plain http: HSTS would be wrong here.
  expect(h["strict-transport-security"]).toBeUndefined();
  const csp = h["content-security-policy"];
  expect(csp, "an enforced policy, not report-only").toBeDefined();
  expect(h["content-security-policy-report-only"]).toBeUndefined();
  const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const script = directives.get("script-src")!;
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, "a nonce in script-src").toBeTruthy();
  return nonce!;
}

/**
 * Every inline script Next.js rendered carries this request's nonce (else the policy would block
 * it). Chunks the runtime adds later need none: 'strict-dynamic' trusts what a trusted script loads.
 */
async function expectScriptsStamped(page: Page, nonce: string) {
  const nonces = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLScriptElement>("script:not([src])"), (s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
}

/**
 * Hydration: a link inside a hydrated page navigates on the client, so a value set on window
 * survives; with the scripts blocked the browser loads a new document and the value is gone.
 */
async function expectClientNavigation(page: Page, navLabel: string, linkName: string, urlPattern: RegExp) {
  await page.evaluate(() => ((window as unknown as { __stillHere?: boolean }).__stillHere = true));
  await page.getByRole("navigation", { name: navLabel }).getByRole("link", { name: linkName, exact: true }).click();
  await expect(page).toHaveURL(urlPattern);
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
}

test("public pages: headers, a fresh nonce each time, no CSP violations, and they hydrate", async ({ page }) => {
  const w = await watch(page);

  const home = expectSecurityHeaders(await page.goto("/"));
  await expectScriptsStamped(page, home);
  const again = expectSecurityHeaders(await page.reload());
  expect(again).not.toBe(home);
  await expectClientNavigation(page, "Điều hướng chính", "Tin tức", /\/news$/);
  await expectNoViolations(page, w);

  const catalogue = expectSecurityHeaders(await page.goto("/products"));
  await expectScriptsStamped(page, catalogue);
  const productHref = await page.locator('main a[href^="/products/"]').first().getAttribute("href");
  expect(productHref).toMatch(/^\/products\/[^/?]+$/);
  await expectClientNavigation(page, "Điều hướng chính", "Hội chợ, sự kiện", /\/events$/);
  await expectNoViolations(page, w);

  const product = expectSecurityHeaders(await page.goto(productHref!));
  await expectScriptsStamped(page, product);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectClientNavigation(page, "Điều hướng chính", "Sản phẩm OCOP", /\/products$/);
  await expectNoViolations(page, w);
});

test("the sign-in page: headers, no violations, and its form validates on the client", async ({ page }) => {
  const w = await watch(page);
  const nonce = expectSecurityHeaders(await page.goto("/login"));
  await expectScriptsStamped(page, nonce);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  // react-hook-form answers without a round trip only once the page has hydrated.
  await expect(page.getByText("Vui lòng nhập email hoặc số điện thoại.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expectNoViolations(page, w);
});

test("repeated wrong passwords pause the account with a Vietnamese message", async ({ page }) => {
  // An account nobody has: the pause is per typed identifier, so no demo account is touched.
  const identifier = `khoa-thu-${Date.now()}@ocop.demo`;
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email hoặc số điện thoại").fill(identifier);
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page.getByTestId("login-error")).not.toBeEmpty();
    await expect(page.getByRole("button", { name: "Đăng nhập", exact: true })).toBeEnabled();
  }
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("login-error")).toContainText("Bạn đã thử quá nhiều lần");
});

test("a signed-in portal page: headers, no violations, and client navigation", async ({ page }) => {
  const w = await watch(page);
  await signInAndWaitForHome(page, "kinhte@ocop.demo");
  const nonce = expectSecurityHeaders(await page.reload());
  await expectScriptsStamped(page, nonce);
  await expectClientNavigation(page, "Điều hướng chính", "Hồ sơ đánh giá", /\/dossiers$/);
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Hồ sơ đánh giá", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoViolations(page, w);
});

test("API answers carry the fixed headers too, never the pages' nonce policy", async ({ request }) => {
  const res = await request.get("/api/media/khong-ton-tai");
  // /api is outside the proxy: a served file sets its own sandboxing policy (lib/storage/serve.ts), and
  // a page policy there would be ANDed with it.
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"] ?? "").not.toContain("nonce-");
});
