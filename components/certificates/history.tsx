import { getTranslations } from "next-intl/server";
import { Timeline, type TimelineEvent } from "@/components/ocop/timeline";

const KNOWN = new Set(["issue", "propose-revocation", "revoke", "dismiss-revocation", "expire", "supersede", "renew", "start-re-evaluation"]);

/** A certificate's history: issue, notices of renewal, replacement, revocation, expiry. */
export async function CertificateHistory({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations();
  return (
    <Timeline
      events={events}
      id="certificate-history"
      title={t("certificates.history")}
      empty={t("certificates.historyEmpty")}
      system={t("certificates.bySystem")}
      describe={(e) => (KNOWN.has(e.action) ? t(`certificates.events.${e.action}` as never) : t(`certificateStatus.${e.toStatus}` as never))}
    />
  );
}
