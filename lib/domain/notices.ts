/**
 * The daily job's notices (issue 6 §4): who is told what, on which day. Pure planning over facts
 * the job reads; sending (and sending once) is lib/jobs/daily.ts with lib/db/notifications.ts.
 *
 * Every notice carries a dedupe key naming the event it announces (the dossier and its deadline,
 * the round and its deadline, ...). The database keeps one notification per key and person, so a
 * second run, or a run on another instance at the same moment, sends nothing new; a changed
 * deadline is a new event and is announced again.
 */
import { addDays, compareIsoDate, daysBetween, type IsoDate } from "./dates";
import { addWorkingDays } from "./working-days";

/**
 * Days before a round's scoring deadline on which members with sheets still open are reminded.
 * QĐ26 Art. 5 [H] gives the round's completion date only; members have no deadline of their own
 * in the decree, so this is the portal's choice [portal design]: three days leaves time to score
 * a dossier and for the chair to call a discussion where totals diverge.
 */
export const COUNCIL_DUE_SOON_DAYS = 3;

/**
 * Days before the last day to file on which producers with a draft dossier are reminded
 * [portal design, issue 6 §4]: a week is enough to finish Forms 01–02 and the evidence.
 */
export const DRAFT_CLOSING_NOTICE_DAYS = 7;

/** The people a notice is for (structurally lib/db/notifications.ts Audience). */
export type NoticeAudience =
  | { kind: "producer"; producerId: string }
  | { kind: "ward"; wardId: string }
  | { kind: "role"; role: "ECONOMIC_OFFICE" }
  | { kind: "users"; userIds: string[] };

export interface NoticePlan {
  readonly to: NoticeAudience;
  /** A catalogue key (namespace "jobs"). */
  readonly kind: string;
  readonly params: Record<string, string>;
  readonly href: string;
  /** The event's identity; the person's id is appended when the notice is stored. */
  readonly dedupeKey: string;
}

/** dd/MM/yyyy, as every date in the portal's messages. */
export const ddmmyyyy = (iso: IsoDate) => iso.split("-").reverse().join("/");

// ---------------------------------------------------------------------------------------------
// Ward pre-assessment (QĐ26 Art. 7.2)

/**
 * The ward's deadline is stored on the dossier when it arrives (15 working days, QĐ26 Art. 7.2
 * [H], lib/domain/deadlines.ts communePreAssessmentDeadline); the due day itself is still in
 * time, so the dossier is overdue from the day after, as in the ward's queue.
 */
export function isWardPreAssessmentOverdue(wardDueOn: IsoDate, today: IsoDate): boolean {
  return compareIsoDate(today, wardDueOn) > 0;
}

export interface WardDossierFacts {
  readonly id: string;
  readonly productName: string;
  readonly producerName: string;
  readonly wardId: string;
  /** Still at the ward (SUBMITTED) with this deadline. */
  readonly wardDueOn: IsoDate;
}

/** The ward's officers hear once per dossier and deadline that it is overdue. */
export function planWardOverdue(today: IsoDate, dossiers: readonly WardDossierFacts[]): NoticePlan[] {
  return dossiers
    .filter((d) => isWardPreAssessmentOverdue(d.wardDueOn, today))
    .map((d) => ({
      to: { kind: "ward", wardId: d.wardId },
      kind: "jobs.wardOverdue",
      params: { name: d.productName, producer: d.producerName, dueOn: ddmmyyyy(d.wardDueOn) },
      href: `/dossiers/${d.id}`,
      dedupeKey: `ward-overdue:${d.id}:${d.wardDueOn}`,
    }));
}

// ---------------------------------------------------------------------------------------------
// Council members with sheets still open

export type CouncilNoticeStage = "dueSoon" | "overdue";

/**
 * Which reminder a round under scoring owes on `today`: from COUNCIL_DUE_SOON_DAYS before its
 * deadline up to the deadline itself "due soon", from the day after "overdue".
 */
export function councilNoticeStage(completeBy: IsoDate, today: IsoDate): CouncilNoticeStage | null {
  const left = daysBetween(today, completeBy);
  if (left < 0) return "overdue";
  return left <= COUNCIL_DUE_SOON_DAYS ? "dueSoon" : null;
}

export interface ScoringRoundFacts {
  readonly id: string;
  readonly title: string;
  /** The round's last day (EvaluationRound.completeBy). */
  readonly completeBy: IsoDate;
  /** Counted members (scoring seat, not conflicted) with sheets not yet submitted, and how many. */
  readonly late: readonly { userId: string; outstanding: number }[];
}

/**
 * Each late member is reminded once when the deadline nears and once when it has passed; when
 * it has passed the Economic Office, which runs the rounds, hears once how many are late.
 */
export function planCouncilNotices(today: IsoDate, rounds: readonly ScoringRoundFacts[]): NoticePlan[] {
  const plans: NoticePlan[] = [];
  for (const r of rounds) {
    const stage = councilNoticeStage(r.completeBy, today);
    const late = r.late.filter((m) => m.outstanding > 0);
    if (!stage || late.length === 0) continue;
    const kind = stage === "dueSoon" ? "jobs.councilDueSoon" : "jobs.councilOverdue";
    for (const m of late) {
      plans.push({
        to: { kind: "users", userIds: [m.userId] },
        kind,
        params: { round: r.title, count: String(m.outstanding), date: ddmmyyyy(r.completeBy) },
        href: "/evaluation",
        dedupeKey: `council-${stage === "dueSoon" ? "due" : "late"}:${r.id}:${r.completeBy}`,
      });
    }
    if (stage === "overdue") {
      plans.push({
        to: { kind: "role", role: "ECONOMIC_OFFICE" },
        kind: "jobs.councilOverdueOffice",
        params: { round: r.title, members: String(late.length), date: ddmmyyyy(r.completeBy) },
        href: `/rounds/${r.id}`,
        dedupeKey: `council-late-office:${r.id}:${r.completeBy}`,
      });
    }
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Draft dossiers before intake closes

/**
 * The last day a producer can file so that the ward's working days (QĐ26 Art. 7.2 [H]) end by
 * the day the ward must propose the dossier to the round (QĐ26 Art. 5 [H]: proposals by 30/4
 * for round 1, by 30/10 for round 2). Without a ward step (null) it is the proposal day itself.
 */
export function lastFilingDay(proposalsBy: IsoDate, wardWorkingDays: number | null, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!wardWorkingDays) return proposalsBy;
  // addWorkingDays never decreases as its start moves later, so walk back to the first fit.
  let day = proposalsBy;
  while (compareIsoDate(addWorkingDays(day, wardWorkingDays, holidays), proposalsBy) > 0) day = addDays(day, -1);
  return day;
}

export type DraftClosing =
  | { readonly source: "round"; readonly id: string; readonly title: string; readonly proposalsBy: IsoDate; readonly closesOn: IsoDate }
  | { readonly source: "cycle"; readonly year: number; readonly closesOn: IsoDate };

/**
 * The first intake still open on `today`: an evaluation round's last filing day, or the end of
 * step 5 of the cycle (CycleStep 5, "evaluation and ranking") where no round comes sooner.
 */
export function nextDraftClosing(today: IsoDate, closings: readonly DraftClosing[]): DraftClosing | null {
  const open = closings.filter((c) => compareIsoDate(c.closesOn, today) >= 0);
  open.sort((a, b) => compareIsoDate(a.closesOn, b.closesOn) || (a.source === b.source ? 0 : a.source === "round" ? -1 : 1));
  return open[0] ?? null;
}

/** From DRAFT_CLOSING_NOTICE_DAYS before the closing day up to that day itself. */
export function isDraftClosingNoticeDue(closesOn: IsoDate, today: IsoDate): boolean {
  const left = daysBetween(today, closesOn);
  return left >= 0 && left <= DRAFT_CLOSING_NOTICE_DAYS;
}

export interface DraftFacts {
  readonly id: string;
  readonly productName: string;
  readonly producerId: string;
}

/** The producer of each draft hears once per closing day, in the week before it. */
export function planDraftNotices(today: IsoDate, closings: readonly DraftClosing[], drafts: readonly DraftFacts[]): NoticePlan[] {
  const closing = nextDraftClosing(today, closings);
  if (!closing || !isDraftClosingNoticeDue(closing.closesOn, today)) return [];
  const what: Record<string, string> =
    closing.source === "round"
      ? { round: closing.title, proposalsBy: ddmmyyyy(closing.proposalsBy), closesOn: ddmmyyyy(closing.closesOn) }
      : { year: String(closing.year), closesOn: ddmmyyyy(closing.closesOn) };
  return drafts.map((d) => ({
    to: { kind: "producer", producerId: d.producerId },
    kind: closing.source === "round" ? "jobs.draftClosingRound" : "jobs.draftClosingCycle",
    params: { name: d.productName, ...what },
    href: `/dossiers/${d.id}`,
    dedupeKey: `draft-closing:${d.id}:${closing.closesOn}`,
  }));
}
