// npm start: install what is missing, start PostgreSQL (embedded unless DATABASE_URL is set),
// migrate, seed, build when stale, and serve on PORT (default 3000). `--dev` serves `next dev`.
// Ctrl-C stops the server and the database cleanly.
import { spawn } from "node:child_process";
import { root, log } from "./lib/util.mjs";
import { ensureDependencies, ensureAuthSecret, migrate, seed, buildIfStale } from "./lib/steps.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

await ensureDependencies();
const { startDatabaseServer, ensureDatabase } = await import("./lib/database.mjs");
const db = await startDatabaseServer();
let server;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Đang dừng …");
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("close", r));
  }
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  const url = db.external ? db.baseUrl : await ensureDatabase(db.baseUrl, "ocop");
  log("Áp dụng migration …");
  await migrate(url);
  log("Nạp dữ liệu tham chiếu và dữ liệu demo …");
  await seed(url, ["--print-accounts"]);
  const env = { DATABASE_URL: url, AUTH_SECRET: ensureAuthSecret(), PORT: port };
  if (!dev) await buildIfStale();
  const next = `${root}/node_modules/.bin/next`;
  server = spawn(next, [dev ? "dev" : "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  server.once("spawn", () => log(`Cổng OCOP: http://localhost:${port}  (Ctrl-C để dừng)`));
  server.on("close", (code) => shutdown(code ?? 0));
} catch (error) {
  console.error(String(error?.message ?? error));
  await shutdown(1);
}
