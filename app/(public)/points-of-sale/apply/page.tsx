import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages, PUBLIC_CLIENT_NAMESPACES } from "@/components/i18n/client-messages";
import { listWards } from "@/lib/db/reference";
import { CURRENT_POINT_OF_SALE_RULES } from "@/lib/domain/points-of-sale";
import { ApplyForm } from "./apply-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  const title = t("pointsOfSale.applyTitle");
  const description = t("pointsOfSale.applyDescription");
  return { title, description, alternates: { canonical: "/points-of-sale/apply" }, openGraph: { title, description, url: "/points-of-sale/apply" } };
}

export default async function ApplyPointOfSalePage() {
  const t = await getTranslations();
  const wards = await listWards();
  const rules = CURRENT_POINT_OF_SALE_RULES;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/points-of-sale" className="text-brand-700 underline underline-offset-2">{t("pointsOfSale.title")}</Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{t("pointsOfSale.applyTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("pointsOfSale.applyIntro")}</p>
      <section aria-labelledby="rules" className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="rules" className="font-semibold">{t("pointsOfSale.rulesTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>{t("trade.ruleProducts", { count: rules.minQualifyingProducts, star: rules.minStar })}</li>
          <li>{t("trade.ruleShare", { above: Math.round((rules.ocopLocalShareAbove.numerator / rules.ocopLocalShareAbove.denominator) * 100) })}</li>
        </ul>
        <p className="mt-2 text-xs text-stone-600">{t("trade.ruleBasis", { basis: rules.legalBasis })}</p>
      </section>
      <ClientMessages namespaces={PUBLIC_CLIENT_NAMESPACES}>
        <ApplyForm wards={wards.map((w) => ({ id: w.id, name: w.name }))} />
      </ClientMessages>
    </div>
  );
}
