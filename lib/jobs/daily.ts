import "server-only";
import { prisma } from "@/lib/db/client";
import { notify } from "@/lib/db/notifications";
import { addDays, dateOf, isoOf, type IsoDate } from "@/lib/domain/dates";
import { defaultVietnamHolidays } from "@/lib/domain/holidays-vn";
import {
  COUNCIL_DUE_SOON_DAYS,
  isDraftClosingNoticeDue,
  lastFilingDay,
  nextDraftClosing,
  planCouncilNotices,
  planDraftNotices,
  planWardOverdue,
  type DraftClosing,
  type NoticePlan,
} from "@/lib/domain/notices";
import { ruleSetInForce } from "@/lib/domain/rule-sets";
import { scheduleOutboxDelivery } from "@/lib/mail/outbox";
import { runCertificateSweep, type SweepSummary } from "./certificate-sweep";

const HOLIDAYS = defaultVietnamHolidays();

export type DailySummary = {
  today: IsoDate;
  certificates: SweepSummary | null;
  /** People notified by this run, per notice kind (a notice already sent counts nothing). */
  notified: Record<string, number>;
  /** Notices that could not be stored (logged); the next run tries them again. */
  failed: number;
};

/**
 * Everything the portal does once a day (issue 6 §4), for the Vietnamese calendar date `today`:
 * the certificate sweep (expiry, renewal-window and 30-day notices), then the notices of
 * lib/domain/notices.ts: ward pre-assessments past their deadline, council members with sheets
 * open near or past the round's deadline, draft dossiers in the week before intake closes.
 *
 * Safe to run twice, and on two instances at once: the sweep's writes are guarded on the state
 * they change, and every notice is stored under its dedupe key (one per event and person), so a
 * second run sends nothing already sent. Each notice is its own transaction: one failure does not
 * hold back the others. A part that fails is logged and the others still run; the run then
 * throws, so the job runner retries it (and the operator's command exits non-zero).
 */
export async function runDailyJobs(today: IsoDate): Promise<DailySummary> {
  const summary: DailySummary = { today, certificates: null, notified: {}, failed: 0 };
  const errors: unknown[] = [];
  const part = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      console.error(`[daily] ${name} failed`, error);
      errors.push(error);
    }
  };

  await part("certificate sweep", async () => {
    summary.certificates = await runCertificateSweep(today);
  });
  await part("ward pre-assessments", async () => send(summary, planWardOverdue(today, await overdueWardDossiers(today))));
  await part("council members", async () => send(summary, planCouncilNotices(today, await scoringRoundsNearDeadline(today))));
  await part("draft dossiers", async () => {
    const closing = nextDraftClosing(today, await draftClosings(today));
    // Drafts are read only in the week a closing is announced.
    if (!closing || !isDraftClosingNoticeDue(closing.closesOn, today)) return;
    await send(summary, planDraftNotices(today, [closing], await draftDossiers()));
  });

  const sent = Object.values(summary.notified).reduce((a, b) => a + b, 0);
  if (sent > 0) scheduleOutboxDelivery();
  const c = summary.certificates;
  if (sent + (c ? c.expired + c.renewalNotices + c.expiryNotices : 0) > 0 || summary.failed > 0) {
    console.info(`[daily] ${today}: ${JSON.stringify({ certificates: c, notified: summary.notified, failed: summary.failed })}`);
  }
  if (errors.length > 0) throw new AggregateError(errors, `[daily] ${today}: ${errors.length} part(s) failed`);
  return summary;
}

async function send(summary: DailySummary, plans: readonly NoticePlan[]) {
  for (const p of plans) {
    try {
      const n = await prisma.$transaction((tx) => notify(tx, null, [p.to], { kind: p.kind, params: p.params, href: p.href, dedupeKey: p.dedupeKey }));
      if (n > 0) summary.notified[p.kind] = (summary.notified[p.kind] ?? 0) + n;
    } catch (error) {
      summary.failed += 1;
      console.error(`[daily] notice ${p.dedupeKey}`, error);
    }
  }
}

/** Dossiers still at the ward (SUBMITTED) whose deadline is before today, as the ward's queue counts them. */
async function overdueWardDossiers(today: IsoDate) {
  const rows = await prisma.dossier.findMany({
    where: { status: "SUBMITTED", wardDueOn: { lt: dateOf(today) } },
    orderBy: [{ wardDueOn: "asc" }, { id: "asc" }],
    select: { id: true, productName: true, wardDueOn: true, producer: { select: { name: true, wardId: true } } },
  });
  return rows.map((d) => ({ id: d.id, productName: d.productName, producerName: d.producer.name, wardId: d.producer.wardId, wardDueOn: isoOf(d.wardDueOn!) }));
}

/**
 * Rounds under scoring whose deadline is at most COUNCIL_DUE_SOON_DAYS away (or past), with each
 * counted member's open sheets: as the "remind" action counts them, the dossiers still under
 * scoring on which the member holds a scoring seat, is not conflicted and has not submitted.
 */
async function scoringRoundsNearDeadline(today: IsoDate) {
  const rounds = await prisma.evaluationRound.findMany({
    where: { status: "SCORING", completeBy: { lte: dateOf(addDays(today, COUNCIL_DUE_SOON_DAYS)) } },
    orderBy: [{ completeBy: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      completeBy: true,
      members: { where: { scores: true }, orderBy: { userId: "asc" }, select: { userId: true } },
      dossiers: {
        where: { status: "COUNCIL_SCORING" },
        select: { conflicts: { select: { userId: true } }, scoreSheets: { where: { status: "SUBMITTED" }, select: { userId: true } } },
      },
    },
  });
  return rounds.map((r) => ({
    id: r.id,
    title: r.title,
    completeBy: isoOf(r.completeBy),
    late: r.members.map((m) => ({
      userId: m.userId,
      outstanding: r.dossiers.filter((d) => !d.conflicts.some((c) => c.userId === m.userId) && !d.scoreSheets.some((s) => s.userId === m.userId)).length,
    })),
  }));
}

/**
 * Where intake closes: each planned first-level round's last filing day (its proposal day less
 * the ward's working days under the rule set in force then), and the end of step 5 of this
 * year's cycle (CycleStep 5, set by the office).
 */
async function draftClosings(today: IsoDate): Promise<DraftClosing[]> {
  const [rounds, steps] = await Promise.all([
    prisma.evaluationRound.findMany({
      where: { status: "PLANNED", level: { not: "CENTRAL" }, proposalsBy: { gte: dateOf(today) } },
      select: { id: true, title: true, proposalsBy: true },
    }),
    prisma.cycleStep.findMany({
      where: { stepNo: 5, endsOn: { gte: dateOf(today) }, cycle: { year: Number(today.slice(0, 4)) } },
      select: { endsOn: true, cycle: { select: { year: true } } },
    }),
  ]);
  return [
    ...rounds.map((r): DraftClosing => {
      const proposalsBy = isoOf(r.proposalsBy);
      const wardDays = ruleSetInForce(proposalsBy)?.communePreAssessmentWorkingDays ?? null;
      return { source: "round", id: r.id, title: r.title, proposalsBy, closesOn: lastFilingDay(proposalsBy, wardDays, HOLIDAYS) };
    }),
    ...steps.map((s): DraftClosing => ({ source: "cycle", year: s.cycle.year, closesOn: isoOf(s.endsOn) })),
  ];
}

async function draftDossiers() {
  return prisma.dossier.findMany({ where: { status: "DRAFT" }, orderBy: { id: "asc" }, select: { id: true, productName: true, producerId: true } });
}
