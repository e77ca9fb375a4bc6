import { getTranslations } from "next-intl/server";
import { listStatusEvents } from "@/lib/db/timeline";
import { formatDateTime } from "@/lib/i18n/format";

/** Who published, unpublished, archived or restored a news article or a library document, and when. */
export async function PublicationHistory({ kind, record }: { kind: "news" | "library"; record: { entityType: "NewsArticle" | "LibraryDocument"; id: string } }) {
  const t = await getTranslations();
  const events = await listStatusEvents(record);
  const actionLabel = (action: string) => (["publish", "unpublish", "archive", "restore"].includes(action) ? t(`${kind}.historyAction.${action as "publish"}`) : action);
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-lg font-semibold">
        {t(`${kind}.history`)}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-600">{t(`${kind}.historyEmpty`)}</p>
      ) : (
        <ol className="mt-3 space-y-2 border-l-2 border-brand-100 pl-4">
          {events.map((e) => (
            <li key={String(e.id)} className="text-sm">
              <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> · {actionLabel(e.action)}
              {e.actorName && e.actorRole ? <span className="block text-stone-700">{t(`${kind}.historyBy`, { name: e.actorName, role: t(`roles.${e.actorRole as "ADMIN"}`) })}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
