import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationType, FundingSource, ProducerType } from "@/lib/generated/prisma/enums";
import { EXPIRING_WITHIN_DAYS, FUNNEL_STAGES, trendYears, yearBounds, type FunnelStageKey } from "@/lib/domain/dashboard";
import { addDays, dateOf, type IsoDate } from "@/lib/domain/dates";
import { catalogueFilterOptions, listedSql, listedWhere } from "./catalogue";
import { prisma } from "./client";
import { ideaScope } from "./ideas";
import { planScope, supportSpentWhere } from "./plans";
import { certificateScope, dossierScope, producerScope, productScope } from "./scope";

// The leaders' dashboard (issue 6 part 2). Every figure is counted in SQL through the same scope
// and the same conditions as the list it links to (lib/db/certificates, dossiers, ideas, plans,
// producers, catalogue), so a number equals the length of the list it opens. Definitions live in
// lib/domain/dashboard.ts.

/**
 * Whose figures the viewer reads: the city (null) or one ward. A ward officer's ward comes from
 * the session and nothing in the URL changes it; city roles may narrow to a ward. Null when the
 * policy refuses the dashboard (producers, council members, communications).
 */
export function dashboardScope(actor: Actor, requestedWardId?: string): { wardId: string | null } | null {
  if (!can(actor, "dashboard.read", { type: "dashboard" })) return null;
  if (actor.role === "WARD_OFFICER") return { wardId: actor.wardId };
  return { wardId: requestedWardId ?? null };
}

export type DashboardFilters = { year: number; wardId?: string };

const yearRange = (year: number) => ({ gte: dateOf(yearBounds(year).from), lte: dateOf(yearBounds(year).to) });
const byProducerWard = (wardId: string | null) => (wardId ? { producer: { wardId } } : {});
/** The ward condition of the raw queries, over the alias `pr` of "Producer" (the scope of SQL written by hand). */
const wardSql = (wardId: string | null) => (wardId ? Prisma.sql`AND pr."wardId" = ${wardId}` : Prisma.empty);

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
  const scope = dashboardScope(actor, f.wardId);
  if (!scope) return null;
  const ward = byProducerWard(scope.wardId);
  const certificates = (where: Prisma.CertificateWhereInput) => prisma.certificate.count({ where: { AND: [certificateScope(actor), ward, where] } });
  const issued = (evaluationType: EvaluationType) => certificates({ issuedOn: yearRange(f.year), dossier: { evaluationType } });
  const [inForce, first, upgrade, reEvaluation, expiringSoon, revokedInYear, revokedTotal, producers, support] = await Promise.all([
    prisma.product.groupBy({ by: ["star"], where: { AND: [listedWhere(today), productScope(actor), ward] }, _count: { _all: true } }),
    issued("FIRST"),
    issued("UPGRADE"),
    issued("RE_EVALUATION"),
    // The same condition as /certificates?expiring=90 (lib/db/certificates.ts listCertificates).
    certificates({ status: { in: ["ACTIVE", "REVOCATION_PROPOSED"] }, expiresOn: { gte: dateOf(today), lte: dateOf(addDays(today, EXPIRING_WITHIN_DAYS)) } }),
    certificates({ status: "REVOKED", revokedOn: yearRange(f.year) }),
    certificates({ status: "REVOKED" }),
    prisma.producer.groupBy({
      by: ["type"],
      where: { AND: [producerScope(actor), { verificationStatus: "VERIFIED" }, scope.wardId ? { wardId: scope.wardId } : {}] },
      _count: { _all: true },
      orderBy: { type: "asc" },
    }),
    prisma.supportActivity.groupBy({
      by: ["fundingSource"],
      where: { AND: [supportSpentWhere(f.year), { plan: { AND: [planScope(actor), ward] } }] },
      _sum: { amount: true },
      _count: { _all: true },
      orderBy: { fundingSource: "asc" },
    }),
  ]);
  // The plans each source supported: the length of the plan list the amount links to.
  const plansSupported = (source?: FundingSource) => prisma.businessPlan.count({ where: { AND: [planScope(actor), ward, { supports: { some: supportSpentWhere(f.year, source) } }] } });
  const [supportedPlans, ...perSource] = await Promise.all([plansSupported(), ...support.map((s) => plansSupported(s.fundingSource))]);
  return {
    inForce: starCounts(inForce.map((r) => ({ star: r.star, n: r._count._all }))),
    newThisYear: { FIRST: first, UPGRADE: upgrade, RE_EVALUATION: reEvaluation, total: first + upgrade + reEvaluation },
    expiringSoon,
    revokedInYear,
    revokedTotal,
    producersByType: producers.map((p) => ({ type: p.type, count: p._count._all })),
    supportSpent: support.map((s, i) => ({ source: s.fundingSource, amount: s._sum.amount ?? BigInt(0), activities: s._count._all, plans: perSource[i]! })),
    supportedPlans: supportedPlans!,
  };
}

/** The funnel of a cycle year: one count per stage of lib/domain/dashboard.ts FUNNEL_STAGES, in order. */
export async function dashboardFunnel(actor: Actor, f: DashboardFilters): Promise<{ key: FunnelStageKey; count: number }[] | null> {
  const scope = dashboardScope(actor, f.wardId);
  if (!scope) return null;
  const ward = byProducerWard(scope.wardId);
  const counts = await Promise.all(
    FUNNEL_STAGES.map((stage) => {
      const status = stage.statuses ? { status: { in: [...stage.statuses] } } : {};
      switch (stage.record) {
        case "idea":
          return prisma.productIdea.count({ where: { AND: [ideaScope(actor), ward, { cycleYear: f.year }, status as Prisma.ProductIdeaWhereInput] } });
        case "plan":
          return prisma.businessPlan.count({ where: { AND: [planScope(actor), ward, { idea: { cycleYear: f.year } }, status as Prisma.BusinessPlanWhereInput] } });
        case "dossier":
          return prisma.dossier.count({
            where: {
              AND: [dossierScope(actor), ward, { cycleYear: f.year }, status as Prisma.DossierWhereInput, stage.promoted ? { certificate: { product: promotedProductWhere() } } : {}],
            },
          });
      }
    }),
  );
  return FUNNEL_STAGES.map((s, i) => ({ key: s.key, count: counts[i]! }));
}

export type WardRow = { wardId: string; code: string; name: string; inForce: StarCounts; recognisedInYear: number };
export type CategoryRow = { code: string; name: string; inForce: number };
export type ProducerTypeRow = { type: ProducerType; inForce: StarCounts };

/** Listed products by ward, category and producer type; recognitions of the year by ward. */
export async function dashboardBreakdowns(actor: Actor, f: DashboardFilters, today: IsoDate): Promise<{ byWard: WardRow[]; byCategory: CategoryRow[]; byProducerType: ProducerTypeRow[] } | null> {
  const scope = dashboardScope(actor, f.wardId);
  if (!scope) return null;
  const { from, to } = yearBounds(f.year);
  const [wardStars, wardIssued, sets, typeStars, { categories }] = await Promise.all([
    prisma.$queryRaw<{ wardId: string; star: number | null; n: number }[]>`
      SELECT pr."wardId", p.star, count(*)::int AS n
        FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
       WHERE ${listedSql(today)} ${wardSql(scope.wardId)}
       GROUP BY pr."wardId", p.star`,
    prisma.$queryRaw<{ wardId: string; n: number }[]>`
      SELECT pr."wardId", count(*)::int AS n
        FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
       WHERE c."issuedOn" BETWEEN ${from}::date AND ${to}::date ${wardSql(scope.wardId)}
       GROUP BY pr."wardId"`,
    prisma.product.groupBy({ by: ["criteriaSetNo"], where: { AND: [listedWhere(today), productScope(actor), byProducerWard(scope.wardId)] }, _count: { _all: true } }),
    prisma.$queryRaw<{ type: ProducerType; star: number | null; n: number }[]>`
      SELECT pr.type, p.star, count(*)::int AS n
        FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
       WHERE ${listedSql(today)} ${wardSql(scope.wardId)}
       GROUP BY pr.type, p.star`,
    catalogueFilterOptions(),
  ]);
  const wardIds = [...new Set([...wardStars.map((r) => r.wardId), ...wardIssued.map((r) => r.wardId)])];
  const units = await prisma.adminUnit.findMany({ where: { id: { in: wardIds } }, select: { id: true, code: true, name: true }, orderBy: { name: "asc" } });
  const byWard = units.map((u) => ({
    wardId: u.id,
    code: u.code,
    name: u.name,
    inForce: starCounts(wardStars.filter((r) => r.wardId === u.id)),
    recognisedInYear: wardIssued.find((r) => r.wardId === u.id)?.n ?? 0,
  }));
  byWard.sort((a, b) => b.inForce.total - a.inForce.total || a.name.localeCompare(b.name, "vi"));
  // A category counts the products of its criteria sets (QĐ26 Annex I), as the catalogue's filter does.
  const perSet = new Map(sets.map((s) => [s.criteriaSetNo, s._count._all]));
  const byCategory = categories.map((c) => ({ code: c.key, name: c.label, inForce: c.criteriaSetNos.reduce((sum, no) => sum + (perSet.get(no) ?? 0), 0) }));
  const types = [...new Set(typeStars.map((r) => r.type))].sort();
  const byProducerType = types.map((type) => ({ type, inForce: starCounts(typeStars.filter((r) => r.type === type)) }));
  return { byWard, byCategory, byProducerType };
}

export type TrendRow = { year: number } & StarCounts;

/** Recognitions (certificates issued, whatever became of them since) per year by star, the last TREND_YEARS years. */
export async function dashboardTrend(actor: Actor, f: DashboardFilters): Promise<TrendRow[] | null> {
  const scope = dashboardScope(actor, f.wardId);
  if (!scope) return null;
  const years = trendYears(f.year);
  const rows = await prisma.$queryRaw<{ year: number; star: number; n: number }[]>`
    SELECT extract(year FROM c."issuedOn")::int AS year, c.star, count(*)::int AS n
      FROM "Certificate" c JOIN "Producer" pr ON pr.id = c."producerId"
     WHERE c."issuedOn" BETWEEN ${yearBounds(years[0]!).from}::date AND ${yearBounds(f.year).to}::date ${wardSql(scope.wardId)}
     GROUP BY 1, 2`;
  return years.map((year) => ({ year, ...starCounts(rows.filter((r) => r.year === year)) }));
}
