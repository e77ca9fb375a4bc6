import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";

type Event = { id: bigint; action: string; toStatus: string; actorName: string | null; actorRole: string | null; comment: string | null; at: Date };

/** Status history of a record: who did what, when, and what they said. */
export async function Timeline({ events, statusNamespace }: { events: Event[]; statusNamespace: "ideaStatus" | "planStatus" | "verification" | "dossierStatus" }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="timeline" className="mt-8">
      <h2 id="timeline" className="text-lg font-semibold">{t("timeline.title")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("timeline.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
          {events.map((e) => (
            <li key={String(e.id)}>
              <p className="text-sm">
                <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> ·{" "}
                {e.action === "comment" ? t("timeline.comment") : t(`${statusNamespace}.${e.toStatus}` as never)}
              </p>
              <p className="text-sm text-stone-700">
                {e.actorName && e.actorRole ? t("timeline.by", { name: e.actorName, role: t(`roles.${e.actorRole}` as never) }) : t("timeline.system")}
              </p>
              {e.comment ? <p className="mt-1 whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
