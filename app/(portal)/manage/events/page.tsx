import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { countEventRegistrationsWaiting, EVENT_PAGE_SIZE, listEventQueue, listProducerEvents } from "@/lib/db/events";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { boothsLeft, EVENT_KINDS, EVENT_LEVELS, EVENT_STATES, eventPhase, lastRegistrationDay } from "@/lib/domain/events";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";

const PROBE = { type: "tradeEvent", id: "", status: "PUBLISHED" } as const;

export default async function EventsDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/events");
  if (!can(actor, "event.list", PROBE)) notFound();
  const t = await getTranslations();
  if (actor.role === "PRODUCER") return <ProducerDesk />;

  const manages = can(actor, "event.manage", PROBE);
  const f = {
    status: enumParam(sp, "status", EVENT_STATES),
    level: enumParam(sp, "level", EVENT_LEVELS),
    kind: enumParam(sp, "kind", EVENT_KINDS),
    q: textParam(sp, "q", 100),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
  const [{ rows, total }, waiting] = await Promise.all([listEventQueue(actor, f), manages ? countEventRegistrationsWaiting() : Promise.resolve(0)]);
  const today = vietnamDateOf(new Date());
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("events.deskTitle")}</h1>
        {manages ? <Link href="/manage/events/new" className={buttonClass("primary")}>{t("events.newEvent")}</Link> : null}
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{manages ? t("events.deskIntro") : t("events.deskIntroReadOnly")}</p>
      {manages && waiting > 0 ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" data-testid="events-waiting">
          {t("events.waitingSummary", { count: waiting })}
        </p>
      ) : null}
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("events.filter")}>
        <label className="flex flex-col text-sm">
          {t("events.search")}
          <input name="q" defaultValue={f.q} className="min-h-11 rounded-md border border-stone-400 px-2" />
        </label>
        {manages ? (
          <label className="flex flex-col text-sm">
            {t("events.status")}
            <select name="status" defaultValue={f.status ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
              <option value="">{t("events.allStatuses")}</option>
              {EVENT_STATES.map((s) => <option key={s} value={s}>{t(`eventStatus.${s}`)}</option>)}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col text-sm">
          {t("events.level")}
          <select name="level" defaultValue={f.level ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("events.allLevels")}</option>
            {EVENT_LEVELS.map((s) => <option key={s} value={s}>{t(`eventLevels.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("events.kind")}
          <select name="kind" defaultValue={f.kind ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("events.allKinds")}</option>
            {EVENT_KINDS.map((s) => <option key={s} value={s}>{t(`eventKinds.${s}`)}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("events.apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("events.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("events.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[46rem] border-collapse bg-white text-sm" data-testid="event-queue">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("events.name")}</th>
                <th scope="col" className="p-2">{t("events.dates")}</th>
                <th scope="col" className="p-2">{t("events.status")}</th>
                <th scope="col" className="p-2 text-right">{t("events.waitingColumn")}</th>
                <th scope="col" className="p-2 text-right">{t("events.boothsColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const phase = eventPhase({ startsOn: isoOf(r.startsOn), endsOn: isoOf(r.endsOn) }, today);
                return (
                  <tr key={r.id} className="border-b border-stone-100 align-top">
                    <td className="p-2">
                      <Link href={`/manage/events/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.name}</Link>
                      <span className="block text-xs text-stone-600">{t(`eventLevels.${r.level}`)} · {t(`eventKinds.${r.kind}`)} · {r.place}</span>
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {formatDate(r.startsOn)} – {formatDate(r.endsOn)}
                      <span className="block text-xs text-stone-600">{t(`eventPhase.${phase}`)}</span>
                    </td>
                    <td className="p-2">
                      <StatusPill tone={r.status}>{t(`eventStatus.${r.status}`)}</StatusPill>
                      {r.resultsRecordedAt ? <span className="block text-xs text-stone-600">{t("events.resultsRecorded")}</span> : null}
                    </td>
                    <td className="p-2 text-right tabular-nums">
                      {r.waiting > 0 ? <Link href={`/manage/events/${r.id}#participants`} className="font-semibold text-red-800 underline">{r.waiting}</Link> : 0}
                    </td>
                    <td className="p-2 text-right tabular-nums">
                      {r.confirmedBooths}/{r.boothCapacity}
                      <span className="block text-xs text-stone-600">{t("events.boothsLeftShort", { count: boothsLeft(r.boothCapacity, r.confirmedBooths) })}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/events" searchParams={sp} page={f.page} pageSize={EVENT_PAGE_SIZE} total={total} />
    </>
  );
}

/** A producer's desk: events it can register for now, and its registrations. */
async function ProducerDesk() {
  const actor = await requireActor("/manage/events");
  const t = await getTranslations();
  const { open, mine } = await listProducerEvents(actor);
  const registered = new Map(mine.map((m) => [m.event.id, m]));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("events.deskTitle")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("events.producerIntro")}</p>
      <section aria-labelledby="open-events" className="mt-6">
        <h2 id="open-events" className="text-lg font-semibold">{t("events.openForRegistration")}</h2>
        {open.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("events.noneOpen")}</p>
        ) : (
          <ul className="mt-2 grid gap-3 sm:grid-cols-2" data-testid="open-events">
            {open.map((e) => {
              const mineHere = registered.get(e.id);
              return (
                <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <p className="text-sm text-stone-700">{t(`eventLevels.${e.level}`)} · {t(`eventKinds.${e.kind}`)}</p>
                  <h3 className="mt-1 font-semibold">
                    <Link href={`/manage/events/${e.id}`} className="text-brand-700 underline underline-offset-2">{e.name}</Link>
                  </h3>
                  <p className="text-sm">{formatDate(e.startsOn)} – {formatDate(e.endsOn)} · {e.place}</p>
                  <p className="text-sm text-stone-700">
                    {t("events.registerBy", { date: formatDate(lastRegistrationDay({ startsOn: isoOf(e.startsOn), registrationClosesOn: e.registrationClosesOn ? isoOf(e.registrationClosesOn) : null })) })}
                  </p>
                  {mineHere ? <p className="mt-2"><StatusPill tone={mineHere.status}>{t(`participantStatus.${mineHere.status}`)}</StatusPill></p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-events" className="mt-8">
        <h2 id="my-events" className="text-lg font-semibold">{t("events.myRegistrations")}</h2>
        {mine.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("events.noRegistrations")}</p>
        ) : (
          <ul className="mt-2 grid gap-2" data-testid="my-registrations">
            {mine.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-200 bg-white p-3">
                <span>
                  <Link href={`/manage/events/${m.event.id}`} className="font-medium text-brand-700 underline underline-offset-2">{m.event.name}</Link>
                  <span className="block text-sm text-stone-700">{formatDate(m.event.startsOn)} – {formatDate(m.event.endsOn)} · {m.event.place} · {t("events.boothsCount", { count: m.booths })}</span>
                </span>
                {m.event.status === "CANCELLED" ? <StatusPill tone="CANCELLED">{t("eventStatus.CANCELLED")}</StatusPill> : <StatusPill tone={m.status}>{t(`participantStatus.${m.status}`)}</StatusPill>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
