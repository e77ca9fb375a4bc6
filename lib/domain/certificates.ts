/**
 * Certificate validity, renewal window and status (ocop-domain.md §6).
 */
import { addDays, addMonths, compareIsoDate, type IsoDate } from "./dates";
import { QD26_2026, ruleSetInForce, type RuleSetDefinition } from "./rule-sets";

/**
 * Last day on which a certificate is valid.
 *
 * QĐ26 Art. 4.3 [H]: valid 36 months from the issuing date. Counting follows the Civil Code
 * 2015 [H: Art. 147(2), 148(3); thuvienphapluat.vn, anslawfirm.com]: the issuing day is not
 * counted, and a period in months ends at the end of the corresponding day of the last month,
 * or of that month's last day when it has no such day. Hence:
 *   issued 2023-03-15 → valid through 2026-03-15 (the same calendar date, NOT the day before);
 *   issued 2024-02-29 → valid through 2027-02-28.
 * Since 36 months is whole years, 29 February is the only date without a corresponding day.
 * The Civil Code's "a period ending on a holiday runs to the next working day" (Art. 148(5)) is
 * for time limits on acts, not for how long a document is valid, so it is not applied here. A
 * date printed on the certificate itself prevails over this default.
 */
export function certificateExpiry(issuedOn: IsoDate, ruleSet: RuleSetDefinition): IsoDate {
  return addMonths(issuedOn, ruleSet.certificateValidityMonths);
}

export interface RenewalWindow {
  /** First day a re-evaluation dossier may be filed. */
  readonly opensOn: IsoDate;
  /** Last day it may be filed. */
  readonly closesOn: IsoDate;
}

/**
 * QĐ26 Art. 7.6 [H]: file no earlier than 180 and no later than 120 days before expiry; both
 * bounds inclusive, counted back from the last valid day. Null when the rule set has no window.
 */
export function renewalWindow(expiresOn: IsoDate, ruleSet: RuleSetDefinition): RenewalWindow | null {
  const rule = ruleSet.renewalWindow;
  if (!rule) return null;
  return { opensOn: addDays(expiresOn, -rule.opensDaysBeforeExpiry), closesOn: addDays(expiresOn, -rule.closesDaysBeforeExpiry) };
}

/** QĐ148 practice [M]: written notice ≥30 days before expiry; the latest day to send it, or null. */
export function expiryNoticeDueOn(expiresOn: IsoDate, ruleSet: RuleSetDefinition): IsoDate | null {
  const days = ruleSet.expiryNoticeDaysBeforeExpiry;
  return days === null ? null : addDays(expiresOn, -days);
}

export interface CertificateFacts {
  readonly issuedOn: IsoDate;
  /** Last valid day, as printed or from certificateExpiry. */
  readonly expiresOn: IsoDate;
  readonly revokedOn?: IsoDate | null;
  /** Day a newer certificate (upgrade or re-evaluation) replaced this one. */
  readonly supersededOn?: IsoDate | null;
  /** A late re-evaluation dossier is pending (QĐ26 Art. 12.3). */
  readonly lateReEvaluationPending?: boolean;
}

export type CertificateStatus =
  | "ACTIVE"
  | "RENEWAL_WINDOW_OPEN"
  /** After the last filing day (T−120) until expiry. */
  | "RENEWAL_WINDOW_CLOSED"
  /** Past expiry but still valid under the QĐ26 Art. 12.3 grace while a late re-evaluation is pending. */
  | "GRACE_PERIOD"
  | "EXPIRED"
  | "REVOKED"
  | "SUPERSEDED";

/**
 * Last day of the QĐ26 Art. 12.3 grace [H]: a certificate whose holder could not file the
 * re-evaluation in time stays valid until the decision, at most 180 days past expiry. The
 * article is transitional, so it is read [M] as covering certificates issued before QĐ26 took
 * effect and still valid on that day; null for any other certificate.
 */
export function graceEndsOn(cert: Pick<CertificateFacts, "issuedOn" | "expiresOn">, transitionRuleSet: RuleSetDefinition = QD26_2026): IsoDate | null {
  const transition = transitionRuleSet.transition;
  if (!transition) return null;
  const from = transitionRuleSet.effectiveFrom;
  if (compareIsoDate(cert.issuedOn, from) >= 0 || compareIsoDate(cert.expiresOn, from) < 0) return null;
  return addDays(cert.expiresOn, transition.certificateGraceDaysAfterExpiry);
}

/**
 * Status on `today`. Revocation and supersession win over dates. The renewal window is that of
 * the rule set under which a re-evaluation filed today would fall (default: the one in force
 * today), so a QĐ148 certificate shows a window only once QĐ26 applies.
 */
export function certificateStatus(
  cert: CertificateFacts,
  today: IsoDate,
  renewalRuleSet: RuleSetDefinition | null = ruleSetInForce(today),
): CertificateStatus {
  if (compareIsoDate(today, cert.issuedOn) < 0) throw new RangeError(`${today} is before the certificate was issued (${cert.issuedOn})`);
  if (cert.revokedOn && compareIsoDate(today, cert.revokedOn) >= 0) return "REVOKED";
  if (cert.supersededOn && compareIsoDate(today, cert.supersededOn) >= 0) return "SUPERSEDED";

  if (compareIsoDate(today, cert.expiresOn) > 0) {
    const graceEnd = cert.lateReEvaluationPending ? graceEndsOn(cert) : null;
    return graceEnd !== null && compareIsoDate(today, graceEnd) <= 0 ? "GRACE_PERIOD" : "EXPIRED";
  }
  const window = renewalRuleSet ? renewalWindow(cert.expiresOn, renewalRuleSet) : null;
  if (!window || compareIsoDate(today, window.opensOn) < 0) return "ACTIVE";
  return compareIsoDate(today, window.closesOn) <= 0 ? "RENEWAL_WINDOW_OPEN" : "RENEWAL_WINDOW_CLOSED";
}

/** Whether the certificate entitles the holder to the OCOP mark on `today`. */
export function isCertificateValidOn(cert: CertificateFacts, today: IsoDate): boolean {
  const status = certificateStatus(cert, today);
  return status !== "EXPIRED" && status !== "REVOKED" && status !== "SUPERSEDED";
}
