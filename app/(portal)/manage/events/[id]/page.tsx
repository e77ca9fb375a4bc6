import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import {
  eventResource,
  findEvent,
  findOwnParticipation,
  listEventHistory,
  listOwnListedProducts,
  listParticipants,
  participantResource,
  scheduleOf,
} from "@/lib/db/events";
import { vietnamDateOf } from "@/lib/domain/dates";
import {
  boothsLeft,
  canDecideOn,
  canRecordResultsOn,
  canWithdrawOn,
  EVENT_EDITABLE,
  EVENT_MACHINE,
  eventPhase,
  isRegistrationOpen,
  lastRegistrationDay,
  type EventState,
} from "@/lib/domain/events";
import { allowedActions } from "@/lib/domain/workflow/machine";
import { formatVndInput } from "@/lib/validation/money";
import { formatDate, formatDateTime, formatVnd } from "@/lib/i18n/format";
import { EventActions } from "@/components/events/event-actions";
import { History } from "@/components/events/history";
import { ParticipantDecision } from "@/components/events/participant-decision";
import { StatusPill } from "@/components/ocop/status-pill";
import { RegistrationForm, WithdrawButton } from "@/components/events/registration-form";
import { ResultsForm } from "@/components/events/results-form";
import { buttonClass } from "@/components/ui/button";
import { Facts } from "@/components/ui/facts";
import { ExportLink } from "@/components/ocop/export-link";

const money = (n: bigint | null) => (n === null ? "" : formatVndInput(Number(n)));
const count = (n: number | null) => (n === null ? "" : String(n));

export default async function EventDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/events/${id}`);
  const event = await findEvent(actor, id);
  if (!event) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const schedule = scheduleOf(event);
  const resource = eventResource(event);
  const manages = can(actor, "event.manage", resource);
  const status = event.status as EventState;
  const [participants, history] = await Promise.all([listParticipants(event), manages ? listEventHistory(event) : Promise.resolve([])]);
  const confirmed = participants.filter((p) => p.status === "CONFIRMED");
  const booked = confirmed.reduce((sum, p) => sum + p.booths, 0);
  const transitions = manages ? allowedActions(EVENT_MACHINE, status) : [];
  const facts: [string, React.ReactNode][] = [
    [t("events.level"), t(`eventLevels.${event.level}`)],
    [t("events.kind"), t(`eventKinds.${event.kind}`)],
    [t("events.dates"), `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)} (${t(`eventPhase.${eventPhase(schedule, today)}`)})`],
    [t("events.place"), event.place],
    [t("events.organiser"), event.organiser],
    [t("events.registrationClosesOn"), formatDate(lastRegistrationDay(schedule))],
    [t("events.boothCapacity"), t("events.boothsSummary", { booked, capacity: event.boothCapacity, left: boothsLeft(event.boothCapacity, booked) })],
  ];
  return (
    <>
      <p className="text-sm"><Link href="/manage/events" className="text-brand-700 underline underline-offset-2">{t("events.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{event.name}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusPill tone={event.status}>{t(`eventStatus.${event.status}`)}</StatusPill>
        {isRegistrationOpen(schedule, today) ? <StatusPill tone="REGISTERED">{t("events.registrationOpen")}</StatusPill> : null}
        {event.status !== "DRAFT" ? <Link href={`/events/${event.slug}`} className="text-sm text-brand-700 underline underline-offset-2">{t("events.publicPage")}</Link> : null}
      </div>
      <Facts facts={facts} />
      {event.description ? <p className="mt-4 max-w-3xl whitespace-pre-line">{event.description}</p> : null}
      {manages && EVENT_EDITABLE.includes(status) ? (
        <p className="mt-4"><Link href={`/manage/events/${event.id}/edit`} className={buttonClass("secondary")}>{t("events.edit")}</Link></p>
      ) : null}
      {manages ? <EventActions eventId={event.id} name={event.name} canPublish={transitions.includes("publish")} canCancel={transitions.includes("cancel")} /> : null}

      {actor.role === "PRODUCER" ? <ProducerPanel eventId={event.id} /> : null}

      {manages ? (
        <section aria-labelledby="participants-heading" id="participants" className="mt-8 scroll-mt-4">
          <h2 id="participants-heading" className="text-lg font-semibold">{t("events.participants")}</h2>
          <ExportLink href={`/manage/events/${event.id}/export`} total={participants.length} className="mt-2" />
          {participants.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("events.noParticipants")}</p>
          ) : (
            <ul className="mt-2 grid gap-3" data-testid="participants">
              {participants.map((p) => {
                const decide = canDecideOn(schedule, today);
                return (
                  <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-semibold">
                        {p.producer.name}
                        <span className="block text-sm font-normal text-stone-700">{p.producer.ward.name}{p.producer.phone ? ` · ${p.producer.phone}` : ""}</span>
                      </p>
                      <StatusPill tone={p.status}>{t(`participantStatus.${p.status}`)}</StatusPill>
                    </div>
                    <p className="mt-1 text-sm">{t("events.boothsCount", { count: p.booths })} · {t("events.registeredAt", { date: formatDateTime(p.createdAt) })}</p>
                    <p className="mt-1 text-sm">{t("events.products")}: {p.products.map((x) => x.name).join(", ") || "—"}</p>
                    {p.note ? <p className="mt-1 whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{p.note}</p> : null}
                    {p.decisionNote ? <p className="mt-1 text-sm text-stone-700">{t("events.decisionNote", { note: p.decisionNote })}</p> : null}
                    {p.salesVnd !== null || p.contractsSigned !== null ? (
                      <p className="mt-1 text-sm">{t("events.participantResult", { sales: p.salesVnd !== null ? formatVnd(p.salesVnd) : "—", contracts: p.contractsSigned ?? "—" })}</p>
                    ) : null}
                    {decide && (p.status === "REGISTERED" || p.status === "CONFIRMED") ? (
                      <div className="mt-2">
                        <ParticipantDecision participantId={p.id} producer={p.producer.name} canConfirm={p.status === "REGISTERED"} canDecline />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : (
        <section aria-labelledby="confirmed" className="mt-8">
          <h2 id="confirmed" className="text-lg font-semibold">{t("events.confirmedParticipants")}</h2>
          <ExportLink href={`/manage/events/${event.id}/export`} total={confirmed.length} className="mt-2" />
          {confirmed.length === 0 ? <p className="mt-2 text-stone-600">{t("events.noConfirmed")}</p> : (
            <ul className="mt-2 list-disc pl-5">
              {confirmed.map((p) => <li key={p.id}>{p.producer.name} · {p.producer.ward.name}</li>)}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="results" className="mt-8">
        <h2 id="results" className="text-lg font-semibold">{t("events.results")}</h2>
        {event.resultsRecordedAt ? (
          <dl className="mt-2 grid gap-x-6 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]" data-testid="event-results">
            <dt className="font-medium text-stone-700">{t("events.visitors")}</dt>
            <dd className="tabular-nums">{event.visitorCount ?? "—"}</dd>
            <dt className="font-medium text-stone-700">{t("events.sales")}</dt>
            <dd className="tabular-nums">{event.salesVnd !== null ? formatVnd(event.salesVnd) : "—"}</dd>
            <dt className="font-medium text-stone-700">{t("events.contracts")}</dt>
            <dd className="tabular-nums">{event.contractsSigned ?? "—"}</dd>
            {event.resultNote ? (
              <>
                <dt className="font-medium text-stone-700">{t("events.resultNote")}</dt>
                <dd className="whitespace-pre-line">{event.resultNote}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="mt-2 text-stone-600">{canRecordResultsOn(schedule, today) ? t("events.resultsNotYet") : t("events.resultsAfterEvent", { date: formatDate(event.endsOn) })}</p>
        )}
        {manages && canRecordResultsOn(schedule, today) ? (
          <ResultsForm
            initial={{
              eventId: event.id,
              version: event.version,
              visitorCount: count(event.visitorCount),
              salesVnd: money(event.salesVnd),
              contractsSigned: count(event.contractsSigned),
              resultNote: event.resultNote,
              participants: confirmed.map((p) => ({ participantId: p.id, salesVnd: money(p.salesVnd), contractsSigned: count(p.contractsSigned) })),
            }}
            producers={Object.fromEntries(confirmed.map((p) => [p.id, p.producer.name]))}
          />
        ) : null}
      </section>
      {manages ? <History entries={history} /> : null}
    </>
  );
}

/** The producer's registration: its state, the form while registration is open, and withdrawal before the event. */
async function ProducerPanel({ eventId }: { eventId: string }) {
  const actor = await requireActor(`/manage/events/${eventId}`);
  const event = await findEvent(actor, eventId);
  if (!event) return null;
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const schedule = scheduleOf(event);
  const [mine, products] = await Promise.all([findOwnParticipation(actor, event.id), listOwnListedProducts(actor)]);
  const open = isRegistrationOpen(schedule, today);
  const canChange = open && (!mine || mine.status === "REGISTERED" || mine.status === "WITHDRAWN");
  const alive = mine && (mine.status === "REGISTERED" || mine.status === "CONFIRMED");
  const withdrawable = alive && event.status === "PUBLISHED" && can(actor, "event.withdraw", participantResource({ id: mine.id, producerId: actor.producerId ?? "", status: mine.status })) && canWithdrawOn(schedule, today);
  return (
    <section aria-labelledby="my-registration" className="mt-8">
      <h2 id="my-registration" className="text-lg font-semibold">{t("events.myRegistration")}</h2>
      {mine ? (
        <div className="mt-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="my-registration">
          <p><StatusPill tone={mine.status}>{t(`participantStatus.${mine.status}`)}</StatusPill></p>
          <p className="mt-2 text-sm">{t("events.boothsCount", { count: mine.booths })}</p>
          <p className="mt-1 text-sm">
            {t("events.products")}:{" "}
            {mine.products.map((p, i) => (
              <span key={p.id}>{i > 0 ? ", " : ""}<Link href={`/products/${p.slug}`} className="text-brand-700 underline underline-offset-2">{p.name}</Link></span>
            ))}
          </p>
          {mine.decisionNote ? <p className="mt-1 text-sm text-stone-700">{t("events.decisionNote", { note: mine.decisionNote })}</p> : null}
          {withdrawable ? <WithdrawButton participantId={mine.id} name={event.name} /> : null}
        </div>
      ) : (
        <p className="mt-2 text-stone-600">{t("events.notRegistered")}</p>
      )}
      {event.status === "CANCELLED" ? (
        <p className="mt-3 rounded-md bg-stone-100 p-3">{t("events.cancelledNotice")}</p>
      ) : !open ? (
        <p className="mt-3 rounded-md bg-stone-100 p-3">{t("events.registrationClosedNotice")}</p>
      ) : products.length === 0 ? (
        <p className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900">{t("events.noListedProducts")}</p>
      ) : canChange ? (
        <RegistrationForm
          eventId={event.id}
          products={products}
          maxBooths={event.boothCapacity}
          updating={mine?.status === "REGISTERED"}
          initial={{
            productIds: mine && mine.status === "REGISTERED" ? mine.products.map((p) => p.id) : [],
            booths: String(mine?.status === "REGISTERED" ? mine.booths : 1),
            note: mine?.status === "REGISTERED" ? mine.note : "",
          }}
        />
      ) : null}
    </section>
  );
}
