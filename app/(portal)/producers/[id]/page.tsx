import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { findProducer } from "@/lib/db/producers";
import { ContactForm } from "./contact-form";
import { VerifyPanel } from "./verify-panel";
import { Timeline } from "@/components/ocop/timeline";
import { listStatusEvents } from "@/lib/db/timeline";

export default async function ProducerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/producers/${id}`);
  if (id === "me") {
    if (!actor.producerId) notFound();
    redirect(`/producers/${actor.producerId}`);
  }
  const producer = await findProducer(actor, id);
  if (!producer) notFound();
  const t = await getTranslations();
  const rows: [string, React.ReactNode][] = [
    [t("producers.type"), t(`producerTypes.${producer.type}`)],
    [t("producers.status"), t(`verification.${producer.verificationStatus}`)],
    [t("producers.businessRegNo"), producer.businessRegNo ?? "—"],
    [t("producers.taxCode"), producer.taxCode ?? "—"],
    [t("producers.legalRep"), [producer.legalRepName, producer.legalRepPosition].filter(Boolean).join(", ")],
    [t("producers.gender"), t(`gender.${producer.legalRepGender}`)],
    [t("producers.ethnicity"), producer.legalRepEthnicity ?? "—"],
    [t("producers.ward"), producer.ward.name],
    [t("producers.address"), producer.address],
    [t("producers.phone"), producer.phone ?? "—"],
    [t("producers.email"), producer.email ?? "—"],
    [t("producers.members"), producer.memberCount ?? "—"],
    [t("producers.workers"), producer.workerCount ?? "—"],
  ];
  const resource = { type: "producer", id: producer.id, wardId: producer.wardId } as const;
  const canEdit = can(actor, "producer.updateContact", resource);
  const canVerify = producer.verificationStatus !== "VERIFIED" && can(actor, "producer.verify", resource);
  const events = await listStatusEvents({ entityType: "Producer", id: producer.id });
  return (
    <>
      <h1 className="text-2xl font-bold">{producer.name}</h1>
      <section aria-labelledby="profile" className="mt-4">
        <h2 id="profile" className="sr-only">{t("producers.profile")}</h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-stone-700">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      {canVerify ? <VerifyPanel producerId={producer.id} name={producer.name} /> : null}
      {canEdit ? (
        <ContactForm producerId={producer.id} version={producer.updatedAt.toISOString()} defaults={{ address: producer.address, phone: producer.phone ?? "", email: producer.email ?? "" }} />
      ) : null}
      <Timeline events={events} statusNamespace="verification" />
    </>
  );
}
