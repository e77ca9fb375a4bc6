import { getTranslations } from "next-intl/server";
import { Timeline, type TimelineEvent } from "@/components/ocop/timeline";

const KNOWN = new Set(["create", "publish", "cancel", "results", "register", "confirm", "decline", "withdraw"]);

/** The history of an event or a course: what was done, by whom, when, with the reason given. */
export async function History({ entries }: { entries: TimelineEvent[] }) {
  const t = await getTranslations();
  return (
    <Timeline
      events={entries}
      id="history"
      title={t("eventHistory.title")}
      empty={t("eventHistory.empty")}
      describe={(e) => (KNOWN.has(e.action) ? t(`eventHistory.${e.action}` as never) : e.action)}
    />
  );
}
