// npm run db:seed — reference data (always) and demo data (unless --reference-only).
// Idempotent; refuses a production database unless --allow-production is given.
import { createSeedClient } from "./seed/client";
import { seedReference } from "./seed/reference";
import { seedDemo, seedDemoIdeas, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo";
import { seedDemoCertificates, seedDemoRound } from "./seed/demo-evaluation";
import { seedDemoCatalogue } from "./seed/demo-catalogue";
import { seedDemoTrade } from "./seed/demo-trade";
import { seedDemoEvents } from "./seed/demo-events";
import { seedDemoCommunication } from "./seed/demo-communication";
import { seedDemoAnnualPlans } from "./seed/demo-annual-plans";
import { seedDemoInspections } from "./seed/demo-inspections";

const args = new Set(process.argv.slice(2));
const production = process.env.NODE_ENV === "production" || process.env.OCOP_ENV === "production";
if (production && !args.has("--allow-production")) {
  console.error("Từ chối nạp dữ liệu mẫu vào CSDL production. Thêm --allow-production nếu thực sự muốn.");
  process.exit(1);
}

const db = createSeedClient();
try {
  const { wards, sheets } = await seedReference(db);
  if (!args.has("--reference-only") && !production) {
    await seedDemo(db, wards);
    await seedDemoIdeas(db);
    await seedDemoRound(db);
    await seedDemoCertificates(db);
    // Steps 6 and 1 show what step 5 recognised: the catalogue first, then what builds on it.
    await seedDemoCatalogue(db);
    await seedDemoTrade(db);
    await seedDemoEvents(db);
    await seedDemoCommunication(db);
    // Monitoring and the annual plan read what the cycle recorded.
    await seedDemoInspections(db);
    await seedDemoAnnualPlans(db);
  }
  const counts = await Promise.all([db.criteriaSheet.count(), db.ruleSet.count(), db.user.count()]);
  console.log(`Dữ liệu: ${counts[0]} phiếu đánh giá (${sheets} mới), ${counts[1]} bộ quy tắc, ${counts[2]} tài khoản.`);
  if (args.has("--print-accounts")) {
    console.log(`\nTài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(16)} ${a.email}`);
  }
} finally {
  await db.$disconnect();
}
