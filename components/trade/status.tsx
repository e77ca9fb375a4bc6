import { getTranslations } from "next-intl/server";
import { StatusPill } from "@/components/ocop/status-pill";
import { Timeline, type TimelineEvent } from "@/components/ocop/timeline";

// The pill's tones are the portal's: refused reads like a rejection, closed like a withdrawal.
const TONE: Record<string, string> = { SUBMITTED: "SUBMITTED", APPROVED: "APPROVED", REFUSED: "REJECTED", CLOSED: "WITHDRAWN", DRAFT: "DRAFT", PUBLISHED: "APPROVED" };

export async function PointOfSaleStatusPill({ status }: { status: string }) {
  const t = await getTranslations();
  return <StatusPill tone={TONE[status] ?? "DRAFT"}>{t(`trade.status.${status}`)}</StatusPill>;
}

/** Status history of a point of sale or a gift set: who did what, when, and why. */
export async function TradeHistory({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations();
  return <Timeline events={events} id="history" testId="timeline" system={t("trade.byApplicant")} describe={(e) => t(`trade.action.${e.action}` as never)} />;
}
