// npm test: every check and test, on a real PostgreSQL and in a real browser.
//   criteria data check → lint → typecheck → unit → integration (own database, migrated here)
//   → build → end-to-end in Debian's Chromium (own database, seeded here)
//   → faults (the same build; PostgreSQL stopped and started under load, scripts/fault-check.mjs).
// Exits non-zero on any failure and ends with one summary line: "summary: N passed, N failed".
// `--only <step>` runs one step (criteria, lint, typecheck, unit, integration, e2e, faults).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import "./lib/load-env.mjs";
import { root, log, run, npx } from "./lib/util.mjs";
import { ensureDependencies, ensureAuthSecret, migrate, seed, buildIfStale } from "./lib/steps.mjs";

const onlyIdx = process.argv.indexOf("--only");
const only = onlyIdx > 0 ? process.argv[onlyIdx + 1] : null;
const wants = (step) => !only || only === step;
const reports = path.join(root, ".data/reports");
const results = []; // { step, passed, failed }
const record = (step, passed, failed) => {
  results.push({ step, passed, failed });
  log(`${failed ? "✗" : "✓"} ${step}: ${passed} passed, ${failed} failed`);
};

async function check(step, cmd, args, opts) {
  log(`— ${step}`);
  const { code } = await run(cmd, args, opts);
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

async function vitest(project, env = {}) {
  const out = path.join(reports, `${project}.json`);
  rmSync(out, { force: true });
  log(`— ${project} tests`);
  await run(npx("vitest"), ["run", "--config", "tests/vitest.config.ts", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { env });
  if (!existsSync(out)) return record(`${project} tests`, 0, 1);
  const r = JSON.parse(readFileSync(out, "utf8"));
  const failedSuites = (r.testResults ?? []).filter((t) => t.status === "failed" && t.assertionResults.length === 0).length;
  record(`${project} tests`, r.numPassedTests, r.numFailedTests + failedSuites + (r.numTotalTests === 0 ? 1 : 0));
}

async function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() !== 0) {
    console.error("Thiếu Chromium cho kiểm thử đầu-cuối. Cài bằng: sudo apt-get update && sudo apt-get install -y chromium");
    return false;
  }
  log("Cài Chromium của Debian (apt-get) …");
  const up = await run("apt-get", ["update", "-qq"], { quiet: true });
  const inst = up.code === 0 ? await run("apt-get", ["install", "-y", "-qq", "chromium"], { quiet: true, env: { DEBIAN_FRONTEND: "noninteractive" } }) : up;
  if (inst.code !== 0) console.error(inst.out.slice(-2000));
  return existsSync("/usr/bin/chromium");
}

await ensureDependencies();
mkdirSync(reports, { recursive: true });
const authSecret = ensureAuthSecret();
let buildFailed = false;

if (wants("criteria")) await check("criteria data", "node", ["prisma/data/ocop-criteria/check.mjs"]);
if (wants("lint")) await check("lint", npx("eslint"), ["--max-warnings=0", "."]);
if (wants("typecheck")) await check("typecheck", npx("tsc"), ["--noEmit", "-p", "."]);
if (wants("unit")) await vitest("unit");

if (wants("integration") || wants("e2e")) {
  const { startDatabaseServer, ensureDatabase } = await import("./lib/database.mjs");
  // OCOP_TEST_CLUSTER lets two test runs on one machine keep out of each other's way.
  const db = await startDatabaseServer({ cluster: process.env.OCOP_TEST_CLUSTER || "pg-test" });
  const stop = () => db.stop().finally(() => process.exit(130));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    if (wants("integration")) {
      const url = await ensureDatabase(db.baseUrl, "ocop_test", { fresh: true });
      await migrate(url);
      await vitest("integration", { DATABASE_URL: url, AUTH_SECRET: authSecret });
    }
    if (wants("e2e")) {
      let ok = await ensureChromium();
      if (!ok) record("e2e setup", 0, 1);
      if (ok) {
        try {
          await buildIfStale();
        } catch (e) {
          console.error(String(e));
          record("build", 0, 1);
          ok = false;
          buildFailed = true;
        }
      }
      if (ok) {
        const url = await ensureDatabase(db.baseUrl, "ocop_e2e", { fresh: true });
        await migrate(url);
        await seed(url);
        const out = path.join(reports, "e2e.json");
        rmSync(out, { force: true });
        log("— end-to-end tests");
        await run(npx("playwright"), ["test", "--config", "tests/playwright.config.ts"], {
          env: { DATABASE_URL: url, AUTH_SECRET: authSecret, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
        });
        if (existsSync(out)) {
          const s = JSON.parse(readFileSync(out, "utf8")).stats;
          record("e2e tests", s.expected + s.flaky, s.unexpected + (s.expected + s.unexpected + s.flaky === 0 ? 1 : 0));
        } else record("e2e tests", 0, 1);
      }
    }
  } finally {
    await db.stop();
  }
}

// After the e2e database server has stopped: the fault test stops and starts a cluster of its own.
if (wants("faults") && !buildFailed) {
  let ok = await ensureChromium();
  if (!ok) record("faults setup", 0, 1);
  try {
    if (ok) await buildIfStale();
  } catch (e) {
    console.error(String(e));
    record("build", 0, 1);
    ok = false;
  }
  if (ok) await check("faults", "node", ["scripts/fault-check.mjs"], { env: { AUTH_SECRET: authSecret } });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("");
for (const r of results) console.log(`  ${r.failed ? "✗" : "✓"} ${r.step}`);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
