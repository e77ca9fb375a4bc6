import { getTranslations } from "next-intl/server";
import { Timeline, type TimelineEvent } from "@/components/ocop/timeline";

const KNOWN = new Set(["plan", "edit", "conclude", "cancel"]);

/** An inspection's history: planned, changed, concluded or cancelled, by whom and with what note. */
export async function InspectionHistory({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations();
  return (
    <Timeline
      events={events}
      id="inspection-history"
      title={t("inspections.history")}
      empty={t("inspections.historyEmpty")}
      describe={(e) => (KNOWN.has(e.action) ? t(`inspections.events.${e.action}` as never) : t(`inspections.status.${e.toStatus}` as never))}
    />
  );
}
