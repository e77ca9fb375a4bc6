// Next.js calls register() once when a server instance starts. The portal's background jobs start
// here, in the Node.js runtime only (never in the Edge runtime, nor at build time).
// OCOP_DISABLE_JOBS=1 turns them off, e.g. on all but one instance, or in end-to-end tests that
// set their own dates.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.OCOP_DISABLE_JOBS === "1") return;
  const { startCertificateSweepTimer } = await import("./lib/jobs/schedule");
  startCertificateSweepTimer();
}
