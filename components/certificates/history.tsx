import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";

type Event = { id: bigint; action: string; toStatus: string; actorName: string | null; actorRole: string | null; comment: string | null; at: Date };

const KNOWN = new Set(["issue", "propose-revocation", "revoke", "dismiss-revocation", "expire", "supersede", "renew", "start-re-evaluation"]);

/** A certificate's history: issue, notices of renewal, replacement, revocation, expiry. */
export async function CertificateHistory({ events }: { events: Event[] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="certificate-history" className="mt-8">
      <h2 id="certificate-history" className="text-lg font-semibold">{t("certificates.history")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("certificates.historyEmpty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4" data-testid="certificate-history">
          {events.map((e) => (
            <li key={String(e.id)}>
              <p className="text-sm">
                <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> ·{" "}
                {KNOWN.has(e.action) ? t(`certificates.events.${e.action}` as never) : t(`certificateStatus.${e.toStatus}` as never)}
              </p>
              <p className="text-sm text-stone-700">
                {e.actorName && e.actorRole ? t("certificates.byActor", { name: e.actorName, role: t(`roles.${e.actorRole}` as never) }) : t("certificates.bySystem")}
              </p>
              {e.comment ? <p className="mt-1 whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
