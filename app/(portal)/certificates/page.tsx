import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { CERTIFICATE_FILTERS, CERTIFICATE_PAGE_SIZE, displayStatus, isValidStatus, listCertificates, type CertificateFilter } from "@/lib/db/certificates";
import { daysBetween, vietnamDateOf } from "@/lib/domain/dates";
import { formatDate } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { HiddenFilters, ListFilterNote, type ListFilter } from "@/components/dashboard/list-filter-note";
import { StarRating } from "@/components/ocop/star-rating";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { ExportLink } from "@/components/ocop/export-link";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";
import { certificateListFilters } from "./list-filters";

const EXPIRING = [30, 60, 90, 180] as const;
const FILTER_LABEL: Record<CertificateFilter, string> = {
  valid: "certificates.filterValid",
  renewal: "certificates.filterRenewal",
  expired: "certificates.filterExpired",
  revoked: "certificates.filterRevoked",
  replaced: "certificates.filterReplaced",
};

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/certificates");
  if (!can(actor, "certificate.list", { type: "dashboard" })) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  // A ward officer and a producer have one ward (their scope); the place filter is for city-wide roles.
  const { filters: f, place } = await certificateListFilters(sp, actor);
  const placeFilter = place ? { choice: place, labels: await wardFilterLabels(place) } : null;
  const expiring = f.expiringWithin;
  const { rows, total, perStar } = await listCertificates(actor, f, today);
  const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";
  // Filters the dashboard's figures open this list with (issue 6); the form keeps them.
  const extra: ListFilter[] = [
    ...(f.issuedYear ? [{ name: "year", value: f.issuedYear, label: t("dashboardFilters.issuedYear", { year: f.issuedYear }) }] : []),
    ...(f.evaluationType ? [{ name: "type", value: f.evaluationType, label: t(`evaluationType.${f.evaluationType}`) }] : []),
    ...(f.revokedYear ? [{ name: "revokedYear", value: f.revokedYear, label: t("dashboardFilters.revokedYear", { year: f.revokedYear }) }] : []),
  ];
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("certificates.title")}</h1>
        {can(actor, "result.manage", { type: "round", id: "", council: null }) ? (
          <Link href="/results" className="text-brand-700 underline underline-offset-2">{t("certificates.resultsLink")}</Link>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-stone-700">{t("certificates.intro")}</p>
      <ListFilterNote filters={extra} clearHref="/certificates" />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("certificates.filters")}>
        <HiddenFilters filters={extra} />
        <label className="flex flex-col text-sm">
          {t("certificates.search")}
          <input name="q" defaultValue={f.q} className="min-h-11 rounded-md border border-stone-400 px-2" />
        </label>
        <label className="flex flex-col text-sm">
          {t("certificates.status")}
          <select name="status" defaultValue={f.status ?? ""} className={select}>
            <option value="">{t("certificates.allStatuses")}</option>
            {CERTIFICATE_FILTERS.map((s) => <option key={s} value={s}>{t(FILTER_LABEL[s] as never)}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("certificates.star")}
          <select name="star" defaultValue={f.star ?? ""} className={select}>
            <option value="">{t("certificates.allStars")}</option>
            {[3, 4, 5].map((s) => <option key={s} value={s}>{t("certificates.starOption", { count: s, total: perStar[s] ?? 0 })}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("certificates.expiring")}
          <select name="expiring" defaultValue={expiring ?? ""} className={select}>
            <option value="">{t("certificates.anyTime")}</option>
            {EXPIRING.map((d) => <option key={d} value={d}>{t("certificates.days", { count: d })}</option>)}
          </select>
        </label>
        {placeFilter ? <WardFilter {...placeFilter} idPrefix="certificates" controlClass={select} blockClass="flex flex-col text-sm" /> : null}
        <button className={buttonClass("secondary")}>{t("certificates.apply")}</button>
        <Link href="/certificates" className={buttonClass("ghost")}>{t("certificates.clear")}</Link>
      </form>
      <p className="mt-4 text-sm text-stone-700" aria-live="polite">{t("certificates.count", { count: total })}</p>
      <ExportLink href="/certificates/export" searchParams={sp} total={total} className="mt-2" />
      {rows.length === 0 ? (
        <p className="mt-2">{t("certificates.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("certificates.number")}</th>
                <th scope="col" className="p-2">{t("certificates.product")}</th>
                <th scope="col" className="p-2">{t("certificates.producer")}</th>
                <th scope="col" className="p-2">{t("certificates.star")}</th>
                <th scope="col" className="p-2">{t("certificates.issuedOn")}</th>
                <th scope="col" className="p-2">{t("certificates.expiresOn")}</th>
                <th scope="col" className="p-2">{t("certificates.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const status = displayStatus(r, today);
                const left = daysBetween(today, r.expiresOn.toISOString().slice(0, 10));
                const soon = isValidStatus(status) && left <= 30;
                return (
                  <tr key={r.id} className="border-b border-stone-100 align-top">
                    <td className="p-2 font-medium tabular-nums">
                      <Link href={`/certificates/${r.id}`} className="text-brand-700 underline underline-offset-2">{r.number}</Link>
                    </td>
                    <td className="p-2">{r.productName}</td>
                    <td className="p-2">{r.producer.name}<span className="block text-xs text-stone-600">{r.producer.ward.name}</span></td>
                    <td className="p-2 whitespace-nowrap"><StarRating stars={r.star} /><span className="block text-xs text-stone-600">{t(`certificates.levels.${r.level}`)}</span></td>
                    <td className="p-2 tabular-nums">{formatDate(r.issuedOn)}</td>
                    <td className="p-2 tabular-nums">
                      {formatDate(r.expiresOn)}
                      {isValidStatus(status) ? <span className={soon ? "block text-xs font-semibold text-red-700" : "block text-xs text-stone-600"}>{t("certificates.daysLeft", { count: left })}</span> : null}
                    </td>
                    <td className="p-2"><CertificateStatusBadge status={status} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/certificates" searchParams={sp} page={f.page} pageSize={CERTIFICATE_PAGE_SIZE} total={total} />
    </>
  );
}
