import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { findInspection, inspectionResource } from "@/lib/db/inspections";
import { listStatusEvents } from "@/lib/db/timeline";
import { compareIsoDate, daysBetween, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { isOverdue, isPlanEditable, readChecklist } from "@/lib/domain/inspections";
import { formatDate } from "@/lib/i18n/format";
import { CancelInspection } from "@/components/inspections/cancel-inspection";
import { ChecklistView } from "@/components/inspections/checklist-view";
import { ConcludeInspectionForm } from "@/components/inspections/conclude-form";
import { InspectionHistory } from "@/components/inspections/history";
import { InspectionPhotos } from "@/components/inspections/photos";
import { InspectionPlanForm } from "@/components/inspections/plan-form";
import { ConclusionPill, InspectionStatusPill } from "@/components/inspections/status";
import { StarRating } from "@/components/ocop/star-rating";
import { Facts } from "@/components/ui/facts";
import { buttonClass } from "@/components/ui/button";

export default async function InspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/inspections/${id}`);
  const i = await findInspection(actor, id);
  if (!i) notFound();
  const t = await getTranslations("inspections");
  const root = await getTranslations();
  const today = vietnamDateOf(new Date());
  const plannedOn = isoOf(i.plannedOn);
  const late = isOverdue(i.status, plannedOn, today);
  const manage = can(actor, "inspection.manage", inspectionResource(i)) && isPlanEditable(i.status);
  const events = await listStatusEvents({ entityType: "Inspection", id: i.id });
  const checklist = readChecklist(i.checklist);
  const concluded = i.status === "CONCLUDED";
  const facts: [string, React.ReactNode][] = [
    [t("certificate"), <Link key="c" href={`/certificates/${i.certificate.id}`} className="tabular-nums text-brand-700 underline underline-offset-2">{i.certificate.number}</Link>],
    [root("certificates.star"), <StarRating key="s" stars={i.certificate.star} />],
    [t("producer"), [i.producer.name, i.producer.address].filter(Boolean).join(", ")],
    [t("ward"), i.ward.name],
    [t("kind"), t(`kinds.${i.kind}`)],
    [t("plannedOn"), <span key="p" className="tabular-nums">{formatDate(i.plannedOn)}{late ? <span className="ml-2 text-sm font-medium text-red-800">{t("overdueDays", { days: daysBetween(plannedOn, today) })}</span> : null}</span>],
  ];
  if (i.inspectedOn) facts.push([t("inspectedOn"), <span key="d" className="tabular-nums">{formatDate(i.inspectedOn)}</span>]);
  facts.push([t("team"), i.team ? <span key="t" className="whitespace-pre-line">{i.team}</span> : <span key="t" className="text-stone-600">{t("noTeam")}</span>]);
  return (
    <>
      <p className="text-sm"><Link href="/inspections" className="text-brand-700 underline underline-offset-2">{t("back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{i.certificate.productName}</h1>
      <p className="text-stone-700">{i.producer.name} · {i.ward.name}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <InspectionStatusPill status={i.status} overdue={late} />
        {i.conclusion ? <ConclusionPill conclusion={i.conclusion} /> : null}
      </div>

      <section aria-labelledby="inspection-details" className="mt-2">
        <h2 id="inspection-details" className="sr-only">{t("details")}</h2>
        <Facts facts={facts} />
      </section>

      {concluded ? (
        <section aria-labelledby="inspection-result" className="mt-6 rounded-lg border border-stone-200 bg-white p-4" data-testid="inspection-result">
          <h2 id="inspection-result" className="text-lg font-semibold">{t("conclusion")}</h2>
          <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-medium text-stone-700">{t("conclusion")}</dt>
            <dd>{i.conclusion ? t(`conclusions.${i.conclusion}`) : "—"}</dd>
            <dt className="font-medium text-stone-700">{t("followUp")}</dt>
            <dd>{i.followUp ? t(`followUps.${i.followUp}`) : "—"}</dd>
            {i.revocationGround ? (
              <>
                <dt className="font-medium text-stone-700">{t("revocationGround")}</dt>
                <dd>{root(`revocationGrounds.${i.revocationGround}`)}</dd>
              </>
            ) : null}
            <dt className="font-medium text-stone-700">{t("findings")}</dt>
            <dd className="whitespace-pre-line">{i.findings || "—"}</dd>
            {i.followUpNote ? (
              <>
                <dt className="font-medium text-stone-700">{t("followUpNote")}</dt>
                <dd className="whitespace-pre-line">{i.followUpNote}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {i.followUp === "REVOCATION_PROPOSAL" ? (
        <section aria-labelledby="inspection-revocation" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id="inspection-revocation" className="font-semibold text-red-900">{t("revocationTitle")}</h2>
          <p className="mt-1">{i.certificate.status === "REVOKED" ? t("revocationDone") : i.certificate.status === "REVOCATION_PROPOSED" ? t("revocationPending") : root(`certificateStatus.${i.certificate.status}`)}</p>
          <p className="mt-2"><Link href={`/certificates/${i.certificate.id}`} className={buttonClass("secondary")}>{t("openCertificate")}</Link></p>
        </section>
      ) : null}
      {i.followUp === "WARNING" && i.followUpNote ? (
        <section aria-labelledby="inspection-warning" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="inspection-warning" className="font-semibold text-amber-900">{t("warningTitle")}</h2>
          <p className="mt-1 whitespace-pre-line">{i.followUpNote}</p>
        </section>
      ) : null}

      <ChecklistView checklist={checklist} concluded={concluded} />
      <InspectionPhotos inspectionId={i.id} productName={i.certificate.productName} canUpload={manage} />

      {manage ? (
        <>
          <ConcludeInspectionForm
            inspectionId={i.id}
            version={i.version}
            kind={i.kind}
            productName={i.certificate.productName}
            certificateNumber={i.certificate.number}
            defaultInspectedOn={compareIsoDate(plannedOn, today) <= 0 ? plannedOn : today}
            defaultTeam={i.team}
          />
          <section aria-labelledby="inspection-edit" className="mt-8 max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="inspection-edit" className="text-lg font-semibold">{t("editTitle")}</h2>
            <InspectionPlanForm mode="edit" inspectionId={i.id} version={i.version} defaults={{ kind: i.kind, plannedOn, team: i.team }} />
            <CancelInspection inspectionId={i.id} version={i.version} name={i.certificate.productName} date={formatDate(i.plannedOn)} />
          </section>
        </>
      ) : null}
      <InspectionHistory events={events} />
    </>
  );
}
