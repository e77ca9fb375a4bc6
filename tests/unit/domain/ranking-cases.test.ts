// The ranking cases the evaluation step (step 5) is judged by, on the real QĐ26 sheets.
import { describe, expect, it } from "vitest";
import { QD148_2023, QD26_2026 } from "@/lib/domain/rule-sets";
import { bestAnswers, resultingStar, scoreSheet, starForAverage, starMinimums } from "@/lib/domain/scoring";
import { loadSheet } from "./load-criteria";

const set7 = loadSheet(7);

function pointsOf(sheet: typeof set7) {
  return scoreSheet(sheet, bestAnswers(sheet)).itemPoints;
}

describe("a 75-point product missing a 4★ minimum", () => {
  const minimum = starMinimums(set7, 4).find((m) => m.markedStar === 4)!;
  // Below the 4★ option on that item, but still at its 3★ level if it has one.
  const below = starMinimums(set7, 3).find((m) => m.itemCode === minimum.itemCode)?.requiredPoints ?? 0;
  const itemPoints = { ...pointsOf(set7), [minimum.itemCode]: below };

  it("comes out 3★, naming the item and what it would need", () => {
    const r = resultingStar({ averageTotal: 75, itemPoints, sheet: set7, ruleSet: QD26_2026 });
    expect(r.bandStar).toBe(4);
    expect(r.star).toBe(3);
    expect(r.blockedBy).toEqual([expect.objectContaining({ itemCode: minimum.itemCode, requiredPoints: minimum.requiredPoints, actualPoints: below })]);
  });

  it("is recognised by the district under QĐ148 and by the province under QĐ26", () => {
    expect(resultingStar({ averageTotal: 75, itemPoints, sheet: set7, ruleSet: QD148_2023 }).recognitionLevel).toBe("DISTRICT");
    expect(resultingStar({ averageTotal: 75, itemPoints, sheet: set7, ruleSet: QD26_2026 }).recognitionLevel).toBe("PROVINCE");
  });

  it("meeting the minimum, the same product is 4★, recognised by the province under both", () => {
    const full = pointsOf(set7);
    for (const rs of [QD148_2023, QD26_2026]) {
      const r = resultingStar({ averageTotal: 75, itemPoints: full, sheet: set7, ruleSet: rs });
      expect(r.star).toBe(4);
      expect(r.recognitionLevel).toBe("PROVINCE");
    }
  });
});

describe("band boundaries named by the evaluation step", () => {
  it.each([
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
  ])("%d points → %d★", (avg, star) => {
    expect(starForAverage(avg, QD26_2026)).toBe(star);
  });
});

describe("a knock-out rejects whatever the score", () => {
  it("a sheet-level rejection condition leaves no star at 100 points", () => {
    // The assessor ticks the sheet's "Hồ sơ bị loại khi" condition on an otherwise perfect sheet.
    const score = scoreSheet(set7, { ...bestAnswers(set7), sheetKnockOuts: [0] });
    expect(score.total).toBe(100);
    expect(score.knockOuts).toEqual([expect.objectContaining({ kind: "SHEET_CONDITION", conditionIndex: 0 })]);
    const r = resultingStar({ averageTotal: score.total, itemPoints: score.itemPoints, sheet: set7, ruleSet: QD26_2026, knockOuts: score.knockOuts });
    expect(r.knockedOut).toBe(true);
    expect(r.star).toBeNull();
    expect(r.certificateEligible).toBe(false);
  });
});
