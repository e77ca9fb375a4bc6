import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listCertificateInspections } from "@/lib/db/inspections";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { isOverdue } from "@/lib/domain/inspections";
import { formatDate } from "@/lib/i18n/format";
import { buttonClass } from "@/components/ui/button";
import { ConclusionPill, InspectionStatusPill } from "./status";

/**
 * "Kiểm tra, giám sát" on a certificate's page (loaded in the actor's scope by the page): its
 * inspections in the actor's scope, and for the office, a plan of a new one while it is in force.
 */
export async function CertificateInspections({ actor, certificate, inForce }: { actor: Actor; certificate: { id: string; producerId: string; wardId: string }; inForce: boolean }) {
  if (!can(actor, "inspection.list", { type: "dashboard" })) return null;
  const t = await getTranslations("inspections");
  const rows = await listCertificateInspections(actor, certificate);
  const today = vietnamDateOf(new Date());
  const canPlan = inForce && can(actor, "inspection.manage", { type: "inspection", id: "", producerId: certificate.producerId, wardId: certificate.wardId, status: "PLANNED" });
  return (
    <section aria-labelledby="certificate-inspections" className="mt-8" data-testid="certificate-inspections">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="certificate-inspections" className="text-lg font-semibold">{t("section")}</h2>
        {canPlan ? <Link href={`/inspections/new?certificate=${certificate.id}`} className={buttonClass("secondary")}>{t("new")}</Link> : null}
      </div>
      {rows.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("sectionEmpty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
              <Link href={`/inspections/${r.id}`} className="font-medium tabular-nums text-brand-700 underline underline-offset-2">
                {formatDate(r.inspectedOn ?? r.plannedOn)} · {t(`kinds.${r.kind}`)}
              </Link>
              <InspectionStatusPill status={r.status} overdue={isOverdue(r.status, isoOf(r.plannedOn), today)} />
              {r.conclusion ? <ConclusionPill conclusion={r.conclusion} /> : null}
              {r.followUp && r.followUp !== "NONE" ? <span className="text-sm font-medium text-red-900">{t(`followUps.${r.followUp}`)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
