import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { displayStatus, findCertificate } from "@/lib/db/certificates";
import { searchInspectableCertificates } from "@/lib/db/inspections";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { isInspectableCertificate } from "@/lib/domain/inspections";
import { formatDate } from "@/lib/i18n/format";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { InspectionPlanForm } from "@/components/inspections/plan-form";
import { StarRating } from "@/components/ocop/star-rating";
import { buttonClass } from "@/components/ui/button";

export default async function NewInspectionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/inspections/new");
  // Only the office plans; for anyone else the page does not exist.
  if (!can(actor, "inspection.manage", { type: "inspection", id: "", producerId: "", wardId: "", status: "PLANNED" })) notFound();
  const t = await getTranslations("inspections");
  const today = vietnamDateOf(new Date());
  const certificateId = textParam(sp, "certificate", 64);
  const chosen = certificateId ? await findCertificate(actor, certificateId) : null;
  if (certificateId && !chosen) notFound();
  const inForce = chosen !== null && isInspectableCertificate(chosen.status) && displayStatus(chosen, today) !== "EXPIRED";

  if (chosen && inForce) {
    return (
      <>
        <p className="text-sm"><Link href="/inspections" className="text-brand-700 underline underline-offset-2">{t("back")}</Link></p>
        <h1 className="mt-1 text-2xl font-bold">{t("planFor", { name: chosen.productName })}</h1>
        <p className="text-stone-700">
          <span className="tabular-nums">{chosen.number}</span> · {chosen.producer.name} · {chosen.producer.ward.name}
        </p>
        <p className="mt-1 text-sm text-stone-700">{t("validUntil", { date: formatDate(chosen.expiresOn) })}</p>
        <InspectionPlanForm mode="new" certificateId={chosen.id} defaults={{ kind: "PERIODIC", plannedOn: addDays(today, 14), team: "" }} />
        <p className="mt-4"><Link href="/inspections/new" className="text-brand-700 underline underline-offset-2">{t("otherCertificate")}</Link></p>
      </>
    );
  }

  const q = textParam(sp, "q");
  const { rows, total, shown } = await searchInspectableCertificates(actor, q, today);
  return (
    <>
      <p className="text-sm"><Link href="/inspections" className="text-brand-700 underline underline-offset-2">{t("back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("newTitle")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("newIntro")}</p>
      {chosen ? <p role="alert" className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-900">{t("certificateNotInForce")}</p> : null}
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("chooseCertificate")}>
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" type="search" defaultValue={q} className="min-h-11 min-w-64 rounded-md border border-stone-400 px-2" />
        </label>
        <button className={buttonClass("secondary")}>{t("find")}</button>
      </form>
      {rows.length === 0 ? (
        <p className="mt-4">{t("noCandidates")}</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-stone-700">{t("candidates", { shown: Math.min(shown, total), total })}</p>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t("chooseCertificate")}>
            {rows.map((c) => {
              const last = c.inspections[0];
              return (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid={`candidate-${c.id}`}>
                  <div>
                    <p className="font-medium">{c.productName}</p>
                    <p className="text-sm text-stone-700">
                      <span className="tabular-nums">{c.number}</span> · {c.producer.name} · {c.producer.ward.name}
                    </p>
                    <p className="flex flex-wrap items-center gap-x-3 text-xs text-stone-600">
                      <StarRating stars={c.star} />
                      <span>{t("validUntil", { date: formatDate(c.expiresOn) })}</span>
                      <span>
                        {!last ? t("neverInspected") : last.status === "PLANNED" ? t("plannedAlready", { date: formatDate(last.plannedOn) }) : t("lastInspection", { date: formatDate(last.inspectedOn ?? last.plannedOn) })}
                      </span>
                    </p>
                  </div>
                  <Link href={`/inspections/new?certificate=${c.id}`} className={buttonClass("secondary")}>
                    {t("choose")}
                    <span className="sr-only"> — {c.productName}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
