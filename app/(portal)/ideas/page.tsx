import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import clsx from "clsx";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { listCycleYears } from "@/lib/db/cycles";
import { IDEA_PAGE_SIZE, listIdeas } from "@/lib/db/ideas";
import { isOverdue, vietnamDateOf } from "@/lib/domain";
import { IDEA_STATES } from "@/lib/domain/workflow";
import { formatDate } from "@/lib/i18n/format";
import { withParams, type SearchParams } from "@/lib/validation/search-params";
import { queueFilters } from "./queue-filters";
import { StatusPill } from "@/components/ocop/status-pill";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { BulkDecision } from "./bulk-decision";
import { ExportLink } from "@/components/ocop/export-link";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";

export default async function IdeasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/ideas");
  if (!can(actor, "idea.list", { type: "dashboard" })) notFound();
  const t = await getTranslations();
  // A ward officer's queue is their ward, a producer's their own ideas: the place filter is for the others.
  const { filters, place } = await queueFilters(sp, actor);
  const placeFilter = place ? { choice: place, labels: await wardFilterLabels(place) } : null;
  const [{ rows, total, counts }, years, sets] = await Promise.all([
    listIdeas(actor, filters),
    listCycleYears(),
    criteriaSetOptions(),
  ]);
  const today = vietnamDateOf(new Date());
  // The detail page keeps the list's filters, so "save and go to the next" stays in this queue.
  const queryOfList = withParams(sp, { page: undefined });
  const statuses = IDEA_STATES.filter((s) => actor.role === "PRODUCER" || s !== "DRAFT");
  const bulk = actor.role === "ECONOMIC_OFFICE" && filters.status === "WARD_ACCEPTED";
  const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("ideas.title")}</h1>
        {actor.role === "PRODUCER" ? <Link href="/ideas/new" className={buttonClass("primary")}>{t("ideas.new")}</Link> : null}
      </div>
      <nav aria-label={t("ideas.status")} className="mt-4 flex flex-wrap gap-2 text-sm">
        <Link href={`/ideas${withParams(sp, { status: undefined, page: undefined })}`} aria-current={!filters.status ? "page" : undefined} className={clsx("rounded-full border px-3 py-1.5", !filters.status ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}>
          {t("ideas.allStatuses")} ({Object.values(counts).reduce((a, b) => a + b, 0)})
        </Link>
        {statuses.map((s) => (
          <Link key={s} href={`/ideas${withParams(sp, { status: s, page: undefined })}`} aria-current={filters.status === s ? "page" : undefined} className={clsx("rounded-full border px-3 py-1.5", filters.status === s ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}>
            {t(`ideaStatus.${s}`)} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("ideas.filters")}>
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <label className="flex flex-col text-sm">
          {t("ideas.search")}
          <input name="q" defaultValue={filters.q} className={select} />
        </label>
        {placeFilter ? <WardFilter {...placeFilter} idPrefix="ideas" controlClass={select} blockClass="flex flex-col text-sm" /> : null}
        <label className="flex flex-col text-sm">
          {t("ideas.cycleYear")}
          <select name="year" defaultValue={filters.year ?? ""} className={select}>
            <option value="">{t("ideas.allYears")}</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("ideas.classification")}
          <select name="set" defaultValue={filters.criteriaSetNo ?? ""} className={clsx(select, "max-w-64")}>
            <option value="">{t("ideas.allSets")}</option>
            {sets.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("ideas.apply")}</button>
        <Link href="/ideas" className={buttonClass("ghost")}>{t("ideas.clear")}</Link>
      </form>
      <p className="mt-4 text-sm text-stone-700" aria-live="polite">{t("ideas.count", { count: total })}</p>
      <ExportLink href="/ideas/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2">{t("ideas.empty")}</p>
      ) : (
        <BulkDecision enabled={bulk} ids={rows.map((r) => ({ id: r.id, name: r.productName }))}>
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
              <thead>
                <tr className="border-b border-stone-300 text-left">
                  {bulk ? <th scope="col" className="w-10 p-2"><span className="sr-only">{t("ideas.selectColumn")}</span></th> : null}
                  <th scope="col" className="p-2">{t("ideas.productName")}</th>
                  <th scope="col" className="p-2">{t("ideas.producer")}</th>
                  <th scope="col" className="p-2">{t("ideas.status")}</th>
                  <th scope="col" className="p-2">{t("ideas.dueOn")}</th>
                  <th scope="col" className="p-2">{t("ideas.cycleYear")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const due = r.wardDueOn ? vietnamDateOf(r.wardDueOn) : null;
                  const late = r.status === "SUBMITTED" && isOverdue(due, today);
                  return (
                    <tr key={r.id} className="border-b border-stone-100" data-testid={`idea-row-${r.productName}`}>
                      {bulk ? (
                        <td className="p-2">
                          <input type="checkbox" name="ideaIds" value={r.id} className="h-5 w-5" aria-label={t("ideas.select", { name: r.productName })} />
                        </td>
                      ) : null}
                      <td className="p-2"><Link href={`/ideas/${r.id}${queryOfList}`} className="text-brand-700 underline underline-offset-2">{r.productName}</Link></td>
                      <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.producer.ward.name}</span></td>
                      <td className="p-2"><StatusPill tone={r.status}>{t(`ideaStatus.${r.status}`)}</StatusPill></td>
                      <td className={clsx("p-2 tabular-nums", late && "font-semibold text-red-700")}>
                        {r.status === "SUBMITTED" ? formatDate(r.wardDueOn) : "—"}
                        {late ? <span className="block text-xs">{t("ideas.overdue")}</span> : null}
                      </td>
                      <td className="p-2">{r.cycleYear}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </BulkDecision>
      )}
      <Pagination basePath="/ideas" searchParams={sp} page={filters.page} pageSize={IDEA_PAGE_SIZE} total={total} />
    </>
  );
}
