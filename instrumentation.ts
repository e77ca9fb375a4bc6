// Next.js calls register() once when a server instance starts. The portal's job runner (pg-boss,
// lib/jobs/boss.ts) starts here, in the Node.js runtime only: never in the Edge runtime, nor in
// `next build` (which loads this file to prerender pages, without a database to talk to).
// OCOP_DISABLE_JOBS=1 keeps this instance out of it, e.g. in end-to-end tests that set their own
// dates; the other instances still run the daily job.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build" && process.env.OCOP_DISABLE_JOBS !== "1") {
    const { startJobs } = await import("./lib/jobs/boss");
    // Not awaited: the portal serves at once; the runner logs its own failures and retries.
    void startJobs();
  }
}
