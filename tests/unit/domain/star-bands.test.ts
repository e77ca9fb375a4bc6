import { describe, expect, it } from "vitest";
import { QD148_1489_2025, QD148_2023, QD26_2026, RULE_SETS } from "@/lib/domain/rule-sets";
import { roundForDisplay, starBand, starForAverage } from "@/lib/domain/scoring";

describe("starForAverage", () => {
  const cases: Array<[number, number]> = [
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [89.999999, 4],
    [90, 5],
    [100, 5],
  ];
  for (const ruleSet of RULE_SETS) {
    it.each(cases)(`${ruleSet.code}: average %s → %s★`, (average, star) => {
      expect(starForAverage(average, ruleSet)).toBe(star);
    });
  }

  it.each([100.01, -0.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %s with a RangeError", (average) => {
    expect(() => starForAverage(average, QD26_2026)).toThrow(RangeError);
  });

  it("gives an exact mean of 270/3 = 90 five stars and 269/3 four stars", () => {
    expect(starForAverage(270 / 3, QD26_2026)).toBe(5);
    expect(starForAverage(269 / 3, QD26_2026)).toBe(4);
  });

  it("keeps the bands identical across the three rule sets", () => {
    expect(QD148_2023.starBands).toEqual(QD26_2026.starBands);
    expect(QD148_1489_2025.starBands).toEqual(QD26_2026.starBands);
  });

  it("exposes each band's lower bound", () => {
    expect([1, 2, 3, 4, 5].map((s) => starBand(s as 1 | 2 | 3 | 4 | 5, QD26_2026).min)).toEqual([0, 30, 50, 70, 90]);
  });
});

describe("roundForDisplay", () => {
  it.each([
    [89.666666, 89.67],
    [250 / 3, 83.33],
    [1.005, 1.01],
    [90, 90],
    [0, 0],
  ])("%s → %s", (value, shown) => {
    expect(roundForDisplay(value)).toBe(shown);
  });
});
