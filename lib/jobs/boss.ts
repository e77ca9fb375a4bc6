import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { isIsoDate, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import { env } from "@/lib/env";
import { runDailyJobs } from "./daily";

/** The queue of the daily run (lib/jobs/daily.ts). */
export const DAILY_QUEUE = "daily";
/** 00:10 in Vietnam, just after the date changes (Asia/Ho_Chi_Minh has no daylight saving). */
export const DAILY_CRON = "10 0 * * *";
export const DAILY_TZ = "Asia/Ho_Chi_Minh";
/** pg-boss keeps its tables in a schema of its own, beside the portal's (public). */
export const BOSS_SCHEMA = "pgboss";

export type DailyJobData = { date?: IsoDate };

/**
 * A pg-boss on the portal's database. Its pool is small (the job runner polls, it does not
 * serve requests). Completed jobs stay two days before they are archived, so the catch-up job
 * of a date (its id fixed by the date) still blocks a second one all that day.
 */
export function createBoss(overrides: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: BOSS_SCHEMA,
    application_name: "ocop-jobs",
    max: 2,
    archiveCompletedAfterSeconds: 2 * 86_400,
    ...overrides,
  });
  // An emitter without an "error" listener throws: a lost connection must never end the server.
  boss.on("error", (error) => console.error("[jobs] pg-boss", error));
  return boss;
}

/**
 * The id of the catch-up run of a Vietnamese date: the same on every instance, so the second
 * instance's insert finds it taken (pg-boss inserts with ON CONFLICT DO NOTHING on (name, id)).
 * A singletonKey alone would not do on a standard queue (pg-boss 10 makes it unique only with
 * singletonSeconds, whose slots are UTC days, not Vietnamese ones); it is kept as a label.
 */
export function catchUpJobId(date: IsoDate): string {
  const h = createHash("sha256").update(`ocop:daily:${date}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type DailyJobOptions = {
  /** What the worker runs (the tests watch it); runDailyJobs by default. */
  run?: (today: IsoDate) => Promise<unknown>;
  /** How often this instance's worker asks for a job; a daily job needs no haste. */
  pollingIntervalSeconds?: number;
  /** The catch-up run waits this long, so that start-up is not slowed by it. */
  catchUpDelaySeconds?: number;
  now?: Date;
};

/**
 * The daily queue, its schedule and this instance's worker, then the catch-up run of today:
 * an instance that was down at 00:10 (or started after it) still runs the day's work, once a
 * day across instances. pg-boss lets one instance only turn the schedule into a job each
 * minute, and one worker only take a job; runDailyJobs is safe to run twice regardless.
 */
export async function setUpDailyJob(boss: PgBoss, o: DailyJobOptions = {}): Promise<string | null> {
  const run = o.run ?? runDailyJobs;
  await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, policy: "standard", retryLimit: 3, retryDelay: 600, expireInSeconds: 3600 });
  await boss.schedule(DAILY_QUEUE, DAILY_CRON, {}, { tz: DAILY_TZ });
  await boss.work<DailyJobData>(DAILY_QUEUE, { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 30 }, async ([job]) => {
    // A scheduled job carries no date: it is the day the worker runs it, in Vietnam.
    const date = job?.data?.date && isIsoDate(job.data.date) ? job.data.date : vietnamDateOf(new Date());
    return run(date);
  });
  const today = vietnamDateOf(o.now ?? new Date());
  // The catch-up job's id, or null when another instance queued it already.
  return boss.send(DAILY_QUEUE, { date: today } satisfies DailyJobData, {
    id: catchUpJobId(today),
    singletonKey: `catch-up:${today}`,
    startAfter: o.catchUpDelaySeconds ?? 60,
  });
}

const RETRY_START_MS = 5 * 60_000;
const state = globalThis as unknown as { ocopJobs?: Promise<PgBoss | null> };

/**
 * Starts this server process's job runner, once (Next.js may load this module in several
 * bundles of one process). A failure is logged and retried in five minutes; it never stops the
 * portal from serving.
 */
export function startJobs(): Promise<PgBoss | null> {
  state.ocopJobs ??= (async () => {
    const boss = createBoss();
    try {
      await boss.start();
      await setUpDailyJob(boss);
      stopOnSignals(boss);
      return boss;
    } catch (error) {
      console.error("[jobs] the job runner did not start; trying again in 5 minutes", error);
      await boss.stop({ graceful: false }).catch(() => undefined);
      state.ocopJobs = undefined;
      setTimeout(() => void startJobs(), RETRY_START_MS).unref();
      return null;
    }
  })();
  return state.ocopJobs;
}

/**
 * On SIGTERM or SIGINT the worker stops taking jobs and a running job is given a few seconds
 * (one cut short expires and is retried by another instance). Next.js exits by itself once its
 * server is closed; where nothing else listens, the signal is raised again to end the process.
 */
function stopOnSignals(boss: PgBoss) {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void boss
        .stop({ graceful: true, timeout: 10_000 })
        .catch((error) => console.error("[jobs] stopping pg-boss", error))
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
