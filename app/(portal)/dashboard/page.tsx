import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listCycleYears } from "@/lib/db/cycles";
import { listWardsWithRegion, wardPlaces } from "@/lib/db/admin-units";
import { dashboardData, dashboardScope } from "@/lib/db/dashboard";
import { DASHBOARD_STARS, EXPIRING_WITHIN_DAYS, FUNNEL_STAGES, funnelHref, funnelShares, listHref, yearOptions, type PlaceParams } from "@/lib/domain/dashboard";
import { choosePlace } from "@/lib/domain/places";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDate, formatVnd } from "@/lib/i18n/format";
import { intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { FigureLink, STAR_COLORS, TableBox, td, tdNum, th, thNum } from "@/components/dashboard/figure";
import { LazyBarChart } from "@/components/dashboard/lazy-bar-chart";
import { TargetsPanel } from "@/components/dashboard/targets-panel";
import { buttonClass } from "@/components/ui/button";
import { WardFilter, wardFilterLabels } from "@/components/ocop/ward-filter";

export const dynamic = "force-dynamic";

const card = "rounded-lg border border-stone-200 bg-white p-4";
const select = "min-h-11 rounded-md border border-stone-400 bg-white px-2";

/**
 * The leaders' dashboard (issue 6 part 2): the city for the Economic Office and leaders, the own
 * ward for a ward officer (from the session, never the URL). Every number links to the list that
 * shows it; every chart has a table of its numbers. Definitions: lib/domain/dashboard.ts.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/dashboard");
  const citywide = actor.role !== "WARD_OFFICER";
  const [wards, cycleYears] = await Promise.all([listWardsWithRegion(), listCycleYears()]);
  const place = choosePlace(wardPlaces(wards, "id"), textParam(sp, "province", 10), textParam(sp, "ward", 64));
  const placeLabels = await wardFilterLabels(place);
  const requestedWard = citywide ? place.ward : undefined;
  const requestedProvince = citywide && !requestedWard ? place.region : undefined;
  const scope = dashboardScope(actor, requestedWard?.value, requestedProvince?.code);
  if (!scope) notFound();
  const t = await getTranslations("dashboard");
  const root = await getTranslations();
  const today = vietnamDateOf(new Date());
  const currentYear = Number(today.slice(0, 4));
  const year = intParam(sp, "year", 2000, 2100) ?? currentYear;
  const f = { year, wardId: requestedWard?.value, provinceCode: requestedProvince?.code };
  const years = yearOptions(currentYear, [...cycleYears, year]);
  const data = await dashboardData(actor, f, today);
  if (!data) notFound();
  const { headline, funnel, breakdowns, trend } = data;
  const ward = wards.find((w) => w.id === scope.wardId);
  // Portal lists are scoped by the session: only a city role's chosen place goes in their URL. The
  // public catalogue is not scoped, so it always gets the ward (by its code) or the province.
  const placeParams: PlaceParams = requestedWard ? { ward: requestedWard.value } : requestedProvince ? { province: requestedProvince.code } : {};
  const wardParam = requestedWard?.value;
  const cataloguePlace = ward ? { ward: ward.code } : requestedProvince ? { province: requestedProvince.code } : {};
  // The catalogue offers only wards with listed products: a zero has no list to open there.
  const products = (count: number, params: Record<string, string | number | undefined>) => (count > 0 ? listHref("/products", { ...params, ...cataloguePlace }) : null);
  const certificates = (params: Record<string, string | number | undefined>) => listHref("/certificates", { ...params, ...placeParams });
  const byProvince = breakdowns.byPlace.some((r) => r.kind === "province");
  const starLabel = (s: number) => t("starN", { count: s });
  const shares = funnelShares(funnel.map((s) => s.count));
  const funnelRows = FUNNEL_STAGES.map((stage, i) => ({ stage, count: funnel[i]!.count, share: shares[i], label: t(`funnel.${stage.key}`) }));
  const starSeries = DASHBOARD_STARS.map((s) => ({ key: `s${s}`, label: starLabel(s), color: STAR_COLORS[s] }));
  const totalSupport = headline.supportSpent.reduce((sum, s) => sum + s.amount, BigInt(0));

  return (
    <div data-testid="dashboard">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">
        {ward ? t("scopeWard", { ward: ward.name }) : requestedProvince ? t("scopeProvince", { province: requestedProvince.name }) : t("scopeCity")} · {t("asOf", { date: formatDate(today) })}
      </p>

      <form method="get" action="/dashboard" role="search" aria-label={t("filters")} className="mt-4 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          {t("year")}
          <select name="year" defaultValue={year} className={select}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        {citywide ? <WardFilter choice={place} labels={placeLabels} idPrefix="dashboard" controlClass={select} blockClass="flex flex-col text-sm" /> : null}
        <button className={buttonClass("secondary")}>{t("apply")}</button>
      </form>
      {/* The annual report and the plan's targets are the city's and its wards': a province view
          (national scale) has neither, rather than the whole portal's under the province's name. */}
      {requestedProvince ? null : <a href={listHref("/dashboard/report", { year, ward: wardParam })} className={buttonClass("secondary", "mt-3")} data-testid="annual-report-link">{root("reports.annual.downloadLink")}</a>}

      {/* Headline figures */}
      <section aria-labelledby="dash-headline" className="mt-6">
        <h2 id="dash-headline" className="text-lg font-semibold">{t("headline")}</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <li className={card} data-testid="figure-in-force">
            <p className="font-medium">{t("inForce")}</p>
            <p className="text-3xl font-bold tabular-nums"><FigureLink count={headline.inForce.total} href={products(headline.inForce.total, {})} /></p>
            <ul className="mt-1 flex flex-wrap gap-x-4 text-sm">
              {DASHBOARD_STARS.map((s) => (
                <li key={s}>{starLabel(s)}: <FigureLink count={headline.inForce[s]} href={products(headline.inForce[s], { star: s })} className="font-semibold" /></li>
              ))}
            </ul>
          </li>
          <li className={card} data-testid="figure-new">
            <p className="font-medium">{t("newThisYear", { year })}</p>
            <p className="text-3xl font-bold tabular-nums"><FigureLink count={headline.newThisYear.total} href={certificates({ year })} /></p>
            <ul className="mt-1 text-sm">
              {(["FIRST", "UPGRADE", "RE_EVALUATION"] as const).map((type) => (
                <li key={type}>{root(`evaluationType.${type}`)}: <FigureLink count={headline.newThisYear[type]} href={certificates({ year, type })} className="font-semibold" /></li>
              ))}
            </ul>
          </li>
          <li className={card} data-testid="figure-expiring">
            <p className="font-medium">{t("expiring", { days: EXPIRING_WITHIN_DAYS })}</p>
            <p className="text-3xl font-bold tabular-nums"><FigureLink count={headline.expiringSoon} href={certificates({ expiring: EXPIRING_WITHIN_DAYS })} /></p>
          </li>
          <li className={card} data-testid="figure-revoked">
            <p className="font-medium">{t("revoked")}</p>
            <p className="text-sm">
              {t("revokedInYear", { year })}: <FigureLink count={headline.revokedInYear} href={certificates({ revokedYear: year })} className="text-xl font-bold" />
            </p>
            <p className="text-sm">
              {t("revokedTotal")}: <FigureLink count={headline.revokedTotal} href={certificates({ status: "revoked" })} className="text-xl font-bold" />
            </p>
          </li>
          <li className={card} data-testid="figure-producers">
            <p className="font-medium">{t("producers")}</p>
            {headline.producersByType.length === 0 ? <p className="text-sm text-stone-700">{t("none")}</p> : (
              <ul className="mt-1 text-sm">
                {headline.producersByType.map((p) => (
                  <li key={p.type}>
                    {root(`producerTypes.${p.type}`)}: <FigureLink count={p.count} href={listHref("/producers", { type: p.type, status: "VERIFIED", ...placeParams })} className="font-semibold" />
                  </li>
                ))}
              </ul>
            )}
          </li>
          <li className={card} data-testid="figure-support">
            <p className="font-medium">{t("support", { year })}</p>
            <p className="text-2xl font-bold tabular-nums">
              <FigureLink count={formatVnd(totalSupport)} href={listHref("/plans", { supportYear: year, ...placeParams })} label={t("supportPlansLink", { amount: formatVnd(totalSupport), count: headline.supportedPlans })} />
            </p>
            <ul className="mt-1 text-sm">
              {headline.supportSpent.map((s) => (
                <li key={s.source}>
                  {root(`fundingSource.${s.source}`)}:{" "}
                  <FigureLink count={formatVnd(s.amount)} href={listHref("/plans", { supportYear: year, source: s.source, ...placeParams })} className="font-semibold tabular-nums" label={t("supportPlansLink", { amount: formatVnd(s.amount), count: s.plans })} />{" "}
                  ({t("activities", { activities: s.activities, plans: s.plans })})
                </li>
              ))}
            </ul>
            <p className="mt-1 text-xs text-stone-700">{t("supportNote")}</p>
          </li>
        </ul>
      </section>

      {/* Funnel */}
      <section aria-labelledby="dash-funnel" className="mt-8">
        <h2 id="dash-funnel" className="text-lg font-semibold">{t("funnelTitle", { year })}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("funnelIntro")}</p>
        <div className={`${card} mt-3`}>
          <LazyBarChart rows={funnelRows.map((r) => ({ name: r.label, count: r.count }))} categoryKey="name" series={[{ key: "count", label: t("count"), color: "#17632e" }]} layout="vertical" height={320} />
        </div>
        <TableBox>
          <table className="w-full min-w-[28rem] border-collapse bg-white text-sm" data-testid="funnel-table">
            <caption className="sr-only">{t("funnelTitle", { year })}</caption>
            <thead><tr className="border-b border-stone-300"><th scope="col" className={th}>{t("stage")}</th><th scope="col" className={thNum}>{t("count")}</th><th scope="col" className={thNum}>{t("share")}</th></tr></thead>
            <tbody>
              {funnelRows.map((r) => (
                <tr key={r.stage.key} className="border-b border-stone-100">
                  <th scope="row" className={`${td} text-left font-normal`}>{r.label}</th>
                  <td className={tdNum}><FigureLink count={r.count} href={funnelHref(r.stage, year, placeParams)} /></td>
                  <td className={tdNum}>{r.share === null ? "—" : `${r.share} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium">{t("definitions")}</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {FUNNEL_STAGES.map((s) => <li key={s.key}>{t(`funnelDefinition.${s.key}`)}</li>)}
          </ol>
          <p className="mt-2 text-stone-700">{t("definitionsSource")}</p>
        </details>
      </section>

      {requestedProvince ? null : await TargetsPanel({ actor, year, wardId: requestedWard?.value, today })}

      {/* Trend */}
      <section aria-labelledby="dash-trend" className="mt-8">
        <h2 id="dash-trend" className="text-lg font-semibold">{t("trendTitle")}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("trendIntro")}</p>
        <div className={`${card} mt-3`}>
          <LazyBarChart rows={trend.map((r) => ({ year: String(r.year), s3: r[3], s4: r[4], s5: r[5] }))} categoryKey="year" series={starSeries} stacked />
        </div>
        <TableBox>
          <table className="w-full min-w-[28rem] border-collapse bg-white text-sm" data-testid="trend-table">
            <caption className="sr-only">{t("trendTitle")}</caption>
            <thead><tr className="border-b border-stone-300"><th scope="col" className={th}>{t("year")}</th>{DASHBOARD_STARS.map((s) => <th key={s} scope="col" className={thNum}>{starLabel(s)}</th>)}<th scope="col" className={thNum}>{t("total")}</th></tr></thead>
            <tbody>
              {trend.map((r) => (
                <tr key={r.year} className="border-b border-stone-100">
                  <th scope="row" className={`${td} text-left font-normal`}>{r.year}</th>
                  {DASHBOARD_STARS.map((s) => <td key={s} className={tdNum}><FigureLink count={r[s]} href={certificates({ year: r.year, star: s })} /></td>)}
                  <td className={tdNum}><FigureLink count={r.total} href={certificates({ year: r.year })} className="font-semibold" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </section>

      {/* Breakdowns */}
      <section aria-labelledby="dash-place" className="mt-8">
        <h2 id="dash-place" className="text-lg font-semibold">{byProvince ? t("byProvince") : t("byWard")}</h2>
        {byProvince ? <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("byProvinceHint")}</p> : null}
        {breakdowns.byPlace.length > 1 ? (
          <div className={`${card} mt-3`}>
            <LazyBarChart rows={breakdowns.byPlace.map((w) => ({ name: w.name, s3: w.inForce[3], s4: w.inForce[4], s5: w.inForce[5] }))} categoryKey="name" series={starSeries} layout="vertical" stacked height={Math.max(200, 40 * breakdowns.byPlace.length + 60)} />
          </div>
        ) : null}
        {breakdowns.byPlace.length === 0 ? <p className="mt-2 text-sm">{t("none")}</p> : (
          <TableBox>
            <table className="w-full min-w-[36rem] border-collapse bg-white text-sm" data-testid="ward-table">
              <caption className="sr-only">{byProvince ? t("byProvince") : t("byWard")}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className={th}>{byProvince ? t("province") : t("ward")}</th>
                  {DASHBOARD_STARS.map((s) => <th key={s} scope="col" className={thNum}>{starLabel(s)}</th>)}
                  <th scope="col" className={thNum}>{t("inForceShort")}</th>
                  <th scope="col" className={thNum}>{t("recognisedIn", { year })}</th>
                </tr>
              </thead>
              <tbody>
                {breakdowns.byPlace.map((w) => {
                  const at = w.kind === "province" ? { province: w.code } : { ward: w.code };
                  const inPlace = (count: number, params: Record<string, string | number | undefined>) => (count > 0 ? listHref("/products", { ...params, ...at }) : null);
                  const recognised = listHref("/certificates", { year, ...(citywide ? (w.kind === "province" ? { province: w.code } : { ward: w.id }) : {}) });
                  return (
                    <tr key={`${w.kind}-${w.id}`} className="border-b border-stone-100">
                      <th scope="row" className={`${td} text-left font-normal`}>
                        {w.kind === "province" ? (
                          <Link href={listHref("/dashboard", { year, province: w.code })} aria-label={t("openProvince", { province: w.name })} className="text-brand-700 underline underline-offset-2">{w.name}</Link>
                        ) : w.name}
                      </th>
                      {DASHBOARD_STARS.map((s) => <td key={s} className={tdNum}><FigureLink count={w.inForce[s]} href={inPlace(w.inForce[s], { star: s })} /></td>)}
                      <td className={tdNum}><FigureLink count={w.inForce.total} href={inPlace(w.inForce.total, {})} className="font-semibold" /></td>
                      <td className={tdNum}><FigureLink count={w.recognisedInYear} href={recognised} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableBox>
        )}
      </section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2 [&>*]:min-w-0">
        <section aria-labelledby="dash-category">
          <h2 id="dash-category" className="text-lg font-semibold">{t("byCategory")}</h2>
          <div className={`${card} mt-3`}>
            <LazyBarChart rows={breakdowns.byCategory.map((c) => ({ name: c.code, count: c.inForce }))} categoryKey="name" series={[{ key: "count", label: t("inForceShort"), color: "#17632e" }]} />
          </div>
          <TableBox>
            <table className="w-full min-w-[20rem] border-collapse bg-white text-sm" data-testid="category-table">
              <caption className="sr-only">{t("byCategory")}</caption>
              <thead><tr className="border-b border-stone-300"><th scope="col" className={th}>{t("category")}</th><th scope="col" className={thNum}>{t("inForceShort")}</th></tr></thead>
              <tbody>
                {breakdowns.byCategory.map((c) => (
                  <tr key={c.code} className="border-b border-stone-100">
                    <th scope="row" className={`${td} text-left font-normal`}>{c.code}. {c.name}</th>
                    <td className={tdNum}><FigureLink count={c.inForce} href={products(c.inForce, { group: c.code })} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </section>

        <section aria-labelledby="dash-type">
          <h2 id="dash-type" className="text-lg font-semibold">{t("byProducerType")}</h2>
          <div className={`${card} mt-3`}>
            <LazyBarChart rows={breakdowns.byProducerType.map((p) => ({ name: root(`producerTypes.${p.type}`), s3: p.inForce[3], s4: p.inForce[4], s5: p.inForce[5] }))} categoryKey="name" series={starSeries} layout="vertical" stacked />
          </div>
          {breakdowns.byProducerType.length === 0 ? <p className="mt-2 text-sm">{t("none")}</p> : (
            <TableBox>
              <table className="w-full min-w-[24rem] border-collapse bg-white text-sm" data-testid="type-table">
                <caption className="sr-only">{t("byProducerType")}</caption>
                <thead><tr className="border-b border-stone-300"><th scope="col" className={th}>{t("producerType")}</th>{DASHBOARD_STARS.map((s) => <th key={s} scope="col" className={thNum}>{starLabel(s)}</th>)}<th scope="col" className={thNum}>{t("total")}</th></tr></thead>
                <tbody>
                  {breakdowns.byProducerType.map((p) => (
                    <tr key={p.type} className="border-b border-stone-100">
                      <th scope="row" className={`${td} text-left font-normal`}>{root(`producerTypes.${p.type}`)}</th>
                      {DASHBOARD_STARS.map((s) => <td key={s} className={tdNum}><FigureLink count={p.inForce[s]} href={products(p.inForce[s], { type: p.type, star: s })} /></td>)}
                      <td className={tdNum}><FigureLink count={p.inForce.total} href={products(p.inForce.total, { type: p.type })} className="font-semibold" /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </section>
      </div>

      <p className="mt-8 text-sm text-stone-700">
        {t("footnote")} <Link href="/products" className="text-brand-700 underline underline-offset-2">{t("catalogueLink")}</Link>
      </p>
    </div>
  );
}
