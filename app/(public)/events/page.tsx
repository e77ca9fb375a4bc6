import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublicEvents, PUBLIC_EVENT_PAGE_SIZE } from "@/lib/db/events";
import { EVENT_KINDS, EVENT_LEVELS } from "@/lib/domain/events";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, withParams, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { isoOf } from "@/lib/domain/dates";

export const dynamic = "force-dynamic";

const read = (sp: SearchParams) => ({
  past: textParam(sp, "past", 1) === "1",
  level: enumParam(sp, "level", EVENT_LEVELS),
  kind: enumParam(sp, "kind", EVENT_KINDS),
  page: intParam(sp, "page", 1, 10_000) ?? 1,
});

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const f = read(await searchParams);
  const t = await getTranslations();
  const title = f.past ? t("publicEvents.pastTitle") : t("publicEvents.title");
  const description = t("publicEvents.metaDescription");
  const url = `/events${withParams({}, { past: f.past ? 1 : undefined, level: f.level, kind: f.kind })}`;
  return { title, description, alternates: { canonical: url }, openGraph: { title, description, url, type: "website" } };
}

type Card = Awaited<ReturnType<typeof listPublicEvents>>["rows"][number];

async function EventCard({ e }: { e: Card }) {
  const t = await getTranslations();
  return (
    <li className="flex flex-col rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm font-medium text-brand-800">
        <time dateTime={isoOf(e.startsOn)}>{formatDate(e.startsOn)}</time>
        {e.endsOn.getTime() !== e.startsOn.getTime() ? <> – <time dateTime={isoOf(e.endsOn)}>{formatDate(e.endsOn)}</time></> : null}
      </p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link href={`/events/${e.slug}`} className="text-brand-700 underline underline-offset-2">{e.name}</Link>
      </h3>
      <p className="text-sm text-stone-700">{t(`eventLevels.${e.level}`)} · {t(`eventKinds.${e.kind}`)}</p>
      <p className="mt-1 text-sm">{e.place}</p>
      <p className="text-sm text-stone-700">{t("publicEvents.organisedBy", { organiser: e.organiser })}</p>
      <p className="mt-2 text-sm">{t("publicEvents.participantCount", { count: e._count.participants })}{e.resultsRecordedAt ? ` · ${t("publicEvents.hasResults")}` : ""}</p>
    </li>
  );
}

/** The public calendar: fairs and events to come (soonest first), and those already held. */
export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const f = read(sp);
  const t = await getTranslations();
  const [main, recent] = await Promise.all([
    listPublicEvents(f),
    f.past ? Promise.resolve(null) : listPublicEvents({ past: true, level: f.level, kind: f.kind, page: 1, pageSize: 4 }),
  ]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{f.past ? t("publicEvents.pastTitle") : t("publicEvents.title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t("publicEvents.intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("publicEvents.filter")}>
        {f.past ? <input type="hidden" name="past" value="1" /> : null}
        <label className="flex flex-col text-sm font-medium">
          {t("events.level")}
          <select name="level" defaultValue={f.level ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base font-normal">
            <option value="">{t("events.allLevels")}</option>
            {EVENT_LEVELS.map((l) => <option key={l} value={l}>{t(`eventLevels.${l}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium">
          {t("events.kind")}
          <select name="kind" defaultValue={f.kind ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2 text-base font-normal">
            <option value="">{t("events.allKinds")}</option>
            {EVENT_KINDS.map((k) => <option key={k} value={k}>{t(`eventKinds.${k}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>{t("events.apply")}</button>
        <Link href={`/events${withParams(sp, { past: f.past ? undefined : 1, page: undefined })}`} className={buttonClass("ghost", "sm:ml-auto")}>
          {f.past ? t("publicEvents.showUpcoming") : t("publicEvents.showPast")}
        </Link>
      </form>
      <section aria-labelledby="event-list" className="mt-6">
        <h2 id="event-list" className="text-xl font-semibold">{f.past ? t("publicEvents.pastHeading") : t("publicEvents.upcomingHeading")}</h2>
        <p className="mt-1 text-sm text-stone-700" role="status">{t("publicEvents.count", { count: main.total })}</p>
        {main.rows.length === 0 ? (
          <p className="mt-2">{f.past ? t("publicEvents.noPast") : t("publicEvents.noUpcoming")}</p>
        ) : (
          <ul className="mt-3 grid gap-4 md:grid-cols-2" data-testid="public-events">
            {main.rows.map((e) => <EventCard key={e.id} e={e} />)}
          </ul>
        )}
        <Pagination basePath="/events" searchParams={sp} page={f.page} pageSize={PUBLIC_EVENT_PAGE_SIZE} total={main.total} />
      </section>
      {recent && recent.rows.length > 0 ? (
        <section aria-labelledby="past-events" className="mt-10">
          <h2 id="past-events" className="text-xl font-semibold">{t("publicEvents.recentPast")}</h2>
          <ul className="mt-3 grid gap-4 md:grid-cols-2">
            {recent.rows.map((e) => <EventCard key={e.id} e={e} />)}
          </ul>
          {recent.total > recent.rows.length ? (
            <p className="mt-3"><Link href={`/events${withParams(sp, { past: 1, page: undefined })}`} className="text-brand-700 underline underline-offset-2">{t("publicEvents.allPast", { count: recent.total })}</Link></p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
