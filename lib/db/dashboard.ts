import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationType, FundingSource, ProducerType } from "@/lib/generated/prisma/enums";
import { LISTED_CERTIFICATE_STATUSES } from "@/lib/domain/catalogue";
import { EXPIRING_WITHIN_DAYS, FUNNEL_STAGES, placeRows, SUPPORT_SPENT_STATUSES, trendYears, yearBounds, type FunnelStage, type FunnelStageKey, type PlaceTally } from "@/lib/domain/dashboard";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { wardInRegion, wardWithRegionSelect, withRegion } from "./admin-units";
import { latestAuditId } from "./audit";
import { classificationOptions, listedSql } from "./catalogue";
import { ttlCache } from "@/lib/cache/ttl";
import { prisma } from "./client";
import { producerScope } from "./scope";

// The leaders' dashboard (issue 6 part 2). Every figure is counted in SQL through the same scope
// and the same conditions as the list it links to (lib/db/certificates, dossiers, ideas, plans,
// producers, catalogue), so a number equals the length of the list it opens. Definitions live in
// lib/domain/dashboard.ts.

/**
 * Whose figures the viewer reads: everything the portal holds, one province (by code) or one
 * ward. A ward officer's ward comes from the session and nothing in the URL changes it; city
 * roles may narrow to a province or a ward (a ward wins). Null when the policy refuses the
 * dashboard (producers, council members, communications).
 */
export function dashboardScope(actor: Actor, requestedWardId?: string, requestedProvinceCode?: string): DashboardScope | null {
  if (!can(actor, "dashboard.read", { type: "dashboard" })) return null;
  if (actor.role === "WARD_OFFICER") return { wardId: actor.wardId, provinceCode: null };
  return { wardId: requestedWardId ?? null, provinceCode: requestedWardId ? null : (requestedProvinceCode ?? null) };
}

export type DashboardScope = { wardId: string | null; provinceCode: string | null };
export type DashboardFilters = { year: number; wardId?: string; provinceCode?: string };

const scopeOf = (actor: Actor, f: DashboardFilters) => dashboardScope(actor, f.wardId, f.provinceCode);

/**
 * The place condition of the raw queries, over the alias `pr` of "Producer". It is the whole scope:
 * only city roles (who see every producer's records) and ward officers (whose ward dashboardScope
 * puts here) read the dashboard, so lib/db/scope.ts reduces to this plus "submitted once". A
 * province holds its wards and those of a city within it (lib/db/admin-units.ts wardInRegion).
 */
function placeSql(scope: DashboardScope): Prisma.Sql {
  if (scope.wardId) return Prisma.sql`AND pr."wardId" = ${scope.wardId}`;
  if (scope.provinceCode) {
    return Prisma.sql`AND pr."wardId" IN (SELECT u.id FROM "AdminUnit" u JOIN "AdminUnit" up ON up.id = u."parentId" LEFT JOIN "AdminUnit" ug ON ug.id = up."parentId"
                                          WHERE up.code = ${scope.provinceCode} OR ug.code = ${scope.provinceCode})`;
  }
  return Prisma.empty;
}

function placeWhere(scope: DashboardScope): Prisma.ProducerWhereInput {
  if (scope.wardId) return { wardId: scope.wardId };
  if (scope.provinceCode) return { ward: wardInRegion(scope.provinceCode) };
  return {};
}

/**
 * Promoted (step 6): the product is at a published fair with a confirmed participation, carried
 * by an approved point of sale, or in a published gift set. The dossier list's `stage=promoted`
 * filter uses this same condition.
 */
export function promotedProductWhere(): Prisma.ProductWhereInput {
  return {
    OR: [
      { eventEntries: { some: { status: "CONFIRMED", event: { status: "PUBLISHED" } } } },
      { pointsOfSale: { some: { pointOfSale: { status: "APPROVED" } } } },
      { giftSets: { some: { giftSet: { published: true } } } },
    ],
  };
}

type StarCounts = { 3: number; 4: number; 5: number; total: number };
const starCounts = (rows: { star: number | null; n: number }[]): StarCounts => {
  const out: StarCounts = { 3: 0, 4: 0, 5: 0, total: 0 };
  for (const r of rows) {
    if (r.star === 3 || r.star === 4 || r.star === 5) out[r.star] += r.n;
    out.total += r.n;
  }
  return out;
};

export type DashboardHeadline = {
  /** Products listed in the catalogue today (the listing rule), by star. */
  inForce: StarCounts;
  /** Certificates issued in the year, by the evaluation type of their dossier. */
  newThisYear: Record<EvaluationType, number> & { total: number };
  /** Live certificates whose last valid day is within EXPIRING_WITHIN_DAYS. */
  expiringSoon: number;
  revokedInYear: number;
  revokedTotal: number;
  /** Verified producers, by type. */
  producersByType: { type: ProducerType; count: number }[];
  /** Support done in the year, in đồng, by funding source (with how many activities, on how many plans). */
  supportSpent: { source: FundingSource; amount: bigint; activities: number; plans: number }[];
  /** Plans with any support done in the year. */
  supportedPlans: number;
};

export async function dashboardHeadline(actor: Actor, f: DashboardFilters, today: IsoDate): Promise<DashboardHeadline | null> {
  const scope = scopeOf(actor, f);
  if (!scope) return null;
  const { from, to } = yearBounds(f.year);
  const ward = placeSql(scope);
  // A live certificate has a listed status (the list's LIVE in lib/db/certificates.ts).
  const live = Prisma.join(LISTED_CERTIFICATE_STATUSES.map((st) => Prisma.sql`${st}::"CertificateStatus"`));
  const spent = Prisma.join(SUPPORT_SPENT_STATUSES.map((st) => Prisma.sql`${st}::"SupportStatus"`));
  const [listed, [certificates], producers, support] = await Promise.all([
    listedAggregates(scope.wardId, scope.provinceCode, today),
    // Six certificate figures in one pass over the certificates any of them counts. Each FILTER is
    // the condition of the list its figure opens (lib/db/certificates.ts listCertificates).
    prisma.$queryRaw<{ first: number; upgrade: number; reEvaluation: number; expiring: number; revokedInYear: number; revokedTotal: number }[]>`
      SELECT count(*) FILTER (WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date AND d."evaluationType" = 'FIRST')::int AS first,
             count(*) FILTER (WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date AND d."evaluationType" = 'UPGRADE')::int AS upgrade,
             count(*) FILTER (WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date AND d."evaluationType" = 'RE_EVALUATION')::int AS "reEvaluation",
             count(*) FILTER (WHERE c.status IN (${live}) AND c."expiresOn" BETWEEN ${today}::date AND ${addDays(today, EXPIRING_WITHIN_DAYS)}::date)::int AS expiring,
             count(*) FILTER (WHERE c.status = 'REVOKED' AND c."revokedOn" BETWEEN ${from}::date AND ${to}::date)::int AS "revokedInYear",
             count(*) FILTER (WHERE c.status = 'REVOKED')::int AS "revokedTotal"
        FROM "Certificate" c
        JOIN "Dossier" d ON d.id = c."dossierId"
        JOIN "Producer" pr ON pr.id = c."producerId"
       WHERE (c."issuedOn" BETWEEN ${from}::date AND ${to}::date
              OR (c.status IN (${live}) AND c."expiresOn" BETWEEN ${today}::date AND ${addDays(today, EXPIRING_WITHIN_DAYS)}::date)
              OR c.status = 'REVOKED') ${ward}`,
    prisma.producer.groupBy({
      by: ["type"],
      where: { AND: [producerScope(actor), { verificationStatus: "VERIFIED" }, placeWhere(scope)] },
      _count: { _all: true },
      orderBy: { type: "asc" },
    }),
    // Support done in the year by funding source, and over all sources (the empty grouping set):
    // the plans each amount links to are counted in the same pass. Plans reach officials with their
    // first submission (lib/db/scope.ts producerRecordScope), hence version > 0.
    prisma.$queryRaw<{ source: FundingSource | null; total: number; amount: bigint; activities: number; plans: number }[]>`
      SELECT s."fundingSource" AS source, GROUPING(s."fundingSource")::int AS total,
             COALESCE(sum(s.amount), 0)::bigint AS amount, count(*)::int AS activities, count(DISTINCT s."planId")::int AS plans
        FROM "SupportActivity" s
        JOIN "BusinessPlan" b ON b.id = s."planId"
        JOIN "Producer" pr ON pr.id = b."producerId"
       WHERE s.status IN (${spent}) AND s.date BETWEEN ${from}::date AND ${to}::date AND b.version > 0 ${ward}
       GROUP BY GROUPING SETS ((s."fundingSource"), ())
       ORDER BY s."fundingSource"`,
  ]);
  const c = certificates!;
  const bySource = support.filter((r) => r.total === 0 && r.source !== null);
  return {
    inForce: listed.byStar,
    newThisYear: { FIRST: c.first, UPGRADE: c.upgrade, RE_EVALUATION: c.reEvaluation, total: c.first + c.upgrade + c.reEvaluation },
    expiringSoon: c.expiring,
    revokedInYear: c.revokedInYear,
    revokedTotal: c.revokedTotal,
    producersByType: producers.map((p) => ({ type: p.type, count: p._count._all })),
    supportSpent: bySource.map((r) => ({ source: r.source!, amount: r.amount, activities: r.activities, plans: r.plans })),
    supportedPlans: support.find((r) => r.total === 1)?.plans ?? 0,
  };
}

/** A status list as SQL enum literals, for FILTER clauses. */
const statusIn = (statuses: readonly string[], type: "IdeaStatus" | "PlanStatus" | "DossierStatus") =>
  Prisma.join(statuses.map((st) => Prisma.sql`${st}::${Prisma.raw(`"${type}"`)}`));

/** The funnel of a cycle year: one count per stage of lib/domain/dashboard.ts FUNNEL_STAGES, in order. */
export async function dashboardFunnel(actor: Actor, f: DashboardFilters): Promise<{ key: FunnelStageKey; count: number }[] | null> {
  const scope = scopeOf(actor, f);
  if (!scope) return null;
  const ward = placeSql(scope);
  // One query per kind of record, a FILTER per stage. Officials see ideas, plans and dossiers from
  // their first submission on (lib/db/scope.ts producerRecordScope), hence version > 0.
  const stagesOf = (record: FunnelStage["record"]) => FUNNEL_STAGES.filter((s) => s.record === record);
  const filters = (record: FunnelStage["record"], alias: string, type: "IdeaStatus" | "PlanStatus" | "DossierStatus") =>
    Prisma.join(
      stagesOf(record).map((stage, i) => {
        const conditions: Prisma.Sql[] = [];
        if (stage.statuses) conditions.push(Prisma.sql`${Prisma.raw(alias)}.status IN (${statusIn(stage.statuses, type)})`);
        if (stage.promoted) conditions.push(Prisma.sql`promoted.id IS NOT NULL`);
        const filter = conditions.length ? Prisma.sql` FILTER (WHERE ${Prisma.join(conditions, " AND ")})` : Prisma.empty;
        return Prisma.sql`count(*)${filter}::int AS ${Prisma.raw(`"s${i}"`)}`;
      }),
    );
  const [[ideas], [plans], [dossiers]] = await Promise.all([
    prisma.$queryRaw<Record<string, number>[]>`
      SELECT ${filters("idea", "i", "IdeaStatus")} FROM "ProductIdea" i JOIN "Producer" pr ON pr.id = i."producerId"
       WHERE i."cycleYear" = ${f.year}::int AND i.version > 0 ${ward}`,
    prisma.$queryRaw<Record<string, number>[]>`
      SELECT ${filters("plan", "b", "PlanStatus")} FROM "BusinessPlan" b JOIN "ProductIdea" i ON i.id = b."ideaId" JOIN "Producer" pr ON pr.id = b."producerId"
       WHERE i."cycleYear" = ${f.year}::int AND b.version > 0 ${ward}`,
    // A dossier has at most one certificate, and the promoted products are a set: the joins keep one
    // row per dossier. Asking each recognised dossier in turn (a correlated EXISTS) took half a
    // second at 100,000 products; the set is read once.
    prisma.$queryRaw<Record<string, number>[]>`
      WITH promoted AS MATERIALIZED (${promotedProductIdsSql()})
      SELECT ${filters("dossier", "d", "DossierStatus")} FROM "Dossier" d JOIN "Producer" pr ON pr.id = d."producerId"
        LEFT JOIN "Certificate" c ON c."dossierId" = d.id
        LEFT JOIN promoted ON promoted.id = c."productId"
       WHERE d."cycleYear" = ${f.year}::int AND d.version > 0 ${ward}`,
  ]);
  const counted = { idea: ideas!, plan: plans!, dossier: dossiers! };
  return FUNNEL_STAGES.map((s) => ({ key: s.key, count: counted[s.record][`s${stagesOf(s.record).indexOf(s)}`] ?? 0 }));
}

/**
 * promotedProductWhere as SQL: the ids of the products promoted in any of the same three ways (the
 * dossier list's `stage=promoted` filter uses the Prisma form).
 */
function promotedProductIdsSql(): Prisma.Sql {
  return Prisma.sql`SELECT ep."B" AS id FROM "_EventParticipantToProduct" ep JOIN "EventParticipant" e ON e.id = ep."A" JOIN "TradeEvent" t ON t.id = e."eventId"
                     WHERE e.status = 'CONFIRMED' AND t.status = 'PUBLISHED'
                    UNION
                    SELECT pp."productId" FROM "PointOfSaleProduct" pp JOIN "PointOfSale" ps ON ps.id = pp."pointOfSaleId" WHERE ps.status = 'APPROVED'
                    UNION
                    SELECT gi."productId" FROM "GiftSetItem" gi JOIN "GiftSet" g ON g.id = gi."giftSetId" WHERE g.published`;
}

export type PlaceRow = PlaceTally;
export type CategoryRow = { code: string; name: string; inForce: number };
export type ProducerTypeRow = { type: ProducerType; inForce: StarCounts };

/** The SQL of listedAggregates, as it runs (the EXPLAIN test reads it). */
export function listedAggregatesSql(scope: DashboardScope, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT pr."wardId", pr.type, p."criteriaSetNo", p.star, GROUPING(pr."wardId", pr.type, p."criteriaSetNo")::int AS set, count(*)::int AS n
      FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
     WHERE ${listedSql(today)} ${placeSql(scope)}
     GROUP BY GROUPING SETS ((pr."wardId", p.star), (pr.type, p.star), (p."criteriaSetNo"), (p.star))`;
}

/**
 * The listed products counted four ways in one pass (GROUPING SETS): by ward and star, by
 * producer type and star, by criteria set, and by star. The headline and the breakdowns share it
 * within a request. `set` is GROUPING(ward, type, criteria set): 3, 5, 6 and 7 in that order.
 */
const listedAggregates = cache(async (wardId: string | null, provinceCode: string | null, today: IsoDate) => {
  const rows = await prisma.$queryRaw<{ wardId: string | null; type: ProducerType | null; criteriaSetNo: number | null; star: number | null; set: number; n: number }[]>(
    listedAggregatesSql({ wardId, provinceCode }, today),
  );
  const byWard = new Map<string, { star: number | null; n: number }[]>();
  const byType = new Map<ProducerType, { star: number | null; n: number }[]>();
  const bySet = new Map<number, number>();
  const stars: { star: number | null; n: number }[] = [];
  for (const r of rows) {
    if (r.set === 3) byWard.set(r.wardId!, [...(byWard.get(r.wardId!) ?? []), r]);
    else if (r.set === 5) byType.set(r.type!, [...(byType.get(r.type!) ?? []), r]);
    else if (r.set === 6) bySet.set(r.criteriaSetNo!, r.n);
    else stars.push(r);
  }
  return { byWard, byType, bySet, byStar: starCounts(stars) };
});

/**
 * Listed products by place (wards, or provinces: lib/domain/dashboard.ts placeRows), category and
 * producer type; recognitions of the year by place.
 */
export async function dashboardBreakdowns(actor: Actor, f: DashboardFilters, today: IsoDate): Promise<{ byPlace: PlaceRow[]; byCategory: CategoryRow[]; byProducerType: ProducerTypeRow[] } | null> {
  const scope = scopeOf(actor, f);
  if (!scope) return null;
  const { from, to } = yearBounds(f.year);
  const [listed, wardIssued, categories] = await Promise.all([
    listedAggregates(scope.wardId, scope.provinceCode, today),
    prisma.$queryRaw<{ wardId: string; n: number }[]>`
      SELECT pr."wardId", count(*)::int AS n
        FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
       WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date ${placeSql(scope)}
       GROUP BY pr."wardId"`,
    classificationOptions(),
  ]);
  const issued = new Map(wardIssued.map((r) => [r.wardId, r.n]));
  const wardIds = [...new Set([...listed.byWard.keys(), ...issued.keys()])];
  const units = await prisma.adminUnit.findMany({ where: { id: { in: wardIds } }, select: wardWithRegionSelect });
  const byPlace = placeRows(
    units.map(withRegion).map((u) => ({
      kind: "ward" as const,
      id: u.id,
      code: u.code,
      name: u.name,
      regionCode: u.regionCode,
      regionName: u.regionName,
      inForce: starCounts(listed.byWard.get(u.id) ?? []),
      recognisedInYear: issued.get(u.id) ?? 0,
    })),
  );
  // A category counts the products of its criteria sets (QĐ26 Annex I), as the catalogue's filter does.
  const byCategory = categories.map((c) => ({ code: c.key, name: c.label, inForce: c.criteriaSetNos.reduce((sum, no) => sum + (listed.bySet.get(no) ?? 0), 0) }));
  const byProducerType = [...listed.byType.keys()].sort().map((type) => ({ type, inForce: starCounts(listed.byType.get(type)!) }));
  return { byPlace, byCategory, byProducerType };
}

export type TrendRow = { year: number } & StarCounts;

/** Recognitions (certificates issued, whatever became of them since) per year by star, the last TREND_YEARS years. */
export async function dashboardTrend(actor: Actor, f: DashboardFilters): Promise<TrendRow[] | null> {
  const scope = scopeOf(actor, f);
  if (!scope) return null;
  const years = trendYears(f.year);
  const rows = await prisma.$queryRaw<{ year: number; star: number; n: number }[]>`
    SELECT extract(year FROM c."issuedOn")::int AS year, c.star, count(*)::int AS n
      FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
     WHERE c."issuedOn" BETWEEN ${yearBounds(years[0]!).from}::date AND ${yearBounds(f.year).to}::date ${placeSql(scope)}
     GROUP BY 1, 2`;
  return years.map((year) => ({ year, ...starCounts(rows.filter((r) => r.year === year)) }));
}

export type DashboardData = {
  headline: DashboardHeadline;
  funnel: { key: FunnelStageKey; count: number }[];
  breakdowns: { byPlace: PlaceRow[]; byCategory: CategoryRow[]; byProducerType: ProducerTypeRow[] };
  trend: TrendRow[];
};

// At national scale the dashboard reads every listed product, certificate and dossier (about a
// second of database time at 100,000 products), yet its figures change only when something is
// written, and every write in the portal adds an audit entry in its own transaction. So each
// instance keeps the figures under the newest audit entry's id: the first view after any change,
// on any instance, computes them afresh. The minute's limit bounds what a transaction that
// committed after a later one could leave unseen.
const snapshots = ttlCache<DashboardData>({ ttlMs: 60_000, max: 200 });

/** The dashboard's four parts for a viewer, as fresh as the last audited change. */
export async function dashboardData(actor: Actor, f: DashboardFilters, today: IsoDate): Promise<DashboardData | null> {
  const scope = scopeOf(actor, f);
  if (!scope) return null;
  // The role and the scope are all the figures depend on (lib/db/scope.ts producerScope by role).
  const key = JSON.stringify([actor.role, scope.wardId, scope.provinceCode, f.year, today, await latestAuditId()]);
  return snapshots(key, async () => {
    const [headline, funnel, breakdowns, trend] = await Promise.all([dashboardHeadline(actor, f, today), dashboardFunnel(actor, f), dashboardBreakdowns(actor, f, today), dashboardTrend(actor, f)]);
    return { headline: headline!, funnel: funnel!, breakdowns: breakdowns!, trend: trend! };
  });
}
