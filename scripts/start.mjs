// npm start: install what is missing, start PostgreSQL (embedded unless DATABASE_URL is set),
// migrate, seed, build when stale, and serve on PORT (default 3000). `--dev` serves `next dev`.
// Ctrl-C stops the server and the database cleanly.
import { spawn } from "node:child_process";
import "./lib/load-env.mjs";
import { root, log } from "./lib/util.mjs";
import { ensureDependencies, ensureAuthSecret, migrate, seed, buildIfStale } from "./lib/steps.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

await ensureDependencies();
const { startDatabaseServer, ensureDatabase } = await import("./lib/database.mjs");
let db;
try {
  db = await startDatabaseServer();
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
let server;
let serverExited;
let stopping = false;
// The web server stops first (it may still be answering), then the database.
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Đang dừng …");
  if (server && serverExited) {
    server.kill("SIGTERM");
    await serverExited;
  }
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(130));
process.on("SIGTERM", () => shutdown(143));

try {
  const url = db.external ? db.baseUrl : await ensureDatabase(db.baseUrl, "ocop");
  log("Áp dụng migration …");
  await migrate(url);
  // Demo accounts share one published password: never put them on a real server unasked.
  const demo = !db.external || process.env.SEED_DEMO === "1";
  log(demo ? "Nạp dữ liệu tham chiếu và dữ liệu demo …" : "Nạp dữ liệu tham chiếu (không có dữ liệu demo) …");
  await seed(url, demo ? ["--print-accounts"] : ["--reference-only"]);
  // Links in e-mails and the QR codes on certificates point here unless APP_URL names the public address.
  const env = { DATABASE_URL: url, AUTH_SECRET: ensureAuthSecret(), PORT: port, APP_URL: process.env.APP_URL || `http://localhost:${port}` };
  if (!dev) await buildIfStale();
  const next = `${root}/node_modules/.bin/next`;
  server = spawn(next, [dev ? "dev" : "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  serverExited = new Promise((resolve) => server.once("exit", resolve));
  server.once("spawn", () => log(`Cổng OCOP: http://localhost:${port}  (Ctrl-C để dừng)`));
  // A server that dies on its own (crash, out of memory) takes the launcher down with an error.
  server.once("exit", (code, signal) => {
    serverExited = null;
    shutdown(code ?? (signal ? 1 : 0));
  });
} catch (error) {
  console.error(String(error?.message ?? error));
  await shutdown(1);
}
