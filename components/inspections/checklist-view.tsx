import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import { CHECKLIST_ITEMS, type Checklist } from "@/lib/domain/inspections";

const RESULT_TONE = { MET: "text-brand-800", NOT_MET: "font-semibold text-red-800", NOT_CHECKED: "text-stone-600" } as const;

/** The answers to the items of QĐ26 Art. 9.2, each with its legal basis and the team's note. */
export async function ChecklistView({ checklist, concluded }: { checklist: Checklist; concluded: boolean }) {
  const t = await getTranslations("inspections");
  return (
    <section aria-labelledby="inspection-checklist" className="mt-6">
      <h2 id="inspection-checklist" className="text-lg font-semibold">{t("checklistTitle")}</h2>
      {concluded ? null : <p className="mt-1 text-sm text-stone-700">{t("checklistPending")}</p>}
      <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="inspection-checklist">
        {CHECKLIST_ITEMS.map((item) => {
          const answer = checklist[item.key];
          const result = answer.met === true ? "MET" : answer.met === false ? "NOT_MET" : "NOT_CHECKED";
          return (
            <li key={item.key} className="grid gap-1 p-3 sm:grid-cols-[1fr_9rem] sm:gap-4">
              <div>
                <p className="font-medium">{t(`checks.${item.key}`)}</p>
                <p className="text-xs text-stone-600">{t("citation", { citation: item.citation })}</p>
                {answer.note ? <p className="mt-1 whitespace-pre-line text-sm">{answer.note}</p> : null}
              </div>
              <p className={clsx("sm:text-right", RESULT_TONE[result])}>{concluded ? t(`checkResults.${result}`) : "—"}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
