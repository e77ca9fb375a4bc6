import { formatVndInput } from "@/lib/validation/money";
import type { PlanDraftInput } from "@/lib/validation/plans";

type Year = { year: number; revenue: number | null; cost: number | null; profit: number | null };

/** A stored plan (or a new one for an idea) as the values its form starts from. */
export function planFormValues(p: {
  planId?: string;
  ideaId: string;
  version?: string;
  startYear: number;
  fields?: Partial<Record<"market" | "production" | "capacity" | "rawMaterialArea" | "packaging" | "capital" | "fundingSources" | "labour", string>>;
  standards?: string[];
  financials?: unknown;
  milestones?: { title: string; dueOn: Date; reportedAt: Date | null }[];
}): PlanDraftInput {
  const years = (Array.isArray(p.financials) ? (p.financials as Year[]) : []).slice(0, 3);
  const money = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatVndInput(n));
  const financials = [0, 1, 2].map((i) => {
    const y = years[i];
    return { year: y?.year ?? p.startYear + i, revenue: money(y?.revenue), cost: money(y?.cost), profit: money(y?.profit) };
  });
  const f = p.fields ?? {};
  return {
    planId: p.planId,
    ideaId: p.ideaId,
    version: p.version,
    market: f.market ?? "",
    production: f.production ?? "",
    capacity: f.capacity ?? "",
    rawMaterialArea: f.rawMaterialArea ?? "",
    packaging: f.packaging ?? "",
    standards: (p.standards ?? []) as PlanDraftInput["standards"],
    capital: f.capital ?? "",
    fundingSources: f.fundingSources ?? "",
    labour: f.labour ?? "",
    financials,
    // Reported milestones are history and stay as they are; only open ones are edited here.
    milestones: (p.milestones ?? []).filter((m) => !m.reportedAt).map((m) => ({ title: m.title, dueOn: m.dueOn.toISOString().slice(0, 10) })),
  };
}
