/**
 * Re-evaluation after 36 months (phân hạng lại) and the certificate's notices (ocop-domain.md §6).
 */
import { certificateStatus, expiryNoticeDueOn, renewalWindow, type CertificateFacts, type RenewalWindow } from "./certificates";
import { addDays, compareIsoDate, type IsoDate } from "./dates";
import { provincialRoundFor } from "./deadlines";
import { ruleSetInForce, type RuleSetDefinition } from "./rule-sets";

export interface EvidenceValidity {
  /** Last day the document is valid; null when it does not expire. */
  readonly expiresOn: IsoDate | null;
}

export interface EvidenceCarryOver<E> {
  /** Still valid on the filing day: copied into the new dossier. */
  readonly carried: E[];
  /** Expired by the filing day: not copied; the producer uploads a renewed one. */
  readonly expired: E[];
  /** Copied, but they lapse before the round is due to decide: flagged for renewal. */
  readonly expiringBeforeRound: E[];
}

/**
 * QĐ26 Art. 6.1.c [H]: a re-evaluation dossier brings "renewed time-limited legal papers". A
 * document of the last dossier still valid on the filing day carries over; one already expired
 * does not (an expired food-safety certificate would also be flagged at intake). A carried one
 * that lapses before `roundCompleteBy` is flagged too: the council would score an expired paper.
 */
export function classifyEvidenceForRenewal<E extends EvidenceValidity>(evidence: readonly E[], filedOn: IsoDate, roundCompleteBy: IsoDate | null): EvidenceCarryOver<E> {
  const carried: E[] = [];
  const expired: E[] = [];
  const expiringBeforeRound: E[] = [];
  for (const e of evidence) {
    if (e.expiresOn !== null && compareIsoDate(e.expiresOn, filedOn) < 0) {
      expired.push(e);
      continue;
    }
    carried.push(e);
    if (e.expiresOn !== null && roundCompleteBy !== null && compareIsoDate(e.expiresOn, roundCompleteBy) < 0) expiringBeforeRound.push(e);
  }
  return { carried, expired, expiringBeforeRound };
}

/**
 * The last day by which the round that takes a re-evaluation filed on `filedOn` decides. The
 * commune has its 15 working days first, so the round is the one for a proposal made then; the
 * calendar's round is the default [H: QĐ26 Art. 5], null when the rule set has none.
 */
export function renewalRoundCompleteBy(filedOn: IsoDate, ruleSet: RuleSetDefinition): IsoDate | null {
  return provincialRoundFor(filedOn, ruleSet)?.completeBy ?? null;
}

/**
 * Days before expiry of the written expiry notice. QĐ148 practice [M: doanhnghiepvadoisong.com.vn
 * 2023] is "at least 30 days"; QĐ26 replaces it with the filing window [M], but issue 4 asks the
 * portal to send it under every rule set, so a rule set without one falls back to 30 days.
 */
export const DEFAULT_EXPIRY_NOTICE_DAYS = 30;

export function expiryNoticeOn(expiresOn: IsoDate, certificateRuleSet: RuleSetDefinition): IsoDate {
  return expiryNoticeDueOn(expiresOn, certificateRuleSet) ?? addDays(expiresOn, -DEFAULT_EXPIRY_NOTICE_DAYS);
}

export interface NoticeDates {
  /** The filing window of a re-evaluation (QĐ26 Art. 7.6), null when no window applies. */
  readonly window: RenewalWindow | null;
  /** First day of the "window is open" notice (the window's first day). */
  readonly renewalNoticeOn: IsoDate | null;
  /** First day of the notice that the certificate expires soon. */
  readonly expiryNoticeOn: IsoDate;
}

/**
 * The window is that of the rule set a re-evaluation filed on `today` falls under (as in
 * certificateStatus), so a QĐ148 certificate has a window once QĐ26 applies.
 */
export function noticeDates(expiresOn: IsoDate, certificateRuleSet: RuleSetDefinition, renewalRuleSet: RuleSetDefinition | null): NoticeDates {
  const window = renewalRuleSet ? renewalWindow(expiresOn, renewalRuleSet) : null;
  return { window, renewalNoticeOn: window?.opensOn ?? null, expiryNoticeOn: expiryNoticeOn(expiresOn, certificateRuleSet) };
}

export interface SweepFacts extends CertificateFacts {
  /** The stored state (CERTIFICATE_MACHINE). */
  readonly status: string;
  readonly ruleSet: RuleSetDefinition;
  readonly renewalNoticeSent: boolean;
  readonly expiryNoticeSent: boolean;
}

export interface CertificateDuties {
  readonly expire: boolean;
  readonly renewalNotice: boolean;
  readonly expiryNotice: boolean;
}

const NONE: CertificateDuties = { expire: false, renewalNotice: false, expiryNotice: false };

/**
 * What the daily sweep owes a certificate on `today`. Expiry follows certificateStatus (validity
 * ended, and any QĐ26 Art. 12.3 grace of a pending late re-evaluation too). Each notice goes out
 * once, and only while it is still true: a server that was down over the whole window does not
 * announce a window that has closed, nor an expiry that has passed.
 */
export function certificateDuties(c: SweepFacts, today: IsoDate, renewalRuleSet: RuleSetDefinition | null = ruleSetInForce(today)): CertificateDuties {
  if (compareIsoDate(today, c.issuedOn) < 0) return NONE;
  const stored = c.status;
  if (stored !== "ACTIVE" && stored !== "REVOCATION_PROPOSED") return NONE;
  const status = certificateStatus(c, today, renewalRuleSet);
  if (status === "EXPIRED") return { ...NONE, expire: true };
  if (stored !== "ACTIVE") return NONE;
  const dates = noticeDates(c.expiresOn, c.ruleSet, renewalRuleSet);
  const beforeExpiry = compareIsoDate(today, c.expiresOn) <= 0;
  const renewalNotice =
    !c.renewalNoticeSent && dates.window !== null && compareIsoDate(today, dates.window.opensOn) >= 0 && compareIsoDate(today, dates.window.closesOn) <= 0;
  const expiryNotice = !c.expiryNoticeSent && beforeExpiry && compareIsoDate(today, dates.expiryNoticeOn) >= 0;
  return { expire: false, renewalNotice, expiryNotice };
}
