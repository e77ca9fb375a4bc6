import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findApprovedPointOfSale } from "@/lib/db/points-of-sale";
import { formatDate } from "@/lib/i18n/format";
import { CarriedList } from "@/components/trade/carried-list";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const p = await findApprovedPointOfSale(id);
  const t = await getTranslations();
  if (!p) return { title: t("notFound.title") };
  const description = t("pointsOfSale.detailDescription", { name: p.name, address: `${p.address}, ${p.ward.name}`, count: p.products.length });
  return { title: p.name, description, alternates: { canonical: `/points-of-sale/${p.id}` }, openGraph: { title: p.name, description, url: `/points-of-sale/${p.id}` } };
}

/** One approved point of sale: where it is, when it opens, what it carries. */
export default async function PointOfSalePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const p = await findApprovedPointOfSale(id);
  if (!p) notFound();
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm">
        <Link href="/points-of-sale" className="text-brand-700 underline underline-offset-2">{t("pointsOfSale.title")}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{p.name}</h1>
      <p className="text-stone-700">{t(`trade.location.${p.locationKind}`)} · {p.operatorName}</p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-stone-700">{t("pointsOfSale.address")}</dt>
        <dd>
          {p.address}, <Link href={`/points-of-sale?ward=${encodeURIComponent(p.ward.code)}`} className="text-brand-700 underline underline-offset-2">{p.ward.name}</Link>
        </dd>
        <dt className="font-medium text-stone-700">{t("pointsOfSale.phone")}</dt>
        <dd><a href={`tel:${p.phone}`} className="text-brand-700 underline underline-offset-2">{p.phone}</a></dd>
        {p.openingHours ? (
          <>
            <dt className="font-medium text-stone-700">{t("pointsOfSale.openingHours")}</dt>
            <dd>{p.openingHours}</dd>
          </>
        ) : null}
        {p.approvalDecisionNo ? (
          <>
            <dt className="font-medium text-stone-700">{t("pointsOfSale.recognition")}</dt>
            <dd>{t("pointsOfSale.decisionText", { number: p.approvalDecisionNo, date: formatDate(p.approvedOn) })}</dd>
          </>
        ) : null}
      </dl>
      {p.description ? <p className="mt-4 whitespace-pre-line">{p.description}</p> : null}
      <section aria-labelledby="carried" className="mt-6">
        <h2 id="carried" className="text-lg font-semibold">{t("pointsOfSale.carriedTitle", { count: p.products.length })}</h2>
        {p.products.length === 0 ? <p className="mt-2 text-stone-600">{t("trade.noProducts")}</p> : <CarriedList products={p.products.map((c) => c.product)} label={t("pointsOfSale.carriedTitle", { count: p.products.length })} />}
      </section>
    </div>
  );
}
