import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function log(msg) {
  console.log(`\x1b[36m[ocop]\x1b[0m ${msg}`);
}

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(cmd, args, { env = {}, cwd = root, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let out = "";
    if (quiet) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
    child.on("error", (e) => resolve({ code: 127, out: String(e) }));
  });
}

export async function must(cmd, args, opts) {
  const { code, out } = await run(cmd, args, opts);
  if (code !== 0) {
    if (out) process.stderr.write(out);
    throw new Error(`${cmd} ${args.join(" ")} thất bại (mã ${code})`);
  }
  return out;
}

export const npx = (bin) => path.join(root, "node_modules/.bin", bin);
