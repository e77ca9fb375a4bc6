// npm run seed:scale -- [--products 100000] [--database ocop_scale] [--fresh] [--cluster pg]
// Fills a separate database with national-scale data for the benchmark (issue 7): provinces and
// their communes, producers, products with their dossiers, certificates and council score sheets,
// an open pipeline, fairs, points of sale and news. It runs on the server `npm start` uses
// (embedded unless DATABASE_URL names a server), never on the demo database.
import path from "node:path";
import { parseArgs } from "node:util";
import { startDatabaseServer, ensureDatabase } from "./lib/database.mjs";
import { ensureDependencies, migrate } from "./lib/steps.mjs";
import "./lib/load-env.mjs";
import { log, must, npx, root } from "./lib/util.mjs";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    database: { type: "string", default: "ocop_scale" },
    fresh: { type: "boolean", default: false },
    // The embedded cluster under .data/ (the one `npm start` uses by default); another lets a
    // scale seed run beside a portal or a test run without touching their server.
    cluster: { type: "string", default: "pg" },
  },
});
const products = Number(values.products);
if (!Number.isInteger(products) || products < 100) {
  console.error("--products phải là số nguyên từ 100 trở lên.");
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]*$/.test(values.database) || values.database === "ocop" || values.database.endsWith("_test")) {
  console.error(`Tên CSDL không hợp lệ cho dữ liệu quy mô lớn: ${values.database} (không dùng "ocop" hay "*_test").`);
  process.exit(2);
}

await ensureDependencies();
const started = Date.now();
const server = await startDatabaseServer({ cluster: values.cluster });
let code = 0;
try {
  // On a named server, DATABASE_URL's database is replaced by the scale database's name.
  const url = await ensureDatabase(server.baseUrl, values.database, { fresh: values.fresh });
  log(`Áp dụng migration cho ${values.database} …`);
  await migrate(url);
  await must(npx("tsx"), [path.join(root, "prisma/seed/scale/main.ts"), "--products", String(products)], {
    env: { DATABASE_URL: url },
  });
  log(`Xong sau ${((Date.now() - started) / 1000).toFixed(1)} s. DATABASE_URL=${url}`);
  if (server.embedded && !server.shared) {
    log(`PostgreSQL nhúng (cụm .data/${values.cluster}) dừng lại bây giờ; dữ liệu vẫn còn, lần khởi động sau của cụm dùng lại (cổng có thể đổi).`);
  }
} catch (e) {
  console.error(String(e?.message ?? e));
  code = 1;
} finally {
  await server.stop();
}
process.exit(code);
