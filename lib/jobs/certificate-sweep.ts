import "server-only";
import { PENDING_DOSSIER_STATES } from "@/lib/db/certificates";
import { prisma } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/audit";
import { notify } from "@/lib/db/notifications";
import { recordStatusChange } from "@/lib/db/timeline";
import { addDays, dateOf, isoOf, type IsoDate } from "@/lib/domain/dates";
import { graceEndsOn } from "@/lib/domain/certificates";
import { certificateDuties, noticeDates } from "@/lib/domain/renewal";
import { getRuleSet, isRuleSetCode, ruleSetInForce } from "@/lib/domain/rule-sets";
import { CERTIFICATE_MACHINE, transition, type CertificateState } from "@/lib/domain/workflow";
import { scheduleOutboxDelivery } from "@/lib/mail/outbox";

export type SweepSummary = { today: IsoDate; examined: number; expired: number; renewalNotices: number; expiryNotices: number };

const ddmmyyyy = (iso: IsoDate) => iso.split("-").reverse().join("/");

// Every duty falls within the filing window (opens 180 days before expiry, QĐ26 Art. 7.6) or
// after expiry, so certificates expiring later than this are not even read.
const LOOKAHEAD_DAYS = 180;

/**
 * The daily certificate sweep (ocop-domain.md §6): a certificate past its last day, and past the
 * QĐ26 Art. 12.3 grace when a late re-evaluation is pending, becomes EXPIRED; the producer is
 * told when the re-evaluation window opens and 30 days before expiry, each once. Idempotent and
 * safe to run on several instances at once: every write is guarded on the state it changes
 * (status, or a notice timestamp still empty), so a second run finds nothing left to do, and each
 * notice carries a dedupe key besides (one row per certificate, notice and person). Each
 * certificate is its own transaction: one failure does not hold back the others.
 */
export async function runCertificateSweep(today: IsoDate): Promise<SweepSummary> {
  const candidates = await prisma.certificate.findMany({
    where: { status: { in: ["ACTIVE", "REVOCATION_PROPOSED"] }, expiresOn: { lte: dateOf(addDays(today, LOOKAHEAD_DAYS)) } },
    orderBy: { expiresOn: "asc" },
    select: {
      id: true,
      number: true,
      productName: true,
      producerId: true,
      status: true,
      ruleSetCode: true,
      issuedOn: true,
      expiresOn: true,
      revokedOn: true,
      renewalNoticeAt: true,
      expiryNoticeAt: true,
      nextDossiers: { where: { evaluationType: "RE_EVALUATION", status: { in: PENDING_DOSSIER_STATES } }, select: { id: true } },
    },
  });
  const summary: SweepSummary = { today, examined: candidates.length, expired: 0, renewalNotices: 0, expiryNotices: 0 };
  const renewalRuleSet = ruleSetInForce(today);
  for (const c of candidates) {
    if (!isRuleSetCode(c.ruleSetCode)) continue;
    const ruleSet = getRuleSet(c.ruleSetCode);
    const facts = {
      issuedOn: isoOf(c.issuedOn),
      expiresOn: isoOf(c.expiresOn),
      revokedOn: c.revokedOn ? isoOf(c.revokedOn) : null,
      lateReEvaluationPending: c.nextDossiers.length > 0,
      status: c.status,
      ruleSet,
      renewalNoticeSent: c.renewalNoticeAt !== null,
      expiryNoticeSent: c.expiryNoticeAt !== null,
    };
    const duties = certificateDuties(facts, today, renewalRuleSet);
    if (!duties.expire && !duties.renewalNotice && !duties.expiryNotice) continue;
    const href = `/certificates/${c.id}`;
    const producer = [{ kind: "producer" as const, producerId: c.producerId }];
    try {
      await prisma.$transaction(async (tx) => {
        if (duties.expire) {
          const from = c.status as CertificateState;
          const to = transition(CERTIFICATE_MACHINE, from, "expire");
          if (!to) return;
          const { count } = await tx.certificate.updateMany({ where: { id: c.id, status: from }, data: { status: to } });
          if (count !== 1) return; // another instance (or a revocation) got there first
          await recordStatusChange(tx, null, { entityType: "Certificate", entityId: c.id, action: "expire", fromStatus: from, toStatus: to });
          await writeAudit(tx, null, { action: "certificate.expire", entityType: "Certificate", entityId: c.id, before: { status: from }, after: { status: to, sweptOn: today } });
          // The first day without validity: after the last valid day, or after the Art. 12.3 grace.
          const lastValid = (facts.lateReEvaluationPending ? graceEndsOn(facts) : null) ?? facts.expiresOn;
          await notify(tx, null, producer, { kind: "certNotices.expired", params: { name: c.productName, number: c.number, expiredOn: ddmmyyyy(addDays(lastValid, 1)) }, href, dedupeKey: `expired:${c.id}` });
          summary.expired += 1;
          return;
        }
        const now = new Date();
        const dates = noticeDates(facts.expiresOn, ruleSet, renewalRuleSet);
        if (duties.renewalNotice && dates.window) {
          const { count } = await tx.certificate.updateMany({ where: { id: c.id, status: "ACTIVE", renewalNoticeAt: null }, data: { renewalNoticeAt: now } });
          if (count === 1) {
            await notify(tx, null, producer, {
              kind: "certNotices.renewalOpen",
              params: { name: c.productName, number: c.number, expiresOn: ddmmyyyy(facts.expiresOn), opensOn: ddmmyyyy(dates.window.opensOn), closesOn: ddmmyyyy(dates.window.closesOn) },
              href,
              dedupeKey: `renewal:${c.id}`,
            });
            summary.renewalNotices += 1;
          }
        }
        if (duties.expiryNotice) {
          const { count } = await tx.certificate.updateMany({ where: { id: c.id, status: "ACTIVE", expiryNoticeAt: null }, data: { expiryNoticeAt: now } });
          if (count === 1) {
            await notify(tx, null, producer, { kind: "certNotices.expiringSoon", params: { name: c.productName, number: c.number, expiresOn: ddmmyyyy(facts.expiresOn) }, href, dedupeKey: `expiring:${c.id}` });
            summary.expiryNotices += 1;
          }
        }
      });
    } catch (error) {
      console.error(`[certificate-sweep] certificate ${c.id}`, error);
    }
  }
  if (summary.expired + summary.renewalNotices + summary.expiryNotices > 0) scheduleOutboxDelivery();
  return summary;
}
