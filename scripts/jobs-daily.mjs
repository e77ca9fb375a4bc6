// npm run jobs:daily [-- --date YYYY-MM-DD]
// Runs the portal's daily job once (lib/jobs/daily.ts: certificate expiry and notices, overdue
// ward pre-assessments, late council members, drafts before intake closes) on the database
// `npm start` uses (embedded unless DATABASE_URL names a server). Safe to run at any time and
// beside running instances: every notice goes out once. --date runs it as of another day.
import path from "node:path";
import { startDatabaseServer, ensureDatabase } from "./lib/database.mjs";
import { ensureAuthSecret, ensureDependencies } from "./lib/steps.mjs";
import "./lib/load-env.mjs";
import { npx, root, run } from "./lib/util.mjs";

await ensureDependencies();
const server = await startDatabaseServer({ quiet: true });
let code = 0;
try {
  const url = server.external ? server.baseUrl : await ensureDatabase(server.baseUrl, "ocop");
  ({ code } = await run(npx("tsx"), [path.join(root, "lib/jobs/cli.ts"), ...process.argv.slice(2)], {
    env: { DATABASE_URL: url, AUTH_SECRET: ensureAuthSecret() },
  }));
} catch (e) {
  console.error(String(e?.message ?? e));
  code = 1;
} finally {
  await server.stop();
}
process.exit(code);
