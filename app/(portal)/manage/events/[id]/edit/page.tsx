import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { eventResource, findEvent } from "@/lib/db/events";
import { EVENT_EDITABLE, type EventState } from "@/lib/domain/events";
import { EventForm } from "@/components/events/event-form";
import { isoOf } from "@/lib/domain/dates";

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/events/${id}/edit`);
  const event = await findEvent(actor, id);
  if (!event || !can(actor, "event.manage", eventResource(event)) || !EVENT_EDITABLE.includes(event.status as EventState)) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href={`/manage/events/${event.id}`} className="text-brand-700 underline underline-offset-2">{event.name}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("events.editTitle")}</h1>
      {event.status === "PUBLISHED" ? <p className="mt-1 max-w-3xl text-stone-700">{t("events.editPublishedNote")}</p> : null}
      <EventForm
        initial={{
          eventId: event.id,
          version: event.version,
          name: event.name,
          kind: event.kind,
          level: event.level,
          startsOn: isoOf(event.startsOn),
          endsOn: isoOf(event.endsOn),
          place: event.place,
          organiser: event.organiser,
          boothCapacity: String(event.boothCapacity),
          registrationClosesOn: event.registrationClosesOn ? isoOf(event.registrationClosesOn) : "",
          description: event.description,
        }}
      />
    </>
  );
}
