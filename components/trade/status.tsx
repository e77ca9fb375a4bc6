import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import { StatusPill } from "@/components/ocop/status-pill";

// The pill's tones are the portal's: refused reads like a rejection, closed like a withdrawal.
const TONE: Record<string, string> = { SUBMITTED: "SUBMITTED", APPROVED: "APPROVED", REFUSED: "REJECTED", CLOSED: "WITHDRAWN", DRAFT: "DRAFT", PUBLISHED: "APPROVED" };

export async function PointOfSaleStatusPill({ status }: { status: string }) {
  const t = await getTranslations();
  return <StatusPill tone={TONE[status] ?? "DRAFT"}>{t(`trade.status.${status}`)}</StatusPill>;
}

type Event = { id: bigint; action: string; toStatus: string; actorName: string | null; actorRole: string | null; comment: string | null; at: Date };

/** Status history of a point of sale or a gift set: who did what, when, and why. */
export async function TradeHistory({ events }: { events: Event[] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-lg font-semibold">{t("timeline.title")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("timeline.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
          {events.map((e) => (
            <li key={String(e.id)}>
              <p className="text-sm">
                <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> · {t(`trade.action.${e.action}`)}
              </p>
              <p className="text-sm text-stone-700">
                {e.actorName && e.actorRole ? t("timeline.by", { name: e.actorName, role: t(`roles.${e.actorRole}`) }) : t("trade.byApplicant")}
              </p>
              {e.comment ? <p className="mt-1 whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
