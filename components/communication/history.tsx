import { getTranslations } from "next-intl/server";
import { Timeline } from "@/components/ocop/timeline";
import { listStatusEvents } from "@/lib/db/timeline";

/** Who published, unpublished, archived or restored a news article or a library document, and when. */
export async function PublicationHistory({ kind, record }: { kind: "news" | "library"; record: { entityType: "NewsArticle" | "LibraryDocument"; id: string } }) {
  const t = await getTranslations();
  const events = await listStatusEvents(record);
  return (
    <Timeline
      events={events}
      id="history"
      title={t(`${kind}.history`)}
      empty={t(`${kind}.historyEmpty`)}
      system={null}
      describe={(e) => (["publish", "unpublish", "archive", "restore"].includes(e.action) ? t(`${kind}.historyAction.${e.action as "publish"}`) : e.action)}
    />
  );
}
