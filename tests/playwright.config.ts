import { defineConfig, devices } from "@playwright/test";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3311);

// Debian's Chromium: Playwright cannot download its own browser on these machines.
const chromium = {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  workers: 1,
  // Two cores run the server, the database and the browser: give a re-render after a server
  // action up to 10 s, and let CI retry a test once (a retried pass is reported as flaky).
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure", locale: "vi-VN" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "phone-360", testMatch: /responsive\.spec\.ts/, use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, launchOptions: chromium } },
  ],
  webServer: {
    command: `${root}/node_modules/.bin/next start -p ${PORT}`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The QR codes on certificates must open this very server.
    env: { NEXT_TELEMETRY_DISABLED: "1", APP_URL: `http://127.0.0.1:${PORT}`, OCOP_DISABLE_JOBS: "1" },
  },
});
