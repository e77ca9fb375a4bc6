import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { complianceOf, findPointOfSale, pointOfSaleResource } from "@/lib/db/points-of-sale";
import { listStatusEvents } from "@/lib/db/timeline";
import { vietnamDateOf } from "@/lib/domain/dates";
import { allowedActions } from "@/lib/domain/workflow/machine";
import { POINT_OF_SALE_MACHINE } from "@/lib/domain/points-of-sale";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { CarriedProducts, CompliancePanel } from "@/components/trade/compliance";
import { PointOfSaleDecision } from "@/components/trade/point-of-sale-decision";
import { PointOfSaleStatusPill, TradeHistory } from "@/components/trade/status";

export default async function PointOfSaleDeskDetail({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/points-of-sale/${id}`);
  const p = await findPointOfSale(actor, id);
  if (!p) notFound();
  const t = await getTranslations();
  // Stars and certificate states are today's, so a product revoked since the application stops counting.
  const { products, compliance } = complianceOf(p);
  const events = await listStatusEvents({ entityType: "PointOfSale", id: p.id });
  const actions = can(actor, "pointOfSale.review", pointOfSaleResource(p)) ? allowedActions(POINT_OF_SALE_MACHINE, p.status) : [];
  const row = (label: string, value: React.ReactNode) => (
    <div className="contents">
      <dt className="font-medium text-stone-700">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
  return (
    <>
      <p className="text-sm"><Link href="/manage/points-of-sale" className="text-brand-700 underline underline-offset-2">{t("posDesk.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{p.name}</h1>
      <p className="text-stone-700">{p.address}, {p.ward.name}</p>
      <div className="mt-2"><PointOfSaleStatusPill status={p.status} /></div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
        {row(t("pointsOfSale.operatorName"), p.operatorName)}
        {row(t("pointsOfSale.locationKind"), t(`trade.location.${p.locationKind}`))}
        {row(t("pointsOfSale.contactName"), p.contactName)}
        {row(t("pointsOfSale.phone"), <a href={`tel:${p.phone}`} className="text-brand-700 underline underline-offset-2">{p.phone}</a>)}
        {row(t("pointsOfSale.email"), p.email ? <a href={`mailto:${p.email}`} className="text-brand-700 underline underline-offset-2">{p.email}</a> : "—")}
        {row(t("pointsOfSale.openingHours"), p.openingHours || "—")}
        {row(t("pointsOfSale.items"), t("pointsOfSale.itemsValue", { total: p.totalItemCount, ocopLocal: p.ocopLocalItemCount }))}
        {row(t("pointsOfSale.submittedAt"), formatDateTime(p.createdAt))}
        {p.approvalDecisionNo ? row(t("pointsOfSale.recognition"), t("pointsOfSale.decisionText", { number: p.approvalDecisionNo, date: formatDate(p.approvedOn) })) : null}
        {p.reviewNote ? row(t("pointsOfSale.officeNote"), <span className="whitespace-pre-line">{p.reviewNote}</span>) : null}
        {p.status === "APPROVED" ? row(t("pointsOfSale.publicPage"), <Link href={`/points-of-sale/${p.id}`} className="text-brand-700 underline underline-offset-2">/points-of-sale/{p.id}</Link>) : null}
      </dl>
      {p.description ? <p className="mt-4 max-w-3xl whitespace-pre-line">{p.description}</p> : null}
      <CompliancePanel compliance={compliance} />
      {actions.length > 0 ? (
        <PointOfSaleDecision pointOfSaleId={p.id} version={p.version} name={p.name} actions={actions} compliant={compliance.compliant} today={vietnamDateOf(new Date())} />
      ) : null}
      <section aria-labelledby="carried" className="mt-8">
        <h2 id="carried" className="text-lg font-semibold">{t("pointsOfSale.carriedTitle", { count: products.length })}</h2>
        <CarriedProducts rows={products} caption={t("pointsOfSale.carriedTitle", { count: products.length })} />
      </section>
      <TradeHistory events={events} />
    </>
  );
}
