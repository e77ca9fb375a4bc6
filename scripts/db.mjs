// Database chores on the same server `npm start` uses (embedded unless DATABASE_URL is set):
//   npm run db:migrate -- --name <what>   create a migration from prisma/schema.prisma and apply it
//   npm run db:deploy                     apply pending migrations
//   npm run db:seed                       load reference and demo data (idempotent)
//   npm run db:psql                       open psql (Debian's postgresql-client-15)
import path from "node:path";
import { startDatabaseServer, ensureDatabase } from "./lib/database.mjs";
import { ensureDependencies, seed } from "./lib/steps.mjs";
import "./lib/load-env.mjs";
import { root, run } from "./lib/util.mjs";

await ensureDependencies();
const [verb, ...rest] = process.argv.slice(2);
const server = await startDatabaseServer();
let code = 0;
try {
  const url = server.external ? server.baseUrl : await ensureDatabase(server.baseUrl, "ocop");
  if (verb === "migrate") {
    ({ code } = await run("node", [path.join(root, "prisma/migrate-tool/run.mjs"), "migrate", ...rest], { env: { DATABASE_URL: url } }));
  } else if (verb === "seed") {
    await seed(url, rest);
  } else if (verb === "psql") {
    ({ code } = await run("psql", [url, ...rest]));
  } else {
    console.error("Cách dùng: node scripts/db.mjs migrate dev|deploy|status | seed | psql");
    code = 2;
  }
} finally {
  await server.stop();
}
process.exit(code);
