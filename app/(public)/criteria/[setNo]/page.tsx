import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findCriteriaSheet } from "@/lib/db/reference";

export const dynamic = "force-dynamic";

export default async function CriteriaSheetPage({ params }: { params: Promise<{ setNo: string }> }) {
  const { setNo } = await params;
  const no = Number(setNo);
  if (!Number.isInteger(no) || no < 1 || no > 99) notFound();
  const sheet = await findCriteriaSheet(no);
  if (!sheet) notFound();
  const t = await getTranslations("criteria");
  const c = await getTranslations("common");
  const data = sheet.data;
  return (
    // The regulation's text is Vietnamese whatever the interface language (WCAG 3.1.2).
    <article lang="vi" className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm text-stone-600">{data.source.document}</p>
      <h1 className="mt-1 text-2xl font-bold">{data.sheetTitle}</h1>
      {data.scope ? <p className="mt-1 text-stone-700">{data.scope}</p> : null}
      {data.knockOutConditions.length > 0 ? (
        <section className="mt-4 rounded-md border border-red-300 bg-red-50 p-4" aria-labelledby="ko">
          <h2 id="ko" className="font-semibold text-red-800">{t("knockOut")}</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {data.knockOutConditions.map((k) => <li key={k}>{k}</li>)}
          </ul>
        </section>
      ) : null}
      {data.parts.map((part) => (
        <section key={part.code} className="mt-8" aria-labelledby={`part-${part.code}`}>
          <h2 id={`part-${part.code}`} className="text-xl font-semibold">
            {t("part", { code: part.code })}: {part.name} <span className="text-stone-600">({c("points", { value: part.maxPoints })})</span>
          </h2>
          {part.headings.map((h) => (
            <div key={h.no} className="mt-4 rounded-md border border-stone-200 bg-white p-4">
              <h3 className="font-semibold">
                {h.no}. {h.name} <span className="font-normal text-stone-600">({c("points", { value: h.maxPoints })})</span>
              </h3>
              {h.items.map((item) => (
                <div key={item.code} className="mt-3">
                  {!h.scoredDirectly ? (
                    <p className="font-medium">
                      {item.code} {item.name} <span className="font-normal text-stone-600">({c("points", { value: item.maxPoints })})</span>
                    </p>
                  ) : null}
                  <ul className="mt-1 space-y-1 text-sm">
                    {item.options.map((o, i) => (
                      <li key={i} className="flex justify-between gap-4 border-b border-stone-100 py-1">
                        <span>
                          {o.text}
                          {o.minStarFor ? (
                            <span className="ml-2 whitespace-nowrap text-star" title={t("minStar", { star: o.minStarFor })}>
                              {"★".repeat(o.minStarFor)}
                              <span className="sr-only"> ({t("minStar", { star: o.minStarFor })})</span>
                            </span>
                          ) : null}
                        </span>
                        <span className="whitespace-nowrap tabular-nums text-stone-700">{o.points}</span>
                      </li>
                    ))}
                  </ul>
                  {item.knockOut ? <p className="mt-1 text-sm text-red-800">{item.knockOut}</p> : null}
                  {item.stopEvaluation ? <p className="mt-1 text-sm text-amber-800">{item.stopEvaluation}</p> : null}
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
      {data.starLegend ? <p className="mt-6 text-sm text-stone-700">{data.starLegend}</p> : null}
    </article>
  );
}
