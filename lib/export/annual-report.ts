import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { annualPlanProgress } from "@/lib/db/annual-plans";
import { dashboardBreakdowns, dashboardFunnel, dashboardHeadline, dashboardScope, dashboardTrend } from "@/lib/db/dashboard";
import { listWards } from "@/lib/db/reference";
import type { IsoDate } from "@/lib/domain/dates";
import type { AnnualReportData } from "@/lib/pdf/annual-report";
import { intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

/**
 * The year and ward of the report, read as the dashboard reads them (app/(portal)/dashboard/page.tsx):
 * a ward officer's ward is its scope and nothing in the URL changes it; a city role may narrow to
 * one ward that exists.
 */
export async function annualReportFilters(sp: SearchParams, actor: Actor, today: IsoDate) {
  const citywide = actor.role !== "WARD_OFFICER";
  const wards = await listWards();
  const requested = citywide ? wards.find((w) => w.id === textParam(sp, "ward", 64)) : undefined;
  const year = intParam(sp, "year", 2000, 2100) ?? Number(today.slice(0, 4));
  return { year, wardId: requested?.id, wards };
}

/**
 * Everything the annual report shows, from the dashboard's own loaders (same scope, same
 * definitions, so the PDF and the dashboard cannot disagree) and the annual plan's progress.
 * Null when the policy refuses the report or the dashboard.
 */
export async function annualReportData(actor: Actor, f: { year: number; wardId?: string }, today: IsoDate, wards?: { id: string; name: string }[]): Promise<AnnualReportData | null> {
  if (!can(actor, "report.annual", { type: "dashboard" })) return null;
  const scope = dashboardScope(actor, f.wardId);
  if (!scope) return null;
  const [headline, funnel, breakdowns, trend, plan, allWards] = await Promise.all([
    dashboardHeadline(actor, f, today),
    dashboardFunnel(actor, f),
    dashboardBreakdowns(actor, f, today),
    dashboardTrend(actor, f),
    can(actor, "annualPlan.read", { type: "annualPlan" }) ? annualPlanProgress(actor, f.year, { today, wardId: f.wardId }) : Promise.resolve(null),
    wards ?? listWards(),
  ]);
  if (!headline || !funnel || !breakdowns || !trend) return null;
  const wardName = scope.wardId ? (allWards.find((w) => w.id === scope.wardId)?.name ?? null) : null;
  return { year: f.year, today, wardName, headline, funnel, breakdowns, trend, plan };
}
