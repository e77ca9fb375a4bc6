// The daily job, run once from the command line (scripts/jobs-daily.mjs, `npm run jobs:daily`):
// for operators, and for setups that schedule it with cron rather than the portal's job runner.
// Usage: tsx lib/jobs/cli.ts [--date YYYY-MM-DD]   (DATABASE_URL and AUTH_SECRET in the environment)
import { register } from "node:module";
import { parseArgs } from "node:util";

// The portal's server modules import "server-only", which throws outside React's server build;
// outside Next.js the guard has nothing to guard, so it resolves to an empty module here.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
      }`,
    ),
);

const { values } = parseArgs({ options: { date: { type: "string" } } });
const { isIsoDate, vietnamDateOf } = await import("@/lib/domain/dates");
if (values.date !== undefined && !isIsoDate(values.date)) {
  console.error(`--date phải là một ngày có thật dạng YYYY-MM-DD, nhận được: ${values.date}`);
  process.exit(2);
}
const today = values.date ?? vietnamDateOf(new Date());

const { runDailyJobs } = await import("./daily");
const { deliverOutbox } = await import("@/lib/mail/outbox");
const { prisma } = await import("@/lib/db/client");
let code = 0;
try {
  const summary = await runDailyJobs(today);
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  // The server sends mail after each write; here nobody else would, so it leaves before the exit.
  await deliverOutbox().catch((error) => console.error("[mail]", error));
  await prisma.$disconnect();
}
process.exit(code);
