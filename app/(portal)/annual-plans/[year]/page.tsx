import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { annualPlanProgress, annualPlanScope, findCycleByYear } from "@/lib/db/annual-plans";
import { listWards } from "@/lib/db/reference";
import { listHref } from "@/lib/domain/dashboard";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate, formatVnd } from "@/lib/i18n/format";
import { FigureLink, TableBox, td, tdNum, th, thNum } from "@/components/dashboard/figure";
import { ActivityDone, AddActivityButton, EditActivityButton } from "@/components/annual-plans/activity-form";
import { AddBudgetLineButton, EditBudgetLineButton } from "@/components/annual-plans/budget-line-form";
import { DeleteItem } from "@/components/annual-plans/delete-item";
import { CreatePlanForm, EditPlanHeaderButton } from "@/components/annual-plans/header-form";
import { AddTargetButton, EditTargetButton } from "@/components/annual-plans/target-form";
import { TargetsTable } from "@/components/annual-plans/targets-table";
import { ACTIVITY_TONE } from "@/components/annual-plans/tones";
import { StatusPill } from "@/components/ocop/status-pill";
import { Facts } from "@/components/ui/facts";

export const dynamic = "force-dynamic";

const card = "rounded-lg border border-stone-200 bg-white p-4";

/**
 * The annual plan of one cycle: its targets against what the records achieved (each figure opens
 * the list behind it), the budget planned against the support spent by funding source, and the
 * activities of the six steps as a timeline with the overdue ones marked. The office edits; a
 * ward officer reads its own ward's targets (the budget is the city's).
 */
export default async function AnnualPlanPage({ params }: { params: Promise<{ year: string }> }) {
  const { year: raw } = await params;
  const actor = await requireActor(`/annual-plans/${raw}`);
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  const scope = annualPlanScope(actor);
  if (!scope || !(year >= 2000 && year <= 2100)) notFound();
  const today = vietnamDateOf(new Date());
  const manage = can(actor, "annualPlan.manage", { type: "annualPlan" });
  const [progress, wards] = await Promise.all([annualPlanProgress(actor, year, { today }), listWards()]);
  const t = await getTranslations("annualPlans");
  const root = await getTranslations();
  const back = <p className="text-sm"><Link href="/annual-plans" className="text-brand-700 underline underline-offset-2">{t("title")}</Link></p>;

  if (!progress) {
    const cycle = await findCycleByYear(year);
    if (!cycle) notFound();
    return (
      <>
        {back}
        <h1 className="mt-1 text-2xl font-bold">{manage ? t("createTitle", { year }) : t("noPlanTitle", { year })}</h1>
        <p className="mt-1 max-w-3xl text-stone-700">{manage ? t("createIntro", { cycle: cycle.title }) : t("noPlan", { cycle: cycle.title })}</p>
        {manage ? <CreatePlanForm year={year} /> : null}
      </>
    );
  }

  const { plan, targets, overall, budget, steps, windows } = progress;
  const ward = wards.find((w) => w.id === scope.wardId);
  const citywide = scope.wardId === null;
  const wardOptions = wards.map((w) => ({ id: w.id, name: w.name }));
  const overdue = progress.activities.filter((a) => a.state === "OVERDUE").length;
  const stepName = (n: number) => t(`steps.${n}`);

  return (
    <div data-testid="annual-plan">
      {back}
      <h1 className="mt-1 text-2xl font-bold">{plan.title}</h1>
      <p className="text-stone-700">{plan.cycleTitle} · {ward ? t("scopeWard", { ward: ward.name }) : t("scopeCity")} · {t("asOf", { date: formatDate(today) })}</p>
      <Facts
        facts={[
          [t("decisionNumber"), plan.decisionNumber || t("notApproved")],
          [t("approvedOn"), formatDate(plan.approvedOn)],
          ...(plan.note ? [[t("note"), <span key="note" className="whitespace-pre-line">{plan.note}</span>] as [string, ReactNode]] : []),
        ]}
      />
      {manage ? (
        <div className="mt-3">
          <EditPlanHeaderButton planId={plan.id} version={plan.version} initial={{ title: plan.title, decisionNumber: plan.decisionNumber, approvedOn: plan.approvedOn ?? "", note: plan.note }} />
        </div>
      ) : null}

      <section aria-labelledby="plan-overall" className={`${card} mt-6`}>
        <h2 id="plan-overall" className="text-lg font-semibold">{t("overall")}</h2>
        {overall.percent === null ? (
          <p className="mt-1 text-sm">{t("noTargets")}</p>
        ) : (
          <>
            <p className="mt-1 text-3xl font-bold tabular-nums">{overall.percent} %</p>
            <p className="text-sm text-stone-700">{t("overallDetail", { achieved: overall.achieved, targets: overall.targets, behind: overall.behind })}</p>
            <progress aria-hidden="true" max={100} value={Math.min(100, overall.percent)} className="mt-2 block h-2 w-full max-w-md accent-brand-700" />
          </>
        )}
        <p className="mt-2 text-sm">{t("overdueSummary", { count: overdue })}</p>
      </section>

      <section aria-labelledby="plan-targets" className="mt-8">
        <h2 id="plan-targets" className="text-lg font-semibold">{t("targetsTitle")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("targetsIntro")}</p>
        {/* Awaited rather than mounted, as on the dashboard (components/dashboard/targets-panel.tsx). */}
        {await TargetsTable({
          targets,
          year: plan.year,
          citywide,
          caption: t("targetsTitle"),
          actions: manage
            ? (r, name) => (
                <>
                  <EditTargetButton planId={plan.id} wards={wardOptions} name={name} target={{ targetId: r.id, kind: r.kind, star: r.star, wardId: r.wardId, quantity: r.quantity }} />
                  <DeleteItem what="target" planId={plan.id} itemId={r.id} name={name} />
                </>
              )
            : undefined,
        })}
        {manage ? <div className="mt-3"><AddTargetButton planId={plan.id} wards={wardOptions} /></div> : null}
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium">{t("definitions")}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {(["NEW_PRODUCTS", "UPGRADES", "RE_EVALUATIONS", "IDEAS", "BUSINESS_PLANS", "POINTS_OF_SALE"] as const).map((k) => <li key={k}>{t(`definition.${k}`)}</li>)}
            <li>{t("paceDefinition")}</li>
          </ul>
        </details>
      </section>

      <section aria-labelledby="plan-budget" className="mt-8">
        <h2 id="plan-budget" className="text-lg font-semibold">{t("budgetTitle")}</h2>
        {!budget ? (
          <p className="mt-1 text-sm text-stone-700">{t("budgetCityOnly")}</p>
        ) : (
          <>
            <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("budgetIntro", { year: plan.year })}</p>
            {budget.bySource.length === 0 ? (
              <p className="mt-2 text-sm">{t("noBudget")}</p>
            ) : (
              <TableBox>
                <table className="w-full min-w-[36rem] border-collapse bg-white text-sm" data-testid="budget-by-source">
                  <caption className="sr-only">{t("budgetBySource")}</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className={th}>{t("source")}</th>
                      <th scope="col" className={thNum}>{t("planned")}</th>
                      <th scope="col" className={thNum}>{t("spent")}</th>
                      <th scope="col" className={thNum}>{t("remaining")}</th>
                      <th scope="col" className={thNum}>{t("percent")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {budget.bySource.map((r) => (
                      <tr key={r.source} className="border-b border-stone-100">
                        <th scope="row" className={`${td} text-left font-normal`}>{root(`fundingSource.${r.source}`)}</th>
                        <td className={tdNum}>{formatVnd(r.planned)}</td>
                        <td className={tdNum}>
                          <FigureLink count={formatVnd(r.spent)} href={r.spent > BigInt(0) ? listHref("/plans", { supportYear: plan.year, source: r.source }) : null} label={t("spentLink", { amount: formatVnd(r.spent), source: root(`fundingSource.${r.source}`) })} />
                        </td>
                        <td className={`${tdNum} ${r.over ? "font-semibold text-red-800" : ""}`}>{formatVnd(r.remaining)}{r.over ? <span className="block text-xs">{t("overBudget")}</span> : null}</td>
                        <td className={tdNum}>{r.percent === null ? "—" : `${r.percent} %`}</td>
                      </tr>
                    ))}
                    <tr className="border-t border-stone-300 font-semibold">
                      <th scope="row" className={`${td} text-left`}>{t("total")}</th>
                      <td className={tdNum}>{formatVnd(budget.planned)}</td>
                      <td className={tdNum}>{formatVnd(budget.spent)}</td>
                      <td className={tdNum}>{formatVnd(budget.planned - budget.spent)}</td>
                      <td className={tdNum}>{budget.planned > BigInt(0) ? `${Number((budget.spent * BigInt(100)) / budget.planned)} %` : "—"}</td>
                    </tr>
                  </tbody>
                </table>
              </TableBox>
            )}
            <h3 className="mt-6 font-semibold">{t("budgetLines")}</h3>
            {budget.lines.length === 0 ? (
              <p className="mt-1 text-sm">{t("noBudget")}</p>
            ) : (
              <TableBox>
                <table className="w-full min-w-[40rem] border-collapse bg-white text-sm" data-testid="budget-lines">
                  <caption className="sr-only">{t("budgetLines")}</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className={th}>{t("description")}</th>
                      <th scope="col" className={th}>{t("source")}</th>
                      <th scope="col" className={th}>{t("step")}</th>
                      <th scope="col" className={thNum}>{t("amount")}</th>
                      {manage ? <th scope="col" className={th}>{t("actions")}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {budget.lines.map((l) => (
                      <tr key={l.id} className="border-b border-stone-100 align-top">
                        <th scope="row" className={`${td} text-left font-normal`}>{l.description}</th>
                        <td className={td}>{root(`fundingSource.${l.source}`)}</td>
                        <td className={td}>{l.stepNo ? t("stepShort", { step: l.stepNo }) : t("allSteps")}</td>
                        <td className={tdNum}>{formatVnd(l.amount)}</td>
                        {manage ? (
                          <td className={td}>
                            <div className="flex flex-wrap items-center gap-1">
                              <EditBudgetLineButton planId={plan.id} line={{ lineId: l.id, source: l.source, stepNo: l.stepNo, description: l.description, amount: l.amount.toString() }} />
                              <DeleteItem what="line" planId={plan.id} itemId={l.id} name={l.description} />
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            )}
            {manage ? <div className="mt-3"><AddBudgetLineButton planId={plan.id} /></div> : null}
          </>
        )}
      </section>

      <section aria-labelledby="plan-activities" className="mt-8">
        <h2 id="plan-activities" className="text-lg font-semibold">{t("activitiesTitle")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("activitiesIntro")}</p>
        <ol className="mt-3 space-y-4" data-testid="activity-timeline">
          {steps.map((s) => {
            const stepWindow = windows.find((w) => w.stepNo === s.stepNo);
            return (
              <li key={s.stepNo} className={card}>
                <h3 className="font-semibold">{t("stepLabel", { step: s.stepNo, name: stepName(s.stepNo) })}</h3>
                {stepWindow ? <p className="text-sm text-stone-700">{t("stepWindow", { from: formatDate(stepWindow.startsOn), to: formatDate(stepWindow.endsOn) })}</p> : null}
                {s.activities.length === 0 ? (
                  <p className="mt-2 text-sm text-stone-700">{t("noActivities")}</p>
                ) : (
                  <ul className="mt-2 space-y-2 border-l-2 border-stone-200 pl-3">
                    {s.activities.map((a) => (
                      <li key={a.id} className={a.state === "OVERDUE" ? "rounded-md bg-red-50 p-2" : "p-2"} data-testid={`activity-${a.state}`}>
                        <p className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{a.title}</span>
                          <StatusPill tone={ACTIVITY_TONE[a.state]}>{t(`activityState.${a.state}`)}</StatusPill>
                        </p>
                        <p className="text-sm text-stone-700">
                          {t("activityDates", { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}
                          {a.owner ? ` · ${a.owner}` : ""}
                          {a.doneOn ? ` · ${t("doneOnDate", { date: formatDate(a.doneOn) })}` : ""}
                        </p>
                        {manage ? (
                          <div className="mt-1 flex flex-wrap items-end gap-2">
                            <ActivityDone planId={plan.id} activityId={a.id} title={a.title} doneOn={a.doneOn} today={today} />
                            <EditActivityButton planId={plan.id} year={plan.year} activity={{ activityId: a.id, stepNo: a.stepNo, title: a.title, owner: a.owner, startsOn: a.startsOn, endsOn: a.endsOn }} />
                            <DeleteItem what="activity" planId={plan.id} itemId={a.id} name={a.title} />
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
                {manage ? <div className="mt-2"><AddActivityButton planId={plan.id} year={plan.year} stepNo={s.stepNo} stepName={stepName(s.stepNo)} /></div> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
