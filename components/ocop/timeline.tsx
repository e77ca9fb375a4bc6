import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";

export type TimelineEvent = { id: bigint; action: string; toStatus?: string; actorName: string | null; actorRole: string | null; comment: string | null; at: Date };

type Props = {
  events: TimelineEvent[];
  /** Names each step by the status it reached (comments as comments). */
  statusNamespace?: "ideaStatus" | "planStatus" | "verification" | "dossierStatus";
  /** Names each step otherwise; takes precedence over statusNamespace. */
  describe?: (e: TimelineEvent) => string;
  title?: string;
  empty?: string;
  /** Heading id (the section's anchor); also the list's test id unless testId says otherwise. */
  id?: string;
  testId?: string;
  /** Who acted when no person did (a scheduled job, an applicant without an account); null says nothing. */
  system?: string | null;
};

/** Status history of a record: who did what, when, and what they said. */
export async function Timeline({ events, statusNamespace, describe, title, empty, id = "timeline", testId = id, system }: Props) {
  const t = await getTranslations();
  const label = (e: TimelineEvent) =>
    describe ? describe(e) : e.action === "comment" ? t("timeline.comment") : t(`${statusNamespace ?? "dossierStatus"}.${e.toStatus}` as never);
  const nobody = system === undefined ? t("timeline.system") : system;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold">{title ?? t("timeline.title")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-stone-600">{empty ?? t("timeline.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4" data-testid={testId}>
          {events.map((e) => {
            const by = e.actorName && e.actorRole ? t("timeline.by", { name: e.actorName, role: t(`roles.${e.actorRole}` as never) }) : nobody;
            return (
              <li key={String(e.id)}>
                <p className="text-sm">
                  <time className="font-medium tabular-nums">{formatDateTime(e.at)}</time> · {label(e)}
                </p>
                {by ? <p className="text-sm text-stone-700">{by}</p> : null}
                {e.comment ? <p className="mt-1 whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{e.comment}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
