import { describe, expect, it } from "vitest";
import { findItem, listScoredItems, type CriteriaSheetData } from "@/lib/domain/criteria";
import { QD148_2023, QD26_2026 } from "@/lib/domain/rule-sets";
import {
  bestAnswers,
  resultingStar,
  scoreSheet,
  ScoringError,
  starMinimums,
  unmetMinimums,
  type ItemAnswer,
  type SheetAnswers,
} from "@/lib/domain/scoring";
import { loadSheet } from "./load-criteria";

const set7 = loadSheet(7);
const set16 = loadSheet(16);
const set26 = loadSheet(26);

/** Best answers of a sheet with some items set to a given option index. */
function answersWith(sheet: CriteriaSheetData, overrides: Record<string, ItemAnswer | undefined>, extra: Partial<SheetAnswers> = {}): SheetAnswers {
  const items: Record<string, ItemAnswer | undefined> = { ...bestAnswers(sheet).items, ...overrides };
  for (const [code, answer] of Object.entries(items)) if (answer === undefined) delete items[code];
  return { ...extra, items };
}

function scoringErrorCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof ScoringError ? e.code : `other: ${String(e)}`;
  }
}

describe("scoreSheet", () => {
  it("scores the best answers of set 7 at 100 with parts 40/25/35 and heading sums", () => {
    const score = scoreSheet(set7, bestAnswers(set7));
    expect(score.total).toBe(100);
    expect(score.byPart).toEqual({ A: 40, B: 25, C: 35 });
    expect(score.byHeading).toEqual({ 1: 18, 2: 10, 3: 12, 4: 13, 5: 12, 6: 15, 7: 5, 8: 5, 9: 5, 10: 2, 11: 3 });
    expect(score.missingItems).toEqual([]);
    expect(score.complete).toBe(true);
    expect(score.knockOuts).toEqual([]);
  });

  it("scores an option-less item as a whole: met → maxPoints, not met → 0", () => {
    expect(scoreSheet(set7, answersWith(set7, { "2.4": { met: true } })).itemPoints["2.4"]).toBe(1);
    expect(scoreSheet(set7, answersWith(set7, { "2.4": { met: false } })).total).toBe(99);
  });

  it("takes the points of the ticked option", () => {
    const score = scoreSheet(set7, answersWith(set7, { "4.1": { option: 0 }, "6.5": { option: 2 } }));
    expect(score.itemPoints["4.1"]).toBe(1);
    expect(score.itemPoints["6.5"]).toBe(3);
    expect(score.total).toBe(100 - 4 - 2);
    expect(score.byPart).toEqual({ A: 40, B: 21, C: 33 });
    expect(score.byHeading[4]).toBe(9);
  });

  it("reports missing items of an incomplete sheet in printed order and scores the rest", () => {
    const score = scoreSheet(set7, answersWith(set7, { "1.2": undefined, "11": undefined, "5.1": undefined }));
    expect(score.missingItems).toEqual(["1.2", "5.1", "11"]);
    expect(score.complete).toBe(false);
    expect(score.total).toBe(100 - 2 - 5 - 3);
  });

  it("reports every item of an empty sheet as missing", () => {
    const score = scoreSheet(set7, { items: {} });
    expect(score.missingItems).toHaveLength(listScoredItems(set7).length);
    expect(score.total).toBe(0);
  });

  it.each<[string, ItemAnswer, string | null]>([
    ["1.3", { option: 3 }, "OPTION_OUT_OF_RANGE"],
    ["1.3", { option: -1 }, "OPTION_OUT_OF_RANGE"],
    ["1.3", { option: 1.5 }, "OPTION_OUT_OF_RANGE"],
    ["1.3", { option: 2 }, null],
    ["1.3", { met: true }, "ANSWER_KIND_MISMATCH"],
    ["2.4", { option: 0 }, "ANSWER_KIND_MISMATCH"],
    ["1.3", { option: 0, case: "a" }, "CASE_MISMATCH"],
    ["9.9", { option: 0 }, "UNKNOWN_ITEM"],
  ])("item %s answered %j → %s", (code, answer, expected) => {
    expect(scoringErrorCode(() => scoreSheet(set7, answersWith(set7, { [code]: answer })))).toBe(expected);
  });

  it("scores set 26 case items within the chosen case and refuses a case that does not match the option", () => {
    expect(scoreSheet(set26, answersWith(set26, { "8": { option: 2, case: "b" } })).itemPoints["8"]).toBe(1);
    expect(scoreSheet(set26, answersWith(set26, { "8": { option: 3, case: "b" } })).total).toBe(100);
    expect(scoreSheet(set26, answersWith(set26, { "8": { option: 3 } })).itemPoints["8"]).toBe(3);
    expect(scoringErrorCode(() => scoreSheet(set26, answersWith(set26, { "8": { option: 2, case: "a" } })))).toBe("CASE_MISMATCH");
    expect(scoringErrorCode(() => scoreSheet(set26, answersWith(set26, { "8": { option: 4, case: "b" } })))).toBe("OPTION_OUT_OF_RANGE");
  });

  it("records sheet knock-out conditions, item knock-outs and stop-evaluation notes", () => {
    const score = scoreSheet(set7, answersWith(set7, {}, { sheetKnockOuts: [0], itemKnockOuts: ["1.1"], stopEvaluations: ["6.1"] }));
    expect(score.knockOuts.map((k) => k.kind)).toEqual(["SHEET_CONDITION", "ITEM_KNOCK_OUT", "STOP_EVALUATION"]);
    expect(score.knockOuts[0]).toMatchObject({ conditionIndex: 0, text: set7.knockOutConditions[0] });
    expect(score.knockOuts[1]).toMatchObject({ itemCode: "1.1", text: findItem(set7, "1.1")!.item.knockOut });
  });

  it.each<[Partial<SheetAnswers>, string]>([
    [{ sheetKnockOuts: [1] }, "UNKNOWN_KNOCK_OUT_CONDITION"],
    [{ itemKnockOuts: ["1.2"] }, "ITEM_HAS_NO_KNOCK_OUT"],
    [{ stopEvaluations: ["6.2"] }, "ITEM_HAS_NO_STOP_EVALUATION"],
    [{ itemKnockOuts: ["99"] }, "UNKNOWN_ITEM"],
  ])("refuses a knock-out flag the sheet does not print: %j → %s", (extra, code) => {
    expect(scoringErrorCode(() => scoreSheet(set7, answersWith(set7, {}, extra)))).toBe(code);
  });

  it("refuses any sheet knock-out on set 26, which prints none", () => {
    expect(scoringErrorCode(() => scoreSheet(set26, answersWith(set26, {}, { sheetKnockOuts: [0] })))).toBe("UNKNOWN_KNOCK_OUT_CONDITION");
  });

  it("does not ask for the items after a triggered stop-evaluation note", () => {
    const afterStop = listScoredItems(set7).slice(listScoredItems(set7).findIndex((r) => r.item.code === "6.1") + 1).map((r) => r.item.code);
    const overrides = Object.fromEntries(afterStop.map((c) => [c, undefined]));
    const stopped = scoreSheet(set7, answersWith(set7, { ...overrides, "6.1": { option: 0 } }, { stopEvaluations: ["6.1"] }));
    expect(stopped.missingItems).toEqual([]);
    const notStopped = scoreSheet(set7, answersWith(set7, { ...overrides, "6.1": { option: 0 } }));
    expect(notStopped.missingItems).toEqual(afterStop);
  });
});

describe("star minimums", () => {
  it("binds a 3★ marker to 4★ and 5★ when the item has no higher marker (set 7 item 2.2)", () => {
    for (const star of [3, 4, 5] as const) {
      const m = starMinimums(set7, star).find((x) => x.itemCode === "2.2");
      expect(m).toMatchObject({ requiredPoints: 2, markedStar: 3, optionIndex: 2 });
    }
    expect(starMinimums(set7, 2)).toEqual([]);
    expect(starMinimums(set7, 1)).toEqual([]);
  });

  it("takes the item's own higher marker once it exists (set 7 item 2.3: 3★ at 1 point, 4★ at 3 points)", () => {
    expect(starMinimums(set7, 3).find((x) => x.itemCode === "2.3")).toMatchObject({ requiredPoints: 1, markedStar: 3 });
    expect(starMinimums(set7, 4).find((x) => x.itemCode === "2.3")).toMatchObject({ requiredPoints: 3, markedStar: 4 });
    expect(starMinimums(set7, 5).find((x) => x.itemCode === "2.3")).toMatchObject({ requiredPoints: 3, markedStar: 4 });
  });

  it("has no 4★ minimum on an item marked only for 5★, and grows with the star", () => {
    expect(starMinimums(set7, 4).find((x) => x.itemCode === "6.3")).toMatchObject({ requiredPoints: 2 });
    expect(starMinimums(set7, 5).find((x) => x.itemCode === "6.3")).toMatchObject({ requiredPoints: 3 });
    expect(starMinimums(set7, 3).find((x) => x.itemCode === "6.3")).toBeUndefined();
    const count = (s: 3 | 4 | 5) => starMinimums(set7, s).length;
    expect(count(3)).toBeLessThan(count(4));
    expect(count(4)).toBeLessThanOrEqual(count(5));
  });

  it("compares points, so an average exactly at the marked option meets it and just below does not", () => {
    const best = scoreSheet(set7, bestAnswers(set7)).itemPoints;
    expect(unmetMinimums(set7, { ...best, "4.1": 5 }, 5)).toEqual([]);
    expect(unmetMinimums(set7, { ...best, "4.1": 13 / 3 }, 5).map((b) => b.itemCode)).toEqual(["4.1"]);
    expect(unmetMinimums(set7, { ...best, "4.1": 13 / 3 }, 4)).toEqual([]);
  });

  it("counts an unanswered marked item as not met", () => {
    const best = { ...scoreSheet(set7, bestAnswers(set7)).itemPoints };
    delete best["8"];
    expect(unmetMinimums(set7, best, 3).map((b) => [b.itemCode, b.actualPoints, b.requiredPoints])).toEqual([["8", 0, 2]]);
  });
});

describe("resultingStar on real sheets", () => {
  function rank(sheet: CriteriaSheetData, answers: SheetAnswers, ruleSet = QD26_2026) {
    const score = scoreSheet(sheet, answers);
    return { score, result: resultingStar({ averageTotal: score.total, itemPoints: score.itemPoints, sheet, ruleSet, knockOuts: score.knockOuts }) };
  }

  it("gives the best set 7 sheet 5★ with nothing blocking and no next star", () => {
    const { result } = rank(set7, bestAnswers(set7));
    expect(result).toMatchObject({ bandStar: 5, star: 5, blockedBy: [], nextStar: null, nextStarBlockers: [], knockedOut: false });
    expect(result.certificateEligible).toBe(true);
    expect(result.recognitionLevel).toBe("CENTRAL");
  });

  it("gives 3★ to a 98-point set 7 sheet whose 4★-marked item 2.3 sits at its 3★ level", () => {
    const { score, result } = rank(set7, answersWith(set7, { "2.3": { option: 0 } }));
    expect(score.total).toBe(98);
    expect(result.bandStar).toBe(5);
    expect(result.star).toBe(3);
    expect(result.blockedBy).toEqual([
      expect.objectContaining({ itemCode: "2.3", star: 5, requiredPoints: 3, actualPoints: 1, markedStar: 4 }),
    ]);
    expect(result.nextStar).toBe(4);
    expect(result.nextStarMinAverage).toBe(70);
    expect(result.nextStarBlockers.map((b) => b.itemCode)).toEqual(["2.3"]);
    expect(result.recognitionLevel).toBe("PROVINCE");
  });

  it("gives 4★ to an average of 92 that misses a 5★ minimum (item 4.1 at its 4★ option)", () => {
    const { score, result } = rank(set7, answersWith(set7, { "4.1": { option: 2 }, "4.3": { option: 0 }, "1.7": { option: 0 } }));
    expect(score.total).toBe(92);
    expect(result).toMatchObject({ bandStar: 5, star: 4, nextStar: 5, nextStarMinAverage: 90 });
    expect(result.blockedBy.map((b) => [b.itemCode, b.requiredPoints, b.actualPoints])).toEqual([["4.1", 5, 3]]);
    expect(result.nextStarBlockers).toEqual(result.blockedBy);
  });

  it("gives 2★ (no certificate) to a 98-point sheet that misses a 3★ minimum, since the marker binds every star", () => {
    const { score, result } = rank(set7, answersWith(set7, { "2.2": { option: 1 } }));
    expect(score.total).toBe(98);
    expect(result.star).toBe(2);
    expect(result.blockedBy.map((b) => [b.itemCode, b.markedStar])).toEqual([["2.2", 3]]);
    expect(result.nextStarBlockers.map((b) => b.itemCode)).toEqual(["2.2"]);
    expect(result.certificateEligible).toBe(false);
    expect(result.recognitionLevel).toBeNull();
  });

  it("lets the band decide when the minimums are met: a 4★ band stays 4★ and shows the 5★ blockers", () => {
    // Drop 14 points on items without markers: every 5★ minimum is still met, but the band is 4★.
    const answers = answersWith(set7, { "4.3": { option: 0 }, "4.2": { option: 0 }, "1.4": { option: 0 }, "5.2": { option: 0 }, "11": { option: 0 } });
    const { score, result } = rank(set7, answers);
    expect(score.total).toBe(100 - 5 - 3 - 2 - 2 - 2);
    expect(result).toMatchObject({ bandStar: 4, star: 4, blockedBy: [], nextStar: 5, nextStarBlockers: [] });
  });

  it("knocks out regardless of score and withholds any star", () => {
    const { result } = rank(set7, answersWith(set7, {}, { itemKnockOuts: ["2.1"] }));
    expect(result).toMatchObject({ bandStar: 5, star: null, knockedOut: true, certificateEligible: false, recognitionLevel: null });
    expect(result.knockOuts).toHaveLength(1);
  });

  it("stops a set 16 evaluation through its stop-evaluation note on 6.4", () => {
    const { result } = rank(set16, answersWith(set16, { "6.4": { option: 0 } }, { stopEvaluations: ["6.4"] }));
    expect(result.knockedOut).toBe(true);
    expect(result.knockOuts[0]).toMatchObject({ kind: "STOP_EVALUATION", itemCode: "6.4" });
  });

  it("names the recognising level of the rule set (QĐ148: district recognises 3★)", () => {
    const { result } = rank(set7, answersWith(set7, { "2.3": { option: 0 } }), QD148_2023);
    expect(result.star).toBe(3);
    expect(result.recognitionLevel).toBe("DISTRICT");
  });

  it("ranks 1★ below 30 with no minimums involved", () => {
    const result = resultingStar({ averageTotal: 29.99, itemPoints: {}, sheet: set7, ruleSet: QD26_2026 });
    expect(result).toMatchObject({ bandStar: 1, star: 1, blockedBy: [], nextStar: 2, nextStarMinAverage: 30, nextStarBlockers: [] });
  });

  it("passes the band's RangeError through for an impossible average", () => {
    expect(() => resultingStar({ averageTotal: 101, itemPoints: {}, sheet: set7, ruleSet: QD26_2026 })).toThrow(RangeError);
  });
});
