// Runs the Prisma 6 CLI on a Prisma-6-valid copy of ../schema.prisma.
// Usage: node prisma/migrate-tool/run.mjs migrate deploy|dev|status|reset … (DATABASE_URL set)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = readFileSync(path.join(here, "../schema.prisma"), "utf8")
  // Prisma 6 needs the url in the datasource and a client-engine generator (no binary).
  .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
  .replace(/datasource\s+db\s*\{([^}]*)\}/, (_m, body) => `datasource db {${body}  url = env("DATABASE_URL")\n}`)
  .concat('\ngenerator client {\n  provider   = "prisma-client"\n  engineType = "client"\n  output     = "./generated"\n}\n');
mkdirSync(path.join(here, ".schema"), { recursive: true });
writeFileSync(path.join(here, ".schema/schema.prisma"), schema);

const args = process.argv.slice(2);
const cmd = args.slice(0, 2).join(" ");
if (["migrate dev", "migrate reset", "db push"].includes(cmd) && !args.includes("--skip-generate")) args.push("--skip-generate");
const res = spawnSync(
  process.execPath,
  [path.join(here, "node_modules/prisma/build/index.js"), ...args, "--config", path.join(here, "prisma.config.ts")],
  { stdio: "inherit", cwd: here, env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
);
process.exit(res.status ?? 1);
