// The release rule on the real set-7 sheet: the same dossier under QĐ148 (city council) and
// under QĐ26 (provincial council).
import { describe, expect, it } from "vitest";
import { referralOutcome, releaseAction, type ReleasableResult } from "@/lib/domain/release";
import { QD148_2023, QD26_2026, referralTarget, type EvaluationLevel, type RuleSetDefinition } from "@/lib/domain/rule-sets";
import { bestAnswers, councilResult, starMinimums, type SheetAnswers } from "@/lib/domain/scoring";
import { loadSheet } from "./load-criteria";

const set7 = loadSheet(7);

/** Best answers lowered item by item to `target` points, never below the minimums of `keepStar`. */
function answersWorth(target: number, keepStar: 1 | 2 | 3 | 4 | 5, overrides: SheetAnswers["items"] = {}): SheetAnswers {
  const best = bestAnswers(set7).items;
  const required = new Map(starMinimums(set7, keepStar).map((m) => [m.itemCode, m.requiredPoints]));
  const items: Record<string, SheetAnswers["items"][string]> = { ...best, ...overrides };
  let total = councilResult([{ items }], set7, QD26_2026).averageTotal;
  for (const part of set7.parts) for (const heading of part.headings) for (const item of heading.items) {
    if (total <= target || item.code in overrides || item.options.length === 0) continue;
    const current = item.options[(items[item.code] as { option: number }).option]!.points;
    const floor = required.get(item.code) ?? 0;
    const candidates = item.options.map((o, i) => ({ i, p: o.points })).filter((o) => o.p >= floor && o.p >= current - (total - target)).sort((a, b) => a.p - b.p);
    const pick = candidates[0]!;
    total -= current - pick.p;
    items[item.code] = { option: pick.i };
  }
  if (total !== target) throw new Error(`could not reach ${target}, got ${total}`);
  return { items };
}

function result(sheets: SheetAnswers[], ruleSet: RuleSetDefinition, level: EvaluationLevel): ReleasableResult & { average: number } {
  const c = councilResult(sheets, set7, ruleSet);
  return {
    average: c.averageTotal,
    star: c.result.star,
    knockedOut: c.result.knockedOut,
    recognitionLevel: c.result.recognitionLevel,
    referralTo: c.result.knockedOut ? null : referralTarget(ruleSet, level, c.averageTotal),
  };
}

describe("releaseAction: the same dossier under QĐ148 (city council) and QĐ26 (provincial council)", () => {
  it.each<[string, number, 1 | 2 | 3 | 4 | 5, string, string]>([
    ["65 points, 3★", 65, 3, "recognise", "recognise"],
    ["75 points, 4★", 75, 4, "send-to-central", "recognise"],
    ["69 points, 3★ (just below the QĐ148 referral)", 69, 3, "recognise", "recognise"],
    ["70 points, 4★ (exactly the QĐ148 referral)", 70, 4, "send-to-central", "recognise"],
    ["89 points, 4★", 89, 4, "send-to-central", "recognise"],
    ["90 points, 5★", 90, 5, "send-to-central", "send-to-central"],
    ["45 points, 2★", 45, 2, "not-recognise", "not-recognise"],
  ])("%s → QĐ148 city: %s; QĐ26 province: %s", (_label, points, keep, qd148, qd26) => {
    const sheets = [answersWorth(points, keep), answersWorth(points, keep), answersWorth(points, keep)];
    const city = result(sheets, QD148_2023, "DISTRICT");
    const province = result(sheets, QD26_2026, "PROVINCE");
    expect(city.average).toBe(points);
    expect(releaseAction(city, "DISTRICT")).toBe(qd148);
    expect(releaseAction(province, "PROVINCE")).toBe(qd26);
  });

  it("under QĐ148 the province, receiving a city referral, recognises 4★ and refers ≥ 90 on", () => {
    const four = result([answersWorth(80, 4)], QD148_2023, "PROVINCE");
    expect(four.recognitionLevel).toBe("PROVINCE");
    expect(releaseAction(four, "PROVINCE")).toBe("recognise");
    const five = result([answersWorth(95, 5)], QD148_2023, "PROVINCE");
    expect(five.referralTo).toBe("CENTRAL");
    expect(releaseAction(five, "PROVINCE")).toBe("send-to-central");
  });

  it("a 75-point product held at 3★ by a 4★ minimum is recognised at 3★ under QĐ26, referred under QĐ148 (≥ 70)", () => {
    const minimum = starMinimums(set7, 4).find((m) => m.markedStar === 4 && m.itemCode === "6.1")!;
    const held = answersWorth(75, 3, { [minimum.itemCode]: { option: 1 } });
    const qd26 = result([held], QD26_2026, "PROVINCE");
    expect(qd26.star).toBe(3);
    expect(releaseAction(qd26, "PROVINCE")).toBe("recognise");
    expect(releaseAction(result([held], QD148_2023, "DISTRICT"), "DISTRICT")).toBe("send-to-central");
  });

  it("a knock-out rejects whatever the score, referral or not", () => {
    const ko = { ...answersWorth(95, 5), sheetKnockOuts: [0] };
    for (const [rs, level] of [[QD148_2023, "DISTRICT"], [QD26_2026, "PROVINCE"]] as const) {
      const r = result([ko, ko, ko], rs, level);
      expect(r.knockedOut).toBe(true);
      expect(releaseAction(r, level)).toBe("reject");
    }
    expect(releaseAction({ star: 5, knockedOut: true, recognitionLevel: "CENTRAL", referralTo: "CENTRAL" }, "PROVINCE")).toBe("reject");
  });

  it("a star this council does not recognise, with no referral, is not recognised", () => {
    // e.g. a QĐ148 4★ (province level) that a district council did not refer (a data error upstream).
    expect(releaseAction({ star: 4, knockedOut: false, recognitionLevel: "PROVINCE", referralTo: null }, "DISTRICT")).toBe("not-recognise");
    expect(releaseAction({ star: null, knockedOut: false, recognitionLevel: null, referralTo: null }, "PROVINCE")).toBe("not-recognise");
  });
});

describe("referralOutcome", () => {
  it("5★ from the centre is recognised by the ministry; < 90 at the centre, 3–4★ by the province (QĐ26)", () => {
    expect(referralOutcome(QD26_2026, 5)).toEqual({ action: "recognise", star: 5, level: "CENTRAL" });
    expect(referralOutcome(QD26_2026, 4, "PROVINCE")).toEqual({ action: "recognise", star: 4, level: "PROVINCE" });
    expect(referralOutcome(QD26_2026, 3)).toEqual({ action: "recognise", star: 3, level: "PROVINCE" });
  });

  it("under QĐ148 a province answering 3★ leaves recognition to the district", () => {
    expect(referralOutcome(QD148_2023, 3)).toEqual({ action: "recognise", star: 3, level: "DISTRICT" });
    expect(referralOutcome(QD148_2023, 4)).toEqual({ action: "recognise", star: 4, level: "PROVINCE" });
  });

  it("no star, 1★ or 2★ is not recognised", () => {
    expect(referralOutcome(QD26_2026, null)).toEqual({ action: "not-recognise" });
    expect(referralOutcome(QD26_2026, 2)).toEqual({ action: "not-recognise" });
    expect(referralOutcome(QD26_2026, 1, "PROVINCE")).toEqual({ action: "not-recognise" });
  });

  it("refuses a level that contradicts the rule set, and a star that is not one", () => {
    expect(() => referralOutcome(QD26_2026, 4, "CENTRAL")).toThrow(RangeError);
    expect(() => referralOutcome(QD26_2026, 5, "PROVINCE")).toThrow(RangeError);
    expect(() => referralOutcome(QD26_2026, 6)).toThrow(RangeError);
    expect(() => referralOutcome(QD26_2026, 3.5)).toThrow(RangeError);
  });
});
