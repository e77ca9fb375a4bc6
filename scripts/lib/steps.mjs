// Steps shared by the launchers (start, test, db). Only Node built-ins are imported at the top:
// these run before `npm install` on a fresh clone.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { root, log, must, npx, run } from "./util.mjs";

/** npm install when node_modules is missing or older than the lock file. */
export async function ensureDependencies() {
  const marker = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
  const toolMissing = !existsSync(path.join(root, "prisma/migrate-tool/node_modules/prisma/package.json"));
  const clientMissing = !existsSync(path.join(root, "lib/generated/prisma/client.ts"));
  if (stale) {
    log("Cài đặt các gói phụ thuộc (npm install) …");
    await must("npm", existsSync(marker) ? ["install", "--no-audit", "--no-fund"] : ["ci", "--no-audit", "--no-fund"]);
  } else if (toolMissing || clientMissing) {
    await must("node", [path.join(root, "scripts/postinstall.mjs")]);
  }
}

/** AUTH_SECRET from the environment, else one generated once and kept under .data/. */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data/auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Migration folders not yet applied (all of them when the database is new). */
async function pendingMigrations(databaseUrl) {
  const dir = path.join(root, "prisma/migrations");
  const folders = readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory()).sort();
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return folders.filter((f) => !applied.has(f));
  } catch {
    return folders; // no _prisma_migrations table yet
  } finally {
    await client.end();
  }
}

// The migration CLI takes ~10 s to start its wasm engine, so it runs only when a folder is
// pending (or a failed migration needs its error shown); a restart with nothing new is instant.
export async function migrate(databaseUrl, { quiet = true } = {}) {
  if ((await pendingMigrations(databaseUrl)).length === 0) return;
  await must("node", [path.join(root, "prisma/migrate-tool/run.mjs"), "migrate", "deploy"], {
    env: { DATABASE_URL: databaseUrl },
    quiet,
  });
}

export async function seed(databaseUrl, args = []) {
  await must(npx("tsx"), [path.join(root, "prisma/seed.ts"), ...args], { env: { DATABASE_URL: databaseUrl } });
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "proxy.ts",
  "package-lock.json", "postcss.config.mjs", "tsconfig.json", ".env", ".env.production"];

function sourceHash() {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(path.join("lib", "generated"))) return;
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
    }
  };
  for (const entry of BUILD_INPUTS) walk(path.join(root, entry));
  return h.digest("hex");
}

/** next build, unless .next holds a build of exactly these sources. */
export async function buildIfStale() {
  const stamp = path.join(root, ".next/ocop-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    log("Bản build đã cập nhật — bỏ qua next build.");
    return false;
  }
  log("Biên dịch ứng dụng (next build) …");
  const { code } = await run(npx("next"), ["build"]);
  if (code !== 0) throw new Error("next build thất bại");
  writeFileSync(stamp, hash);
  return true;
}
