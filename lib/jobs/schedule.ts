import "server-only";
import { vietnamDateOf } from "@/lib/domain/dates";
import { runCertificateSweep } from "./certificate-sweep";

const HOUR = 3_600_000;
// 00:10 in Vietnam (UTC+7, no daylight saving): just after the date changes.
const RUN_AT_UTC_MINUTES = (24 - 7) * 60 + 10;

/** Milliseconds from `now` to the next 00:10 Vietnam time. */
export function msUntilNextRun(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(0, RUN_AT_UTC_MINUTES, 0, 0);
  while (next.getTime() <= now.getTime()) next.setTime(next.getTime() + 24 * HOUR);
  return next.getTime() - now.getTime();
}

async function sweepOnce() {
  try {
    const s = await runCertificateSweep(vietnamDateOf(new Date()));
    if (s.expired + s.renewalNotices + s.expiryNotices > 0) console.info(`[certificate-sweep] ${s.today}: ${s.expired} expired, ${s.renewalNotices} renewal notices, ${s.expiryNotices} expiry notices`);
  } catch (error) {
    console.error("[certificate-sweep] failed", error);
  }
}

let started = false;

/**
 * Runs the sweep a minute after start-up (catching up on days the server was down) and then
 * every day just after midnight in Vietnam. Timers are unref'd: they never keep a process alive.
 * Several instances may each run it; the sweep's guarded writes make that harmless.
 */
export function startCertificateSweepTimer() {
  if (started) return;
  started = true;
  const first = setTimeout(() => void sweepOnce(), 60_000);
  first.unref();
  const scheduleNext = () => {
    const timer = setTimeout(() => {
      void sweepOnce().finally(scheduleNext);
    }, msUntilNextRun(new Date()));
    timer.unref();
  };
  scheduleNext();
}
