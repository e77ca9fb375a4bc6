import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { nextRoundNo, roundDefaults } from "@/lib/db/rounds";
import { getRuleSet } from "@/lib/domain/rule-sets";
import { vietnamDateOf } from "@/lib/domain/dates";
import { intParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { NewRoundForm } from "@/components/council/round-form";

export default async function NewRoundPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/rounds/new");
  if (!can(actor, "round.manage", { type: "round", id: "", council: null })) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const year = intParam(sp, "year", 2019, 2100) ?? Number(today.slice(0, 4));
  const no = await nextRoundNo(year);
  const d = roundDefaults(year, no, today);
  const ruleSet = d.ruleSetCode ? getRuleSet(d.ruleSetCode) : null;
  return (
    <>
      <p className="text-sm"><Link href="/rounds" className="text-brand-700 underline underline-offset-2">{t("rounds.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("rounds.newTitle")}</h1>
      <form className="mt-4 flex flex-wrap items-end gap-2" aria-label={t("rounds.year")}>
        <label className="flex flex-col text-sm">
          {t("rounds.year")}
          <input name="year" type="number" min={2019} max={2100} defaultValue={year} className="min-h-11 w-28 rounded-md border border-stone-400 px-2" />
        </label>
        <button className={buttonClass("secondary")}>{t("rounds.changeYear")}</button>
      </form>
      <div className="mt-4 max-w-3xl rounded-md border border-sky-200 bg-sky-50 p-3 text-sm">
        <p>{t("rounds.defaultsFrom", { no, year, ruleSet: ruleSet?.name ?? t("rounds.noRuleSet") })}</p>
        {d.proposalsBy ? null : <p className="mt-1 font-medium text-amber-900">{t("rounds.noCalendar")}</p>}
      </div>
      <NewRoundForm
        key={`${year}-${no}`}
        defaults={{
          cycleYear: year,
          title: d.title,
          level: d.level,
          proposalsBy: d.proposalsBy ?? "",
          completeBy: d.completeBy ?? "",
          maxSpread: d.maxSpread,
          knockOutRule: d.knockOutRule,
          councilDecision: "",
        }}
      />
    </>
  );
}
