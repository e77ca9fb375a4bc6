import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

// The datasets the portal publishes (served by app/api/open-data/*): what is in them and how to
// read them, for journalists, buyers and other government systems.
const DATASETS = [
  { key: "products", json: "/api/open-data/products.json", csv: "/api/open-data/products.csv" },
  { key: "pointsOfSale", json: "/api/open-data/points-of-sale.json", csv: "/api/open-data/points-of-sale.csv" },
] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openData");
  return { title: t("title"), description: t("intro"), openGraph: { title: t("title"), description: t("intro"), url: "/open-data" } };
}

export default async function OpenDataPage() {
  const t = await getTranslations("openData");
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>
      <ul className="mt-6 space-y-4">
        {DATASETS.map((d) => (
          <li key={d.key} className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{t(`${d.key}.title`)}</h2>
            <p className="mt-1 text-sm text-stone-700">{t(`${d.key}.fields`)}</p>
            <p className="mt-3 flex flex-wrap gap-4">
              <a className="font-medium text-brand-800 underline" href={d.csv}>{t("downloadCsv", { name: t(`${d.key}.title`) })}</a>
              <a className="font-medium text-brand-800 underline" href={d.json}>{t("downloadJson", { name: t(`${d.key}.title`) })}</a>
            </p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-semibold">{t("formatTitle")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-800">
        <li>{t("formatCsv")}</li>
        <li>{t("formatJson")}</li>
        <li>{t("formatFreshness")}</li>
      </ul>
    </div>
  );
}
