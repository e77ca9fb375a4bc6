import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { PLAN_ACTION_PERMISSION } from "@/lib/auth/workflow-permissions";
import { findPlan, listSupport, planResource } from "@/lib/db/plans";
import { listStatusEvents } from "@/lib/db/timeline";
import { vietnamDateOf } from "@/lib/domain";
import { BUSINESS_PLAN_MACHINE, allowedActions, isEditableByOwner, isReportingPhase, isSupportPhase } from "@/lib/domain/workflow";
import { formatDate, formatVnd } from "@/lib/i18n/format";
import { Attachments } from "@/components/ocop/attachments";
import { StatusPill } from "@/components/ocop/status-pill";
import { Timeline } from "@/components/ocop/timeline";
import { buttonClass } from "@/components/ui/button";
import { CommentPanel, MilestoneReport, PlanActions, SupportForm, SupportStatus } from "./plan-panels";

type Year = { year: number; revenue: number | null; cost: number | null; profit: number | null };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/plans/${id}`);
  const plan = await findPlan(actor, id);
  if (!plan) notFound();
  const t = await getTranslations();
  const resource = planResource(plan);
  const actions = allowedActions(BUSINESS_PLAN_MACHINE, plan.status).filter((a) => can(actor, PLAN_ACTION_PERMISSION[a], resource));
  const [events, support] = await Promise.all([listStatusEvents({ entityType: "BusinessPlan", id: plan.id }), listSupport(plan)]);
  const canEdit = can(actor, "plan.edit", resource) && isEditableByOwner(BUSINESS_PLAN_MACHINE, plan.status);

  const canManageSupport = can(actor, "plan.manageSupport", resource);
  const canSupport = canManageSupport && isSupportPhase(plan.status);
  const canReportNow = can(actor, "plan.reportMilestone", resource) && isReportingPhase(plan.status);
  const today = vietnamDateOf(new Date());
  const money = (n: number | null) => (n === null ? "—" : formatVnd(n));
  const sections = (["market", "production", "capacity", "rawMaterialArea", "packaging", "capital", "fundingSources", "labour"] as const).map((k) => [t(`plans.${k}`), plan[k] || "—"] as const);
  return (
    <>
      <p className="text-sm"><Link href="/plans" className="text-brand-700 underline underline-offset-2">{t("plans.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{plan.idea.productName}</h1>
      <p className="text-stone-700">{plan.producer.name} · {plan.producer.ward.name}</p>
      <div className="mt-2"><StatusPill tone={plan.status}>{t(`planStatus.${plan.status}`)}</StatusPill></div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
        {sections.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-stone-700">{k}</dt>
            <dd className="whitespace-pre-line">{v}</dd>
          </div>
        ))}
        <dt className="font-medium text-stone-700">{t("plans.standards")}</dt>
        <dd>{plan.standards.length ? plan.standards.map((s) => t(`standardNames.${s}` as never)).join(", ") : "—"}</dd>
      </dl>
      <section aria-labelledby="fin" className="mt-6">
        <h2 id="fin" className="text-lg font-semibold">{t("plans.financials")}</h2>
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-[32rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("plans.year")}</th>
                <th scope="col" className="p-2 text-right">{t("plans.revenue")}</th>
                <th scope="col" className="p-2 text-right">{t("plans.cost")}</th>
                <th scope="col" className="p-2 text-right">{t("plans.profit")}</th>
              </tr>
            </thead>
            <tbody>
              {(plan.financials as Year[]).map((y) => (
                <tr key={y.year} className="border-b border-stone-100">
                  <th scope="row" className="p-2 text-left font-medium">{y.year}</th>
                  <td className="p-2 text-right tabular-nums">{money(y.revenue)}</td>
                  <td className="p-2 text-right tabular-nums">{money(y.cost)}</td>
                  <td className="p-2 text-right tabular-nums">{money(y.profit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {canEdit ? <p className="mt-4"><Link href={`/plans/${plan.id}/edit`} className={buttonClass("secondary")}>{t("plans.edit")}</Link></p> : null}
      <PlanActions planId={plan.id} name={plan.idea.productName} actions={actions} />
      <section aria-labelledby="ms" className="mt-8">
        <h2 id="ms" className="text-lg font-semibold">{t("plans.milestones")}</h2>
        {plan.milestones.length === 0 ? <p className="mt-2 text-stone-600">—</p> : (
          <ol className="mt-2 space-y-2">
            {plan.milestones.map((m) => (
              <li key={m.id} className="rounded-md border border-stone-200 bg-white p-3">
                <p className="font-medium">{m.title}</p>
                <p className="text-sm text-stone-700">{t("plans.dueOn")}: {formatDate(m.dueOn)}</p>
                {m.reportedAt ? (
                  <p className="mt-1 text-sm"><span className="text-brand-700">{t("plans.reported", { date: formatDate(m.doneOn) })}</span> — {m.report}</p>
                ) : canReportNow ? (
                  <MilestoneReport planId={plan.id} milestoneId={m.id} title={m.title} today={today} />
                ) : (
                  <p className="text-sm text-stone-600">{t("plans.notReported")}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="support" className="mt-8">
        <h2 id="support" className="text-lg font-semibold">{t("plans.support")}</h2>
        {support.rows.length === 0 ? <p className="mt-2 text-stone-600">{t("plans.supportEmpty")}</p> : (
          <>
            <ul className="mt-2 space-y-2" data-testid="support-log">
              {support.rows.map((s) => (
                <li key={s.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                  <p className="font-medium">{t(`supportKind.${s.kind}`)} · {formatDate(s.date)} · {t(`supportStatus.${s.status}`)}</p>
                  <p>{t(`fundingSource.${s.fundingSource}`)}{s.amount !== null ? ` · ${formatVnd(s.amount)}` : ""}</p>
                  {s.note ? <p className="text-stone-700">{s.note}</p> : null}
                  {canManageSupport ? <SupportStatus planId={plan.id} supportId={s.id} status={s.status} /> : null}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm font-medium">{t("plans.supportTotal", { amount: formatVnd(support.total) })}</p>
          </>
        )}
        {canSupport ? <SupportForm planId={plan.id} today={today} /> : null}
      </section>
      <Attachments entity={{ type: "BusinessPlan", id: plan.id }} canUpload={canEdit || canReportNow} />
      {can(actor, "plan.comment", resource) ? <CommentPanel planId={plan.id} /> : null}
      <Timeline events={events} statusNamespace="planStatus" />
    </>
  );
}
