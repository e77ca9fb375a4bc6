import { describe, expect, it } from "vitest";
import {
  achievedFor,
  activitiesByStep,
  activityDateProblems,
  activityState,
  ANNUAL_TARGET_KINDS,
  budgetBySource,
  doneOnProblem,
  expectedByDate,
  FUNDING_SOURCES,
  isDuplicateTarget,
  kindOfEvaluationType,
  overallProgress,
  POINT_OF_SALE_APPROVED_STATES,
  TARGET_DEFINITIONS,
  targetListHref,
  targetProgress,
  targetStarProblem,
  type ActualRow,
} from "@/lib/domain/annual-plan";
import { POINT_OF_SALE_STATES } from "@/lib/domain/points-of-sale";

describe("what each kind counts", () => {
  it("covers every kind of the schema once, product kinds by star, on steps 2, 3, 5 and 6", () => {
    expect([...ANNUAL_TARGET_KINDS]).toEqual(["NEW_PRODUCTS", "UPGRADES", "RE_EVALUATIONS", "IDEAS", "BUSINESS_PLANS", "POINTS_OF_SALE"]);
    expect(ANNUAL_TARGET_KINDS.filter((k) => TARGET_DEFINITIONS[k].byStar)).toEqual(["NEW_PRODUCTS", "UPGRADES", "RE_EVALUATIONS"]);
    expect(ANNUAL_TARGET_KINDS.map((k) => TARGET_DEFINITIONS[k].step)).toEqual([5, 5, 5, 2, 3, 6]);
    expect(kindOfEvaluationType("FIRST")).toBe("NEW_PRODUCTS");
    expect(kindOfEvaluationType("UPGRADE")).toBe("UPGRADES");
    expect(kindOfEvaluationType("RE_EVALUATION")).toBe("RE_EVALUATIONS");
    expect(kindOfEvaluationType("OTHER")).toBeNull();
  });

  it("counts points of sale approved that year even when closed since, never refused ones", () => {
    for (const s of POINT_OF_SALE_APPROVED_STATES) expect(POINT_OF_SALE_STATES).toContain(s);
    expect(POINT_OF_SALE_APPROVED_STATES).not.toContain("REFUSED");
    expect(POINT_OF_SALE_APPROVED_STATES).not.toContain("SUBMITTED");
  });

  it("lets a star only on product kinds, and only 3★ to 5★ (QĐ26 Art. 4.1.a)", () => {
    expect(targetStarProblem("NEW_PRODUCTS", null)).toBeNull();
    expect(targetStarProblem("NEW_PRODUCTS", 3)).toBeNull();
    expect(targetStarProblem("UPGRADES", 5)).toBeNull();
    expect(targetStarProblem("NEW_PRODUCTS", 2)).toBe("starInvalid");
    expect(targetStarProblem("NEW_PRODUCTS", 6)).toBe("starInvalid");
    expect(targetStarProblem("IDEAS", 3)).toBe("starNotApplicable");
    expect(targetStarProblem("POINTS_OF_SALE", null)).toBeNull();
  });

  it("refuses a second target of the same kind, star and ward, but not the one being edited", () => {
    const existing = [
      { id: "a", kind: "NEW_PRODUCTS" as const, star: null, wardId: null },
      { id: "b", kind: "NEW_PRODUCTS" as const, star: 4, wardId: "w1" },
    ];
    expect(isDuplicateTarget(existing, { kind: "NEW_PRODUCTS", star: null, wardId: null })).toBe(true);
    expect(isDuplicateTarget(existing, { kind: "NEW_PRODUCTS", star: null, wardId: null }, "a")).toBe(false);
    expect(isDuplicateTarget(existing, { kind: "NEW_PRODUCTS", star: 4, wardId: "w1" }, "a")).toBe(true);
    // Another star, another ward or another kind is another target.
    expect(isDuplicateTarget(existing, { kind: "NEW_PRODUCTS", star: 3, wardId: null })).toBe(false);
    expect(isDuplicateTarget(existing, { kind: "NEW_PRODUCTS", star: 4, wardId: "w2" })).toBe(false);
    expect(isDuplicateTarget(existing, { kind: "UPGRADES", star: null, wardId: null })).toBe(false);
  });
});

describe("achieved", () => {
  const rows: ActualRow[] = [
    { year: 2026, kind: "NEW_PRODUCTS", wardId: "w1", star: 3, n: 2 },
    { year: 2026, kind: "NEW_PRODUCTS", wardId: "w1", star: 4, n: 1 },
    { year: 2026, kind: "NEW_PRODUCTS", wardId: "w2", star: 3, n: 5 },
    { year: 2025, kind: "NEW_PRODUCTS", wardId: "w1", star: 3, n: 7 },
    { year: 2026, kind: "UPGRADES", wardId: "w1", star: 4, n: 3 },
    { year: 2026, kind: "IDEAS", wardId: "w2", star: null, n: 9 },
  ];

  it("sums the city, a ward, a star, within the year and kind", () => {
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: null, wardId: null }, 2026, rows)).toBe(8);
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: 3, wardId: null }, 2026, rows)).toBe(7);
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: null, wardId: "w1" }, 2026, rows)).toBe(3);
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: 4, wardId: "w1" }, 2026, rows)).toBe(1);
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: 5, wardId: null }, 2026, rows)).toBe(0);
    expect(achievedFor({ kind: "NEW_PRODUCTS", star: null, wardId: null }, 2025, rows)).toBe(7);
    expect(achievedFor({ kind: "IDEAS", star: null, wardId: "w1" }, 2026, rows)).toBe(0);
    expect(achievedFor({ kind: "IDEAS", star: null, wardId: null }, 2026, rows)).toBe(9);
  });
});

describe("pace through the cycle", () => {
  it("recognitions are due by QĐ26 rounds: half after 30/6, all after 30/12 (rounded down)", () => {
    expect(expectedByDate("NEW_PRODUCTS", 4, 2026, "2026-01-01")).toBe(0);
    expect(expectedByDate("NEW_PRODUCTS", 4, 2026, "2026-06-30")).toBe(0);
    expect(expectedByDate("NEW_PRODUCTS", 4, 2026, "2026-07-01")).toBe(2);
    expect(expectedByDate("NEW_PRODUCTS", 3, 2026, "2026-07-01")).toBe(1);
    expect(expectedByDate("NEW_PRODUCTS", 1, 2026, "2026-07-01")).toBe(0);
    expect(expectedByDate("UPGRADES", 4, 2026, "2026-12-30")).toBe(2);
    expect(expectedByDate("RE_EVALUATIONS", 4, 2026, "2026-12-31")).toBe(4);
    expect(expectedByDate("NEW_PRODUCTS", 0, 2026, "2026-12-31")).toBe(0);
  });

  it("without a round calendar (QĐ148, 2025) recognitions follow step 5's window, else the year", () => {
    // 2025-01-01 … 2025-12-31: 365 days; 2025-07-02 is 182 days in.
    expect(expectedByDate("NEW_PRODUCTS", 4, 2025, "2025-01-01")).toBe(0);
    expect(expectedByDate("NEW_PRODUCTS", 4, 2025, "2025-07-02")).toBe(1);
    expect(expectedByDate("NEW_PRODUCTS", 4, 2025, "2025-12-31")).toBe(3);
    expect(expectedByDate("NEW_PRODUCTS", 4, 2025, "2026-01-01")).toBe(4);
    const windows = [{ stepNo: 5, startsOn: "2025-06-01", endsOn: "2025-06-10" }];
    expect(expectedByDate("NEW_PRODUCTS", 10, 2025, "2025-06-01", windows)).toBe(0);
    expect(expectedByDate("NEW_PRODUCTS", 10, 2025, "2025-06-06", windows)).toBe(5);
    expect(expectedByDate("NEW_PRODUCTS", 10, 2025, "2025-06-11", windows)).toBe(10);
  });

  it("other kinds accrue evenly over their own step's window", () => {
    const windows = [
      { stepNo: 2, startsOn: "2026-02-01", endsOn: "2026-04-30" }, // 89 days
      { stepNo: 3, startsOn: "2026-04-01", endsOn: "2026-06-30" },
    ];
    expect(expectedByDate("IDEAS", 10, 2026, "2026-01-15", windows)).toBe(0);
    expect(expectedByDate("IDEAS", 10, 2026, "2026-02-01", windows)).toBe(0);
    expect(expectedByDate("IDEAS", 10, 2026, "2026-02-10", windows)).toBe(1); // 9/89 of 10
    expect(expectedByDate("IDEAS", 10, 2026, "2026-04-30", windows)).toBe(9); // 88/89: the last day still runs
    expect(expectedByDate("IDEAS", 10, 2026, "2026-05-01", windows)).toBe(10);
    // Step 3's window, not step 2's.
    expect(expectedByDate("BUSINESS_PLANS", 10, 2026, "2026-03-31", windows)).toBe(0);
    // Step 6 has no window here: the calendar year.
    expect(expectedByDate("POINTS_OF_SALE", 2, 2026, "2026-07-03", windows)).toBe(1);
    // A window typed back to front owes nothing until its later date has passed, then all.
    const reversed = [{ stepNo: 2, startsOn: "2026-05-01", endsOn: "2026-04-01" }];
    expect(expectedByDate("IDEAS", 10, 2026, "2026-05-01", reversed)).toBe(0);
    expect(expectedByDate("IDEAS", 10, 2026, "2026-05-02", reversed)).toBe(10);
  });

  it("gives a status: not started, on track, behind, achieved, missed", () => {
    const p = (achieved: number, today: string, quantity = 4) => targetProgress({ kind: "NEW_PRODUCTS", quantity, achieved, year: 2026, today });
    expect(p(0, "2025-12-31").status).toBe("NOT_STARTED");
    expect(p(0, "2026-06-30").status).toBe("ON_TRACK");
    expect(p(1, "2026-07-01").status).toBe("BEHIND");
    expect(p(2, "2026-07-01").status).toBe("ON_TRACK");
    expect(p(3, "2026-12-31").status).toBe("BEHIND");
    expect(p(3, "2027-01-01").status).toBe("MISSED");
    expect(p(4, "2026-02-01").status).toBe("ACHIEVED");
    expect(p(5, "2027-03-01").status).toBe("ACHIEVED");
  });

  it("rounds the percentage down and lets it pass 100", () => {
    const p = (achieved: number, quantity: number) => targetProgress({ kind: "IDEAS", quantity, achieved, year: 2026, today: "2026-05-01" });
    expect(p(2, 3).percent).toBe(66);
    expect(p(199, 200).percent).toBe(99);
    expect(p(5, 4).percent).toBe(125);
    expect(p(0, 4).percent).toBe(0);
    expect(p(0, 0).percent).toBeNull();
  });

  it("sums a plan's progress with each target capped at 100 %", () => {
    const o = overallProgress([
      { percent: 150, status: "ACHIEVED" },
      { percent: 50, status: "BEHIND" },
      { percent: 0, status: "NOT_STARTED" },
      { percent: 40, status: "MISSED" },
      { percent: 70, status: "ON_TRACK" },
    ]);
    expect(o).toEqual({ targets: 5, achieved: 1, onTrack: 2, behind: 2, percent: 52 });
    expect(overallProgress([]).percent).toBeNull();
  });
});

describe("budget", () => {
  const b = (n: number) => BigInt(n);
  it("sets planned against spent per source, in the sources' order, showing unplanned spending", () => {
    const rows = budgetBySource(
      [
        { source: "CITY", amount: b(100_000_000) },
        { source: "CITY", amount: b(50_000_000) },
        { source: "NATIONAL_TARGET_PROGRAMME", amount: b(300_000_000) },
      ],
      [
        { source: "CITY", amount: b(160_000_000) },
        { source: "NATIONAL_TARGET_PROGRAMME", amount: b(100_000_001) },
        { source: "PRODUCER", amount: b(5_000_000) },
      ],
    );
    expect(rows.map((r) => r.source)).toEqual(["NATIONAL_TARGET_PROGRAMME", "CITY", "PRODUCER"]);
    expect(rows[0]).toEqual({ source: "NATIONAL_TARGET_PROGRAMME", planned: b(300_000_000), spent: b(100_000_001), remaining: b(199_999_999), percent: 33, over: false });
    expect(rows[1]).toEqual({ source: "CITY", planned: b(150_000_000), spent: b(160_000_000), remaining: b(-10_000_000), percent: 106, over: true });
    expect(rows[2]).toEqual({ source: "PRODUCER", planned: b(0), spent: b(5_000_000), remaining: b(-5_000_000), percent: null, over: true });
    expect(FUNDING_SOURCES).toHaveLength(5);
  });

  it("is exact beyond 2^53 đồng and empty without lines or spending", () => {
    const big = BigInt("9007199254740993");
    expect(budgetBySource([{ source: "PROVINCE", amount: big }], [{ source: "PROVINCE", amount: big }])[0]).toMatchObject({ remaining: b(0), percent: 100, over: false });
    expect(budgetBySource([], [])).toEqual([]);
  });
});

describe("activities", () => {
  const a = { startsOn: "2026-03-01", endsOn: "2026-03-31", doneOn: null };
  it("are upcoming, in progress, overdue the day after their end, done once marked", () => {
    expect(activityState(a, "2026-02-28")).toBe("UPCOMING");
    expect(activityState(a, "2026-03-01")).toBe("IN_PROGRESS");
    expect(activityState(a, "2026-03-31")).toBe("IN_PROGRESS");
    expect(activityState(a, "2026-04-01")).toBe("OVERDUE");
    expect(activityState({ ...a, doneOn: "2026-04-10" }, "2026-12-01")).toBe("DONE");
  });

  it("sit inside their cycle year and end on or after they start", () => {
    expect(activityDateProblems({ startsOn: "2026-01-01", endsOn: "2026-12-31" }, 2026)).toEqual([]);
    expect(activityDateProblems({ startsOn: "2026-05-01", endsOn: "2026-05-01" }, 2026)).toEqual([]);
    expect(activityDateProblems({ startsOn: "2025-12-31", endsOn: "2026-01-05" }, 2026)).toEqual([{ field: "startsOn", code: "outsideYear" }]);
    expect(activityDateProblems({ startsOn: "2026-12-01", endsOn: "2027-01-01" }, 2026)).toEqual([{ field: "endsOn", code: "outsideYear" }]);
    expect(activityDateProblems({ startsOn: "2026-05-02", endsOn: "2026-05-01" }, 2026)).toEqual([{ field: "endsOn", code: "endsBeforeStarts" }]);
  });

  it("are marked done on a day that has come, within or after their year", () => {
    expect(doneOnProblem("2026-11-30", 2026, "2026-11-30")).toBeNull();
    expect(doneOnProblem("2026-12-01", 2026, "2026-11-30")).toBe("doneInFuture");
    expect(doneOnProblem("2025-12-31", 2026, "2026-11-30")).toBe("doneBeforeYear");
    expect(doneOnProblem("2026-01-01", 2026, "2026-11-30")).toBeNull();
  });

  it("line up by step, all six steps, each by start date then end then title", () => {
    const list = [
      { stepNo: 2, title: "B", startsOn: "2026-02-01", endsOn: "2026-03-01" },
      { stepNo: 2, title: "A", startsOn: "2026-02-01", endsOn: "2026-03-01" },
      { stepNo: 2, title: "C", startsOn: "2026-01-15", endsOn: "2026-04-01" },
      { stepNo: 5, title: "D", startsOn: "2026-06-01", endsOn: "2026-06-30" },
    ];
    const steps = activitiesByStep(list);
    expect(steps.map((s) => s.stepNo)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps[1]!.activities.map((x) => x.title)).toEqual(["C", "A", "B"]);
    expect(steps[0]!.activities).toEqual([]);
    expect(steps[4]!.activities.map((x) => x.title)).toEqual(["D"]);
  });
});

describe("the lists behind the figures", () => {
  it("open the certificates, ideas and plans with the filters those lists have", () => {
    expect(targetListHref({ kind: "NEW_PRODUCTS", star: 4 }, 2026, { wardParam: "w1" })).toEqual({ href: "/certificates?year=2026&type=FIRST&star=4&ward=w1", exact: true });
    expect(targetListHref({ kind: "UPGRADES", star: null }, 2026)).toEqual({ href: "/certificates?year=2026&type=UPGRADE", exact: true });
    expect(targetListHref({ kind: "RE_EVALUATIONS", star: null }, 2026).href).toBe("/certificates?year=2026&type=RE_EVALUATION");
    expect(targetListHref({ kind: "IDEAS", star: null }, 2026, { wardParam: "w1" })).toEqual({ href: "/ideas?year=2026&ward=w1", exact: true });
    expect(targetListHref({ kind: "BUSINESS_PLANS", star: null }, 2026)).toEqual({ href: "/plans?year=2026&stage=approved", exact: true });
  });

  it("offer the approved points of sale without pretending the desk filters by year", () => {
    expect(targetListHref({ kind: "POINTS_OF_SALE", star: null }, 2026, { wardParam: "w1", wardCode: "01840" })).toEqual({ href: "/manage/points-of-sale?status=APPROVED&ward=01840", exact: false });
  });
});
