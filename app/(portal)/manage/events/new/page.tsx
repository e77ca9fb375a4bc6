import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { EventForm } from "@/components/events/event-form";

export default async function NewEventPage() {
  const actor = await requireActor("/manage/events/new");
  if (!can(actor, "event.manage", { type: "tradeEvent", id: "", status: "DRAFT" })) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href="/manage/events" className="text-brand-700 underline underline-offset-2">{t("events.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("events.newEvent")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("events.newIntro")}</p>
      <EventForm
        initial={{ name: "", kind: "FAIR", level: "PROVINCIAL", startsOn: "", endsOn: "", place: "", organiser: "", boothCapacity: "", registrationClosesOn: "", description: "" }}
      />
    </>
  );
}
