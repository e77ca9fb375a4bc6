import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listClassification, listCriteriaSheetSummaries } from "@/lib/db/reference";

export const dynamic = "force-dynamic";

export default async function CriteriaIndexPage() {
  const t = await getTranslations("criteria");
  const [categories, sheets] = await Promise.all([listClassification(), listCriteriaSheetSummaries()]);
  const sheetBySet = new Map(sheets.map((s) => [s.criteriaSetNo, s]));
  const setLink = (no: number | null, label: string) =>
    no === null ? (
      label
    ) : (
      <Link href={`/criteria/${no}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
        {t("set", { no })}: {label}
        {sheetBySet.has(no) ? <span className="text-stone-600"> · {t("items", { count: sheetBySet.get(no)!.itemCount })}</span> : null}
      </Link>
    );
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>
      {categories.map((cat) => (
        <section key={cat.code} className="mt-8" aria-labelledby={`cat-${cat.code}`}>
          <h2 id={`cat-${cat.code}`} className="text-lg font-semibold">
            {cat.code}. {cat.name}
          </h2>
          <ul className="mt-2 space-y-2">
            {cat.groups.map((g) => (
              <li key={g.no} className="rounded-md border border-stone-200 bg-white p-3">
                {g.subGroups.length === 0 ? (
                  setLink(g.criteriaSetNo, g.name)
                ) : (
                  <>
                    <p className="font-medium">{g.no}. {g.name}</p>
                    <ul className="mt-1 space-y-1 pl-4">
                      {g.subGroups.map((s) => (
                        <li key={s.code}>{setLink(s.criteriaSetNo, `${s.code}) ${s.name}`)}</li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
