// After npm install: the migration tool (Prisma 6 CLI with its wasm schema engine, kept in its own
// folder because its `prisma` bin would clash with Prisma 7's; toolchain.md §2.3) and the
// generated Prisma client (lib/generated is not committed).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tool = path.join(root, "prisma/migrate-tool");
if (!existsSync(path.join(tool, "node_modules/prisma/package.json"))) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: tool, stdio: "inherit" });
}
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
if (existsSync(prismaCli)) {
  execFileSync(process.execPath, [prismaCli, "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
