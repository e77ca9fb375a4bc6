import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import { complianceOf, findPointOfSaleByTrackingCode } from "@/lib/db/points-of-sale";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { CarriedProducts, CompliancePanel } from "@/components/trade/compliance";
import { PointOfSaleStatusPill } from "@/components/trade/status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  // The page of one applicant, reached by a secret link: kept out of search engines.
  return { title: t("pointsOfSale.trackTitle"), robots: { index: false, follow: false } };
}

/**
 * The applicant's page (no account): what they sent, where it stands, the compliance check as of
 * today and the office's decision. The random code in the link is the only key.
 */
export default async function TrackApplicationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const p = await findPointOfSaleByTrackingCode(code);
  if (!p) notFound();
  const t = await getTranslations();
  const { products, compliance } = complianceOf(p);
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-600">{t("pointsOfSale.trackTitle")}</p>
      <h1 className="mt-1 text-2xl font-bold">{p.name}</h1>
      <p className="text-stone-700">{p.address}, {p.ward.name}</p>
      <div
        role="status"
        className={clsx(
          "mt-4 rounded-lg border-2 p-4",
          p.status === "APPROVED" ? "border-brand-700 bg-brand-50" : p.status === "SUBMITTED" ? "border-sky-700 bg-sky-50" : "border-stone-500 bg-stone-100",
        )}
      >
        <p className="text-lg font-semibold">
          <PointOfSaleStatusPill status={p.status} />
        </p>
        <p className="mt-2">{t(`pointsOfSale.trackStatus.${p.status}`)}</p>
        {p.status === "APPROVED" && p.approvalDecisionNo ? (
          <p className="mt-1">{t("pointsOfSale.decisionText", { number: p.approvalDecisionNo, date: formatDate(p.approvedOn) })}</p>
        ) : null}
        {(p.status === "REFUSED" || p.status === "CLOSED") && p.reviewNote ? (
          <p className="mt-1 whitespace-pre-line">{t("pointsOfSale.officeNote")}: {p.reviewNote}</p>
        ) : null}
        {p.status === "APPROVED" ? (
          <p className="mt-2">
            <Link href={`/points-of-sale/${p.id}`} className="font-medium text-brand-700 underline underline-offset-2">{t("pointsOfSale.publicPage")}</Link>
          </p>
        ) : null}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium text-stone-700">{t("pointsOfSale.operatorName")}</dt>
        <dd>{p.operatorName}</dd>
        <dt className="font-medium text-stone-700">{t("pointsOfSale.locationKind")}</dt>
        <dd>{t(`trade.location.${p.locationKind}`)}</dd>
        <dt className="font-medium text-stone-700">{t("pointsOfSale.items")}</dt>
        <dd>{t("pointsOfSale.itemsValue", { total: p.totalItemCount, ocopLocal: p.ocopLocalItemCount })}</dd>
        <dt className="font-medium text-stone-700">{t("pointsOfSale.submittedAt")}</dt>
        <dd>{formatDateTime(p.createdAt)}</dd>
        {p.reviewedAt ? (
          <>
            <dt className="font-medium text-stone-700">{t("pointsOfSale.reviewedAt")}</dt>
            <dd>{formatDateTime(p.reviewedAt)}</dd>
          </>
        ) : null}
      </dl>
      <CompliancePanel compliance={compliance} />
      <section aria-labelledby="carried" className="mt-6">
        <h2 id="carried" className="text-lg font-semibold">{t("pointsOfSale.carriedTitle", { count: products.length })}</h2>
        <CarriedProducts rows={products} caption={t("pointsOfSale.carriedTitle", { count: products.length })} />
      </section>
      <p className="mt-6 text-sm text-stone-700">{t("pointsOfSale.trackKeep")}</p>
    </div>
  );
}
