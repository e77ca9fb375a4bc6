import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";

type Entry = { id: bigint; action: string; actorName: string | null; actorRole: string | null; comment: string | null; at: Date };

const KNOWN = new Set(["create", "publish", "cancel", "results", "register", "confirm", "decline", "withdraw"]);

/** The history of an event or a course: what was done, by whom, when, with the reason given. */
export async function History({ entries }: { entries: Entry[] }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-lg font-semibold">{t("eventHistory.title")}</h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("eventHistory.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4">
          {entries.map((e) => (
            <li key={String(e.id)}>
              <p className="text-sm">
                <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> · {KNOWN.has(e.action) ? t(`eventHistory.${e.action}` as never) : e.action}
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
