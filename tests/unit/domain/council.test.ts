import { describe, expect, it } from "vitest";
import { QD26_2026, type CouncilRules } from "@/lib/domain/rule-sets";
import { bestAnswers, councilResult, hasQuorum, type ItemAnswer, type SheetAnswers } from "@/lib/domain/scoring";
import { loadSheet } from "./load-criteria";

const set7 = loadSheet(7);

function member(overrides: Record<string, ItemAnswer> = {}, extra: Partial<SheetAnswers> = {}): SheetAnswers {
  return { ...extra, items: { ...bestAnswers(set7).items, ...overrides } };
}

// Set 7 items without star markers, used to lower a total without touching any minimum.
const minus1 = { "1.7": { option: 0 } }; // 1 → 0
const minus5 = { "4.3": { option: 0 } }; // 5 → 0
const minus3 = { "4.2": { option: 0 } }; // 3 → 0

describe("councilResult", () => {
  it("averages the members' exact totals and rounds only the display value", () => {
    const r = councilResult([member(), member(minus1), member({ ...minus1, "11": { option: 1 } })], set7, QD26_2026);
    // totals 100, 99, 98 → 99
    expect(r.memberTotals).toEqual([100, 99, 98]);
    expect(r.averageTotal).toBe(99);
    const r2 = councilResult([member({ ...minus5, ...minus3, "5.2": { option: 0 } }), member({ ...minus5, ...minus3, "5.2": { option: 0 } }), member({ ...minus5, ...minus3, "5.2": { option: 0 }, "1.7": { option: 0 } })], set7, QD26_2026);
    // totals 90, 90, 89 → 89.666…: exact value stays below 90, display shows 89.67
    expect(r2.averageTotal).toBeCloseTo(269 / 3, 12);
    expect(r2.averageTotalDisplay).toBe(89.67);
    expect(r2.result.bandStar).toBe(4);
  });

  it("gives 5★ to an exact mean of 90", () => {
    const ninety = member({ ...minus5, ...minus3, "5.2": { option: 0 } });
    const r = councilResult([ninety, ninety, ninety], set7, QD26_2026);
    expect(r.averageTotal).toBe(90);
    expect(r.result.star).toBe(5);
  });

  it("checks star minimums on the per-item mean: one member below a 5★ marker keeps the council below 5★", () => {
    const r = councilResult([member(), member(), member({ "4.1": { option: 2 } })], set7, QD26_2026);
    expect(r.itemAverages["4.1"]).toBeCloseTo(13 / 3, 12);
    expect(r.averageTotal).toBeCloseTo(298 / 3, 12);
    expect(r.result.bandStar).toBe(5);
    expect(r.result.star).toBe(4);
    expect(r.result.blockedBy.map((b) => b.itemCode)).toEqual(["4.1"]);
  });

  it.each<[number[], number, boolean]>([
    [[0, 10], 10, false],
    [[0, 11], 11, true],
    [[0, 0, 0], 0, false],
  ])("spread of totals lowered by %j is %i, exceeded: %s (max 10)", (drops, spread, exceeded) => {
    const dropTo = (n: number): SheetAnswers => {
      if (n === 0) return member();
      if (n === 10) return member({ ...minus5, ...minus3, "5.2": { option: 0 } });
      return member({ ...minus5, ...minus3, "5.2": { option: 0 }, ...minus1 });
    };
    const r = councilResult(drops.map(dropTo), set7, QD26_2026);
    expect(r.spread).toBe(spread);
    expect(r.spreadExceeded).toBe(exceeded);
  });

  it("uses the council's own max spread when given", () => {
    const rules: CouncilRules = { ...QD26_2026.councilDefaults, maxSpread: 5 };
    const r = councilResult([member(), member({ ...minus5, ...minus1 })], set7, QD26_2026, rules);
    expect(r.spread).toBe(6);
    expect(r.spreadExceeded).toBe(true);
  });

  describe("knock-outs are a council finding", () => {
    const ko = { itemKnockOuts: ["1.1"] };
    it.each<[string, number, number, CouncilRules["knockOutRule"], boolean]>([
      ["1 of 3, majority", 1, 3, "MAJORITY", false],
      ["2 of 3, majority", 2, 3, "MAJORITY", true],
      ["1 of 2 is a tie, majority", 1, 2, "MAJORITY", false],
      ["1 of 2, any", 1, 2, "ANY", true],
      ["2 of 3, unanimous", 2, 3, "UNANIMOUS", false],
      ["3 of 3, unanimous", 3, 3, "UNANIMOUS", true],
    ])("%s", (_label, flagged, members, rule, stands) => {
      const sheets = Array.from({ length: members }, (_, i) => (i < flagged ? member({}, ko) : member()));
      const r = councilResult(sheets, set7, QD26_2026, { ...QD26_2026.councilDefaults, knockOutRule: rule });
      expect(r.knockOutTally).toEqual([expect.objectContaining({ flaggedBy: flagged, stands })]);
      expect(r.result.knockedOut).toBe(stands);
      expect(r.result.star).toBe(stands ? null : 5);
    });

    it("defaults to the majority rule", () => {
      expect(QD26_2026.councilDefaults.knockOutRule).toBe("MAJORITY");
    });
  });

  it("flags members whose sheet is incomplete and counts their missing items as 0", () => {
    const incomplete: SheetAnswers = { items: Object.fromEntries(Object.entries(bestAnswers(set7).items).filter(([code]) => code !== "8")) };
    const r = councilResult([member(), incomplete], set7, QD26_2026);
    expect(r.incompleteMembers).toEqual([1]);
    expect(r.itemAverages["8"]).toBe(2.5);
    expect(r.memberTotals).toEqual([100, 95]);
  });

  it("refuses an empty council", () => {
    expect(() => councilResult([], set7, QD26_2026)).toThrow(RangeError);
  });
});

describe("hasQuorum", () => {
  const rules = QD26_2026.councilDefaults;
  it.each<[number, number, boolean, boolean]>([
    [8, 6, true, true],
    [8, 5, true, false],
    [8, 8, false, false],
    [9, 7, true, true],
    [9, 6, true, false],
    [4, 3, true, true],
  ])("council of %i with %i present, chair present %s → %s", (councilSize, present, chairPresent, ok) => {
    expect(hasQuorum({ councilSize, present, chairPresent }, rules)).toBe(ok);
  });

  it("rejects impossible attendance", () => {
    expect(() => hasQuorum({ councilSize: 5, present: 6, chairPresent: true }, rules)).toThrow(RangeError);
  });
});
