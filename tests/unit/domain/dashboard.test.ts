import { describe, expect, it } from "vitest";
import { FUNNEL_STAGES, funnelHref, funnelShares, listHref, PLAN_APPROVED_STATES, placeRows, trendYears, WARD_ROWS_MAX, yearBounds, yearOptions } from "@/lib/domain/dashboard";
import { BUSINESS_PLAN_STATES, IDEA_STATES, DOSSIER_STATES } from "@/lib/domain/workflow";

describe("years", () => {
  it("bounds a calendar year by its first and last day, leap years included", () => {
    expect(yearBounds(2026)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(yearBounds(2028)).toEqual({ from: "2028-01-01", to: "2028-12-31" });
  });

  it("gives the trend window oldest first, ending on the year", () => {
    expect(trendYears(2026)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(trendYears(2026, 1)).toEqual([2026]);
    expect(trendYears(2026, 0)).toEqual([]);
  });

  it("offers the cycles and the trend window, newest first, once each", () => {
    expect(yearOptions(2026, [2027, 2026, 2019])).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2019]);
  });
});

describe("funnel stages", () => {
  it("are seven, in the order of the six steps, on real statuses", () => {
    expect(FUNNEL_STAGES.map((s) => s.key)).toEqual(["ideasSubmitted", "ideasAccepted", "plansApproved", "plansReady", "dossiersSubmitted", "recognised", "promoted"]);
    const known = { idea: IDEA_STATES as readonly string[], plan: BUSINESS_PLAN_STATES as readonly string[], dossier: DOSSIER_STATES as readonly string[] };
    for (const s of FUNNEL_STAGES) for (const status of s.statuses ?? []) expect(known[s.record], `${s.key} ${status}`).toContain(status);
  });

  it("count approved plans until they leave for good (withdrawn and rejected do not count)", () => {
    expect([...PLAN_APPROVED_STATES]).toEqual(["APPROVED", "IMPLEMENTING", "READY_FOR_EVALUATION"]);
  });

  it("link each stage to its list with the year, the ward and the stage", () => {
    const href = Object.fromEntries(FUNNEL_STAGES.map((s) => [s.key, funnelHref(s, 2026, { ward: "w1" })]));
    expect(href).toEqual({
      ideasSubmitted: "/ideas?year=2026&ward=w1",
      ideasAccepted: "/ideas?year=2026&ward=w1&status=ACCEPTED",
      plansApproved: "/plans?year=2026&ward=w1&stage=approved",
      plansReady: "/plans?year=2026&ward=w1&stage=ready",
      dossiersSubmitted: "/dossiers?year=2026&ward=w1&status=ALL",
      recognised: "/dossiers?year=2026&ward=w1&status=RECOGNISED",
      promoted: "/dossiers?year=2026&ward=w1&status=RECOGNISED&stage=promoted",
    });
    expect(funnelHref(FUNNEL_STAGES[0]!, 2025)).toBe("/ideas?year=2025");
    expect(funnelHref(FUNNEL_STAGES[2]!, 2025, { province: "19" })).toBe("/plans?year=2025&province=19&stage=approved");
  });

  it("share each stage of the first in whole per cent, none when nothing was submitted", () => {
    expect(funnelShares([8, 4, 3, 1, 0])).toEqual([100, 50, 38, 13, 0]);
    expect(funnelShares([0, 0])).toEqual([null, null]);
    expect(funnelShares([])).toEqual([]);
  });
});

describe("list links", () => {
  it("leave out empty values and keep the order given", () => {
    expect(listHref("/certificates", { year: 2026, star: undefined, ward: "", type: "FIRST" })).toBe("/certificates?year=2026&type=FIRST");
    expect(listHref("/products", {})).toBe("/products");
  });
});

describe("the place table", () => {
  const ward = (i: number, regionCode: string | null, total = 1) => ({
    kind: "ward" as const,
    id: `w${i}`,
    code: `0${i}`,
    name: `Xã ${String(i).padStart(3, "0")}`,
    regionCode,
    regionName: regionCode ? `Tỉnh ${regionCode}` : null,
    inForce: { 3: total, 4: 0, 5: 0, total },
    recognisedInYear: 1,
  });

  it("lists wards while they are few, or all in one province, busiest first", () => {
    const few = [ward(1, "06", 1), ward(2, "19", 3)];
    expect(placeRows(few).map((r) => [r.kind, r.id])).toEqual([["ward", "w2"], ["ward", "w1"]]);
    const oneProvince = Array.from({ length: WARD_ROWS_MAX + 5 }, (_, i) => ward(i, "06"));
    expect(placeRows(oneProvince)).toHaveLength(WARD_ROWS_MAX + 5);
    expect(placeRows(oneProvince).every((r) => r.kind === "ward")).toBe(true);
  });

  it("sums many wards in several provinces by province, and the sums add up", () => {
    const many = Array.from({ length: WARD_ROWS_MAX + 1 }, (_, i) => ward(i, i % 3 === 0 ? "01" : "19", i % 4));
    many.push(ward(999, null, 2));
    const rows = placeRows(many);
    expect(rows.map((r) => [r.kind, r.code])).toEqual([["province", "19"], ["province", "01"], ["ward", "0999"]]);
    const total = (xs: { inForce: { total: number } }[]) => xs.reduce((n, r) => n + r.inForce.total, 0);
    expect(total(rows)).toBe(total(many));
    expect(rows.reduce((n, r) => n + r.recognisedInYear, 0)).toBe(many.length);
    expect(rows[0]).toMatchObject({ id: "19", name: "Tỉnh 19" });
  });
});
