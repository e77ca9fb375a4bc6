import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { annualPlanScope, listAnnualPlans } from "@/lib/db/annual-plans";
import { listWards } from "@/lib/db/reference";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate } from "@/lib/i18n/format";
import { TableBox, td, tdNum, th, thNum } from "@/components/dashboard/figure";

export const dynamic = "force-dynamic";

/**
 * The annual plans (kế hoạch OCOP hằng năm), one per cycle, newest first, with their overall
 * progress computed from the records. The office opens a cycle's plan from here; leaders and
 * wards read (a ward officer, its own ward's targets).
 */
export default async function AnnualPlansPage() {
  const actor = await requireActor("/annual-plans");
  const scope = annualPlanScope(actor);
  if (!scope) notFound();
  const today = vietnamDateOf(new Date());
  const [rows, wards] = await Promise.all([listAnnualPlans(actor, today), scope.wardId ? listWards() : Promise.resolve([])]);
  if (!rows) notFound();
  const t = await getTranslations("annualPlans");
  const manage = can(actor, "annualPlan.manage", { type: "annualPlan" });
  const ward = wards.find((w) => w.id === scope.wardId);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{ward ? t("introWard", { ward: ward.name }) : t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-4">{t("noCycles")}</p>
      ) : (
        <TableBox>
          <table className="w-full min-w-[44rem] border-collapse bg-white text-sm" data-testid="annual-plans">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className={th}>{t("year")}</th>
                <th scope="col" className={th}>{t("plan")}</th>
                <th scope="col" className={thNum}>{t("targetsCount")}</th>
                <th scope="col" className={th}>{t("overall")}</th>
                <th scope="col" className={thNum}>{t("overdueCount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year} className="border-b border-stone-100 align-top">
                  <th scope="row" className={`${td} text-left`}>{r.year}</th>
                  <td className={td}>
                    {r.plan ? (
                      <>
                        <Link href={`/annual-plans/${r.year}`} className="font-medium text-brand-700 underline underline-offset-2">{r.plan.title}</Link>
                        <span className="block text-xs text-stone-700">
                          {r.plan.decisionNumber ? t("decisionOn", { number: r.plan.decisionNumber, date: formatDate(r.plan.approvedOn) }) : t("notApproved")}
                        </span>
                      </>
                    ) : (
                      <>
                        <span className="text-stone-700">{t("noPlan", { cycle: r.cycleTitle })}</span>
                        {manage ? (
                          <Link href={`/annual-plans/${r.year}`} className="block text-brand-700 underline underline-offset-2">{t("createFor", { year: r.year })}</Link>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td className={tdNum}>{r.plan ? r.plan.targets : "—"}</td>
                  <td className={td}>
                    {r.plan && r.plan.overall.percent !== null ? (
                      <>
                        <span className="font-semibold tabular-nums">{r.plan.overall.percent} %</span>
                        <span className="block text-xs text-stone-700">
                          {t("overallDetail", { achieved: r.plan.overall.achieved, targets: r.plan.overall.targets, behind: r.plan.overall.behind })}
                        </span>
                        <progress aria-hidden="true" max={100} value={Math.min(100, r.plan.overall.percent)} className="mt-1 block h-2 w-32 accent-brand-700" />
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={tdNum}>{r.plan ? r.plan.overdue : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <p className="mt-3 max-w-3xl text-sm text-stone-700">{t("overallNote")}</p>
    </>
  );
}
