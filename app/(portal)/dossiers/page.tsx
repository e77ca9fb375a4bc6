import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import clsx from "clsx";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { criteriaSetOptions } from "@/lib/db/classification-options";
import { DOSSIER_PAGE_SIZE, listDossiers } from "@/lib/db/dossiers";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";
import { daysBetween, vietnamDateOf } from "@/lib/domain/dates";
import { DOSSIER_STATES } from "@/lib/domain/workflow";
import { formatDate } from "@/lib/i18n/format";
import { withParams, type SearchParams } from "@/lib/validation/search-params";
import { StatusPill } from "@/components/ocop/status-pill";
import { Pagination } from "@/components/ui/pagination";
import { HiddenFilters, ListFilterNote, type ListFilter } from "@/components/dashboard/list-filter-note";
import { buttonClass } from "@/components/ui/button";
import { DOSSIER_TONE } from "./dossier-ui";
import { ALL_STATUSES, dossierQueueFilters } from "./queue-filters";
import { DueDate, IntakeFlagList } from "./intake-flags";
import { ExportLink } from "@/components/ocop/export-link";

export default async function DossiersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/dossiers");
  if (!can(actor, "dossier.list", { type: "dashboard" })) notFound();
  const t = await getTranslations();
  const { filters, place } = await dossierQueueFilters(sp, actor.role);
  const official = actor.role !== "PRODUCER";
  const [{ rows, total, counts }, sets, placeLabels] = await Promise.all([listDossiers(actor, filters), criteriaSetOptions(), place ? wardFilterLabels(place) : null]);
  const today = vietnamDateOf(new Date());
  // Officials never see a producer's unsent draft, so that tab is the producer's alone.
  const statuses = DOSSIER_STATES.filter((s) => !official || s !== "DRAFT");
  const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";
  // Filters the dashboard's funnel opens this list with (issue 6); the form keeps them.
  const extra: ListFilter[] = [
    ...(filters.year ? [{ name: "year", value: filters.year, label: t("dashboardFilters.cycleYear", { year: filters.year }) }] : []),
    ...(filters.stage ? [{ name: "stage", value: filters.stage, label: t(`dashboardFilters.stage.${filters.stage}`) }] : []),
  ];
  const title = actor.role === "WARD_OFFICER" ? t("dossiers.wardQueue") : actor.role === "ECONOMIC_OFFICE" ? t("dossiers.officeQueue") : t("dossiers.title");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{title}</h1>
        {actor.role === "PRODUCER" ? <Link href="/dossiers/new" className={buttonClass("primary")}>{t("dossiers.new")}</Link> : null}
      </div>
      {actor.role === "WARD_OFFICER" ? <p className="mt-1 text-sm text-stone-700">{t("dossiers.wardQueueHint")}</p> : null}
      <nav aria-label={t("dossiers.statusFilter")} className="mt-4 flex flex-wrap gap-2 text-sm">
        <Link href={`/dossiers${withParams(sp, { status: actor.role === "WARD_OFFICER" || actor.role === "ECONOMIC_OFFICE" ? ALL_STATUSES : undefined, page: undefined })}`} aria-current={!filters.status ? "page" : undefined} className={clsx("rounded-full border px-3 py-1.5", !filters.status ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}>
          {t("dossiers.allStatuses")} ({Object.values(counts).reduce((a, b) => a + b, 0)})
        </Link>
        {statuses.map((s) => (
          <Link key={s} href={`/dossiers${withParams(sp, { status: s, page: undefined })}`} aria-current={filters.status === s ? "page" : undefined} className={clsx("rounded-full border px-3 py-1.5", filters.status === s ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300 bg-white")}>
            {t(`dossierStatus.${s}`)} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <ListFilterNote filters={extra} clearHref="/dossiers" />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("dossiers.filters")}>
        <input type="hidden" name="status" value={filters.status ?? ALL_STATUSES} />
        <HiddenFilters filters={extra} />
        <label className="flex flex-col text-sm">
          {t("dossiers.search")}
          <input name="q" defaultValue={filters.q} className={select} />
        </label>
        {place && placeLabels ? <WardFilter choice={place} labels={placeLabels} idPrefix="dossiers" controlClass={select} blockClass="flex flex-col text-sm" /> : null}
        <label className="flex flex-col text-sm">
          {t("dossiers.criteriaSet")}
          <select name="set" defaultValue={filters.criteriaSetNo ?? ""} className={clsx(select, "max-w-64")}>
            <option value="">{t("dossiers.allSets")}</option>
            {sets.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("dossiers.apply")}</button>
        <Link href="/dossiers" className={buttonClass("ghost")}>{t("dossiers.clear")}</Link>
      </form>
      <p className="mt-4 text-sm text-stone-700" aria-live="polite">{t("dossiers.count", { count: total })}</p>
      <ExportLink href="/dossiers/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2">{actor.role === "PRODUCER" && !filters.status && !filters.q ? t("dossiers.emptyProducer") : t("dossiers.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full min-w-[46rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("dossiers.productName")}</th>
                {official ? <th scope="col" className="p-2">{t("dossiers.producer")}</th> : null}
                <th scope="col" className="p-2">{t("dossiers.status")}</th>
                <th scope="col" className="p-2">{t("dossiers.wardDueOn")}</th>
                <th scope="col" className="p-2">{official ? t("dossiers.intakeFlags") : t("dossiers.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const due = r.status === "SUBMITTED" && r.wardDueOn ? vietnamDateOf(r.wardDueOn) : null;
                const late = due !== null && daysBetween(today, due) < 0;
                return (
                  <tr key={r.id} className={clsx("border-b border-stone-100 align-top", late && "bg-red-50")} data-testid={`dossier-row-${r.productName}`}>
                    <td className="p-2">
                      <Link href={`/dossiers/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">{r.productName}</Link>
                      <span className="block text-xs text-stone-600">
                        {t(`evaluationType.${r.evaluationType}`)} · {t("dossiers.setNo", { no: r.criteriaSetNo })}
                        {r.productCode ? <> · <span className="tabular-nums">{r.productCode}</span></> : null}
                      </span>
                    </td>
                    {official ? <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.producer.ward.name}</span></td> : null}
                    <td className="p-2">
                      <StatusPill tone={DOSSIER_TONE[r.status]}>{t(`dossierStatus.${r.status}`)}</StatusPill>
                      {!official && r.missingItems.length > 0 && (r.status === "RETURNED" || r.status === "SUPPLEMENT_REQUESTED") ? (
                        <span className="mt-1 block text-xs font-medium text-amber-900">{t("dossiers.missingCount", { count: r.missingItems.length })}</span>
                      ) : null}
                    </td>
                    <td className="p-2">{due ? <DueDate due={due} today={today} /> : "—"}</td>
                    <td className="p-2">{official ? <IntakeFlagList flags={r.flags} compact /> : formatDate(r.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/dossiers" searchParams={sp} page={filters.page ?? 1} pageSize={DOSSIER_PAGE_SIZE} total={total} />
    </>
  );
}
