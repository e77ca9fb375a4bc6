import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import clsx from "clsx";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { INSPECTION_PAGE_SIZE, INSPECTION_STATUS_FILTERS, listInspections } from "@/lib/db/inspections";
import { daysBetween, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { INSPECTION_CONCLUSIONS, INSPECTION_FOLLOW_UPS, INSPECTION_KINDS, isOverdue } from "@/lib/domain/inspections";
import { formatDate } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { ConclusionPill, InspectionStatusPill } from "@/components/inspections/status";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { inspectionListFilters } from "./list-filters";
import { ExportLink } from "@/components/ocop/export-link";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/inspections");
  if (!can(actor, "inspection.list", { type: "dashboard" })) notFound();
  const t = await getTranslations("inspections");
  const root = await getTranslations();
  const today = vietnamDateOf(new Date());
  // A ward officer and a producer are held to their scope; the place filter is for city-wide roles.
  const { filters: f, place } = await inspectionListFilters(sp, actor);
  const placeFilter = place ? { choice: place, labels: await wardFilterLabels(place) } : null;
  const canPlan = actor.role === "ECONOMIC_OFFICE";
  const { rows, total, counts } = await listInspections(actor, f, { today });
  const all = counts.PLANNED + counts.CONCLUDED + counts.CANCELLED;
  const year = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => year + 1 - i);
  if (f.year && !years.includes(f.year)) years.push(f.year);
  const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";
  const intro = actor.role === "PRODUCER" ? t("introProducer") : actor.role === "WARD_OFFICER" ? t("introWard") : t("intro");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {canPlan ? <Link href="/inspections/new" className={buttonClass("primary")}>{t("new")}</Link> : null}
      </div>
      <p className="mt-1 max-w-3xl text-sm text-stone-700">{intro}</p>
      <StatusTabs
        label={t("byStatus")}
        basePath="/inspections"
        searchParams={sp}
        current={f.status}
        tabs={[{ key: undefined, label: t("all"), count: all }, ...INSPECTION_STATUS_FILTERS.map((s) => ({ key: s, label: t(`status.${s}`), count: counts[s] }))]}
      />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("filters")}>
        {f.status ? <input type="hidden" name="status" value={f.status} /> : null}
        {f.certificateId ? <input type="hidden" name="certificate" value={f.certificateId} /> : null}
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" defaultValue={f.q} className={clsx(select, "min-w-60")} />
        </label>
        <label className="flex flex-col text-sm">
          {t("kind")}
          <select name="kind" defaultValue={f.kind ?? ""} className={select}>
            <option value="">{t("allKinds")}</option>
            {INSPECTION_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("conclusion")}
          <select name="conclusion" defaultValue={f.conclusion ?? ""} className={select}>
            <option value="">{t("allConclusions")}</option>
            {INSPECTION_CONCLUSIONS.map((c) => <option key={c} value={c}>{t(`conclusions.${c}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("followUp")}
          <select name="followUp" defaultValue={f.followUp ?? ""} className={select}>
            <option value="">{t("allFollowUps")}</option>
            {INSPECTION_FOLLOW_UPS.map((c) => <option key={c} value={c}>{t(`followUps.${c}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("year")}
          <select name="year" defaultValue={f.year ?? ""} className={select}>
            <option value="">{t("allYears")}</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        {placeFilter ? <WardFilter {...placeFilter} idPrefix="inspections" controlClass={select} blockClass="flex flex-col text-sm" /> : null}
        <button className={buttonClass("secondary")}>{t("apply")}</button>
        <Link href="/inspections" className={buttonClass("ghost")}>{t("clear")}</Link>
      </form>
      <p className="mt-4 text-sm text-stone-700" aria-live="polite">{t("count", { count: total })}</p>
      <ExportLink href="/inspections/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2">{actor.role === "PRODUCER" && all === 0 ? t("emptyProducer") : t("empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("product")}</th>
                <th scope="col" className="p-2">{t("producer")}</th>
                <th scope="col" className="p-2">{t("kind")}</th>
                <th scope="col" className="p-2">{t("date")}</th>
                <th scope="col" className="p-2">{t("statusLabel")}</th>
                <th scope="col" className="p-2">{t("result")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const plannedOn = isoOf(r.plannedOn);
                const late = isOverdue(r.status, plannedOn, today);
                return (
                  <tr key={r.id} className={clsx("border-b border-stone-100 align-top", late && "bg-red-50")} data-testid={`inspection-row-${r.id}`}>
                    <td className="p-2">
                      <Link href={`/inspections/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.certificate.productName}</Link>
                      <span className="block text-xs tabular-nums text-stone-600">{r.certificate.number} · {root("common.stars", { count: r.certificate.star })}</span>
                    </td>
                    <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.ward.name}</span></td>
                    <td className="p-2">{t(`kinds.${r.kind}`)}</td>
                    <td className="p-2 tabular-nums">
                      {formatDate(r.inspectedOn ?? r.plannedOn)}
                      {late ? <span className="block text-xs font-medium text-red-800">{t("overdueDays", { days: daysBetween(plannedOn, today) })}</span> : null}
                    </td>
                    <td className="p-2"><InspectionStatusPill status={r.status} overdue={late} /></td>
                    <td className="p-2">
                      {r.conclusion ? <ConclusionPill conclusion={r.conclusion} /> : "—"}
                      {r.followUp && r.followUp !== "NONE" ? <span className="mt-1 block text-xs font-medium text-red-900">{t(`followUps.${r.followUp}`)}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/inspections" searchParams={sp} page={f.page} pageSize={INSPECTION_PAGE_SIZE} total={total} />
    </>
  );
}
