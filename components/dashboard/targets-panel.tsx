import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { annualPlanProgress } from "@/lib/db/annual-plans";
import type { IsoDate } from "@/lib/domain/dates";
import { TargetsTable } from "@/components/annual-plans/targets-table";

/**
 * "Targets vs actual" on the dashboard: the annual plan's targets of the selected year (of the
 * chosen ward when a city role picked one; a ward officer's own), each against what the records
 * achieved, in a table whose figures open their lists. Data: lib/db/annual-plans.ts.
 *
 * The page awaits it (`{await TargetsPanel(…)}`) rather than mounting it, and it awaits the table
 * likewise, so the dashboard stays one synchronous tree once its data is read (its integration
 * test renders it with renderToStaticMarkup, which cannot wait for an async component).
 */
export async function TargetsPanel({ actor, year, wardId, today }: { actor: Actor; year: number; wardId?: string; today: IsoDate }) {
  const t = await getTranslations("annualPlans");
  const progress = await annualPlanProgress(actor, year, { today, wardId });
  const citywide = actor.role !== "WARD_OFFICER";
  return (
    <section aria-labelledby="dash-targets" className="mt-8" data-testid="targets-panel">
      <h2 id="dash-targets" className="text-lg font-semibold">{t("panelTitle", { year })}</h2>
      {!progress ? (
        <p className="mt-1 text-sm text-stone-700">
          {t("panelNoPlan", { year })} <Link href="/annual-plans" className="text-brand-700 underline underline-offset-2">{t("title")}</Link>
        </p>
      ) : (
        <>
          <p className="mt-1 max-w-3xl text-sm text-stone-700">
            {progress.overall.percent === null ? t("noTargets") : t("panelSummary", { percent: progress.overall.percent, achieved: progress.overall.achieved, targets: progress.overall.targets, behind: progress.overall.behind })}{" "}
            <Link href={`/annual-plans/${year}`} className="text-brand-700 underline underline-offset-2">{t("panelPlanLink", { title: progress.plan.title })}</Link>
          </p>
          {progress.targets.length > 0 ? await TargetsTable({ targets: progress.targets, year, citywide, caption: t("panelTitle", { year }) }) : null}
        </>
      )}
    </section>
  );
}
