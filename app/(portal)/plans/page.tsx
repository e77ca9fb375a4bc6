import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listPlans, PLAN_PAGE_SIZE } from "@/lib/db/plans";
import { listWards } from "@/lib/db/reference";
import { findRegionName } from "@/lib/db/admin-units";
import { HiddenFilters, ListFilterNote, type ListFilter } from "@/components/dashboard/list-filter-note";
import { BUSINESS_PLAN_STATES } from "@/lib/domain/workflow";
import { formatDateTime } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { ExportLink } from "@/components/ocop/export-link";
import { planListFilters } from "./list-filters";

export default async function PlansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/plans");
  if (!can(actor, "plan.list", { type: "dashboard" })) notFound();
  const t = await getTranslations();
  const f = planListFilters(sp, actor);
  const [{ rows, total }, wardName, provinceName] = await Promise.all([
    listPlans(actor, f),
    f.wardId ? listWards().then((ws) => ws.find((w) => w.id === f.wardId)?.name ?? "—") : undefined,
    f.provinceCode ? findRegionName(f.provinceCode) : undefined,
  ]);
  // Filters the dashboard's funnel opens this list with (issue 6); the form keeps them.
  const extra: ListFilter[] = [
    ...(f.year ? [{ name: "year", value: f.year, label: t("dashboardFilters.cycleYear", { year: f.year }) }] : []),
    ...(f.stage ? [{ name: "stage", value: f.stage, label: t(`dashboardFilters.stage.${f.stage}`) }] : []),
    ...(f.wardId ? [{ name: "ward", value: f.wardId, label: wardName ?? "" }] : []),
    ...(f.provinceCode ? [{ name: "province", value: f.provinceCode, label: provinceName ?? f.provinceCode }] : []),
    ...(f.supportYear ? [{ name: "supportYear", value: f.supportYear, label: t("dashboardFilters.supportYear", { year: f.supportYear }) }] : []),
    ...(f.supportYear && f.supportSource ? [{ name: "source", value: f.supportSource, label: t(`fundingSource.${f.supportSource}`) }] : []),
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">{t("plans.title")}</h1>
      <ListFilterNote filters={extra} clearHref="/plans" />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <HiddenFilters filters={extra} />
        <label className="flex flex-col text-sm">
          {t("ideas.search")}
          <input name="q" defaultValue={f.q} className="min-h-11 rounded-md border border-stone-400 px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("ideas.status")}
          <select name="status" defaultValue={f.status ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("ideas.allStatuses")}</option>
            {BUSINESS_PLAN_STATES.map((s) => <option key={s} value={s}>{t(`planStatus.${s}`)}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("ideas.apply")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("plans.count", { count: total })}</p>
      <ExportLink href="/plans/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? <p className="mt-2">{t("plans.empty")}</p> : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("ideas.productName")}</th>
                <th scope="col" className="p-2">{t("ideas.producer")}</th>
                <th scope="col" className="p-2">{t("ideas.status")}</th>
                <th scope="col" className="p-2">{t("ideas.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100">
                  <td className="p-2"><Link href={`/plans/${r.id}`} className="text-brand-700 underline underline-offset-2">{r.idea.productName}</Link></td>
                  <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.producer.ward.name}</span></td>
                  <td className="p-2"><StatusPill tone={r.status}>{t(`planStatus.${r.status}`)}</StatusPill></td>
                  <td className="p-2">{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/plans" searchParams={sp} page={f.page} pageSize={PLAN_PAGE_SIZE} total={total} />
    </>
  );
}
