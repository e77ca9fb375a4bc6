// The scale seed (npm run seed:scale, launched by scripts/seed-scale.mjs with DATABASE_URL set to
// the scale database). Bulk SQL on one connection: every row is made by the server from
// generate_series and a few word lists, so 100,000 products cost no round trips per row.
import { parseArgs } from "node:util";
import pg from "pg";
import { createSeedClient } from "../client";
import { seedReference } from "../reference";
import { hashPassword } from "../../../lib/auth/password";
import { seedPlaces } from "./places";
import { DEMO, seedProducers, seedUsers } from "./people";
import { seedProducts, seedRecognised, seedRounds } from "./catalogue";
import { seedAnswerVariants, seedRecognisedSheets } from "./scoring";
import { seedPipeline } from "./pipeline";
import { seedEvents, seedNews, seedPointsOfSale } from "./trade";
import { count, stage } from "./sql";

const { values } = parseArgs({ options: { products: { type: "string", default: "100000" } } });
const products = Number(values.products);
const producers = Math.ceil(products / 2);
const PASSWORD = "Ocop@2026";

const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
const t0 = Date.now();
try {
  // Refuse rather than add a second national dataset on top of the first.
  const existing = await count(db, "Producer");
  if (existing > 0) {
    console.error(`CSDL quy mô lớn đã có dữ liệu (${existing} chủ thể). Chạy lại với --fresh để tạo lại từ đầu.`);
    process.exit(3);
  }
  console.log(`Nạp dữ liệu quy mô lớn: ${products} sản phẩm, ${producers} chủ thể.`);
  const prisma = createSeedClient();
  await stage("Dữ liệu tham chiếu (bộ tiêu chí, bộ quy tắc, phân loại)", async () => {
    await seedReference(prisma);
    await prisma.$disconnect();
  });
  // Argon2 once; every account shares the hash (hashing 10,000 passwords would take minutes).
  const passwordHash = await hashPassword(PASSWORD);
  await db.query("BEGIN");
  await stage("Tỉnh, xã, phường", () => seedPlaces(db), (n) => `${n} đơn vị cấp xã`);
  await stage("Chủ thể OCOP", () => seedProducers(db, producers), (n) => `${n} chủ thể`);
  await stage("Tài khoản", () => seedUsers(db, passwordHash), (n) => `${n} tài khoản`);
  await stage("Đợt đánh giá, hội đồng, quyết định", () => seedRounds(db), (r) => `${r.rounds} đợt, ${r.members} thành viên, ${r.decisions} quyết định`);
  await stage("Sản phẩm", () => seedProducts(db, products, producers), (n) => `${n} sản phẩm`);
  await stage("Hồ sơ được công nhận và giấy chứng nhận", () => seedRecognised(db), (r) => `${r.dossiers} hồ sơ, ${r.certificates} giấy chứng nhận`);
  await stage("Phiếu mẫu theo bộ tiêu chí", () => seedAnswerVariants(db), (n) => `${n} phiếu mẫu`);
  await stage("Phiếu chấm của hội đồng", () => seedRecognisedSheets(db), (n) => `${n} phiếu`);
  await stage("Hồ sơ đang xử lý", () => seedPipeline(db, products, producers), (r) => `${r.dossiers} hồ sơ, ${r.sheets} phiếu`);
  await stage("Hội chợ và người tham gia", () => seedEvents(db, products), (r) => `${r.events} sự kiện, ${r.participants} người tham gia`);
  await stage("Điểm giới thiệu và bán sản phẩm", () => seedPointsOfSale(db, products), (r) => `${r.points} điểm, ${r.carried} sản phẩm bày bán`);
  await stage("Tin tức", () => seedNews(db, products), (n) => `${n} bài`);
  await stage("Ghi dữ liệu (COMMIT)", () => db.query("COMMIT"));
  // Statistics and the visibility map (index-only scans), as autovacuum would have made them.
  await stage("VACUUM ANALYZE", () => db.query("VACUUM ANALYZE"));

  const totals: string[] = [];
  for (const t of ["AdminUnit", "Producer", "User", "Product", "Dossier", "Certificate", "ScoreSheet", "PointOfSaleProduct"]) totals.push(`${t} ${await count(db, t)}`);
  console.log(`Tổng: ${totals.join(", ")}.`);
  const { rows: open } = await db.query(`
    SELECT d.id FROM "Dossier" d JOIN "ScoreSheet" s ON s."dossierId" = d.id AND s."userId" = 'su-council-demo'
     WHERE d.status = 'COUNCIL_SCORING' ORDER BY d.id LIMIT 1`);
  console.log(`Thời gian nạp: ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  console.log(`\nTài khoản demo (mật khẩu chung: ${PASSWORD}):`);
  console.log(`  ECONOMIC_OFFICE  ${DEMO.office}      (hàng đợi: /dossiers?status=FORWARDED)`);
  console.log(`  LEADER           ${DEMO.leader}`);
  console.log(`  COUNCIL_MEMBER   ${DEMO.council}      (phiếu chấm: /evaluation${open[0] ? "/" + open[0].id : ""})`);
  console.log(`  ADMIN            ${DEMO.admin}`);
  console.log(`  WARD_OFFICER     canbo<mã xã>@ocop.scale, PRODUCER chuthe<n>@ocop.scale`);
} catch (e) {
  await db.query("ROLLBACK").catch(() => {});
  throw e;
} finally {
  await db.end();
}
