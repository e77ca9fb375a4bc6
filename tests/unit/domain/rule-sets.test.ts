import { describe, expect, it } from "vitest";
import { vietnamDateOf } from "@/lib/domain/dates";
import { communePreAssessmentDeadline, provincialRoundFor, reEvaluationDeadline } from "@/lib/domain/deadlines";
import {
  getRuleSet,
  isRuleSetCode,
  pendingDossierDeadline,
  QD148_1489_2025,
  QD148_2023,
  QD26_2026,
  recognitionLevels,
  referralTarget,
  RULE_SETS,
  ruleSetInForce,
  type RuleSetCode,
} from "@/lib/domain/rule-sets";

describe("ruleSetInForce", () => {
  it.each<[string, RuleSetCode | null]>([
    ["2019-06-01", null],
    ["2023-02-23", null],
    ["2023-02-24", "QD148_2023"],
    ["2025-07-05", "QD148_2023"],
    ["2025-07-06", "QD148_1489_2025"],
    ["2026-05-21", "QD148_1489_2025"],
    ["2026-05-22", "QD26_2026"],
    ["2026-07-21", "QD26_2026"], // QĐ148/1489 lapse date: new dossiers were already under QĐ26
    ["2030-01-01", "QD26_2026"],
  ])("a dossier submitted on %s falls under %s", (date, code) => {
    expect(ruleSetInForce(date)?.code ?? null).toBe(code);
  });

  it("gives today's dossiers a set whose period contains today", () => {
    const today = vietnamDateOf(new Date());
    const set = ruleSetInForce(today);
    expect(set).not.toBeNull();
    expect(set!.effectiveFrom <= today).toBe(true);
    expect(set!.effectiveTo === null || today <= set!.effectiveTo).toBe(true);
  });

  it("rejects malformed dates instead of guessing", () => {
    expect(() => ruleSetInForce("2026-02-30")).toThrow(RangeError);
    expect(() => ruleSetInForce("22/05/2026")).toThrow(RangeError);
  });

  it("covers every day from 24/02/2023 without gap or overlap", () => {
    for (let i = 1; i < RULE_SETS.length; i++) {
      const prev = RULE_SETS[i - 1]!;
      const next = RULE_SETS[i]!;
      expect(prev.effectiveTo).not.toBeNull();
      const dayAfter = new Date(Date.parse(`${prev.effectiveTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(dayAfter).toBe(next.effectiveFrom);
    }
    expect(RULE_SETS.at(-1)?.effectiveTo).toBeNull();
  });
});

describe("rule set data", () => {
  it("looks sets up by code and refuses unknown codes", () => {
    expect(getRuleSet("QD26_2026")).toBe(QD26_2026);
    expect(() => getRuleSet("QD1048_2019" as RuleSetCode)).toThrow(RangeError);
    expect(isRuleSetCode("QD148_1489_2025")).toBe(true);
    expect(isRuleSetCode("QD148")).toBe(false);
  });

  it.each([
    [QD148_2023, ["DISTRICT", "PROVINCE", "CENTRAL"], [null, null, "DISTRICT", "PROVINCE", "CENTRAL"]],
    [QD148_1489_2025, ["PROVINCE", "CENTRAL"], [null, null, "PROVINCE", "PROVINCE", "CENTRAL"]],
    [QD26_2026, ["PROVINCE", "CENTRAL"], [null, null, "PROVINCE", "PROVINCE", "CENTRAL"]],
  ])("$code: levels and who recognises 1★…5★", (set, levels, byStar) => {
    expect(recognitionLevels(set)).toEqual(levels);
    expect([1, 2, 3, 4, 5].map((s) => set.recognitionLevel[s as 1 | 2 | 3 | 4 | 5])).toEqual(byStar);
  });

  it.each([
    [QD148_2023, "DISTRICT", 69.99, null],
    [QD148_2023, "DISTRICT", 70, "PROVINCE"],
    [QD148_2023, "PROVINCE", 89.99, null],
    [QD148_2023, "PROVINCE", 90, "CENTRAL"],
    [QD26_2026, "PROVINCE", 89.99, null],
    [QD26_2026, "PROVINCE", 90, "CENTRAL"],
    [QD26_2026, "DISTRICT", 95, null],
    [QD26_2026, "CENTRAL", 100, null],
  ] as const)("%# referral from %s at %s", (set, level, average, target) => {
    expect(referralTarget(set, level, average)).toBe(target);
  });

  it("keeps the certificate rules: 3★ minimum, 36 months; window and commune deadline only under QĐ26", () => {
    for (const set of RULE_SETS) {
      expect(set.minCertificateStar).toBe(3);
      expect(set.certificateValidityMonths).toBe(36);
    }
    expect(QD26_2026.renewalWindow).toEqual({ opensDaysBeforeExpiry: 180, closesDaysBeforeExpiry: 120 });
    expect(QD148_2023.renewalWindow).toBeNull();
    expect(QD148_2023.expiryNoticeDaysBeforeExpiry).toBe(30);
    expect(QD26_2026.communePreAssessmentWorkingDays).toBe(15);
    expect(QD148_2023.communePreAssessmentWorkingDays).toBeNull();
    expect(QD26_2026.councilDefaults).toEqual({ maxSpread: 10, quorum: { numerator: 3, denominator: 4, chairRequired: true }, knockOutRule: "MAJORITY" });
  });

  it("finishes pending old-rule dossiers by QĐ26 Art. 12 (60 / 30 days after 22/05/2026)", () => {
    expect(pendingDossierDeadline(QD26_2026, "FIRST_OR_UPGRADE")).toBe("2026-07-21");
    expect(pendingDossierDeadline(QD26_2026, "RE_EVALUATION")).toBe("2026-06-21");
    expect(pendingDossierDeadline(QD26_2026, "FIRST_OR_UPGRADE")).toBe(QD148_1489_2025.lapsesOn);
    expect(pendingDossierDeadline(QD148_2023, "FIRST_OR_UPGRADE")).toBeNull();
    expect(QD26_2026.transition?.certificateGraceDaysAfterExpiry).toBe(180);
  });
});

describe("procedure deadlines", () => {
  const noHolidays = new Set<string>();
  it("gives the commune 15 working days under QĐ26 and none under QĐ148", () => {
    expect(communePreAssessmentDeadline("2026-06-01", QD26_2026, noHolidays)).toBe("2026-06-22");
    expect(communePreAssessmentDeadline("2024-06-03", QD148_2023, noHolidays)).toBeNull();
  });

  it("decides a re-evaluation within 45 days under QĐ26", () => {
    expect(reEvaluationDeadline("2026-06-01", QD26_2026)).toBe("2026-07-16");
    expect(reEvaluationDeadline("2024-06-01", QD148_2023)).toBeNull();
  });

  it.each([
    ["2026-04-30", { year: 2026, round: 1, completeBy: "2026-06-30" }],
    ["2026-05-01", { year: 2026, round: 2, completeBy: "2026-12-30" }],
    ["2026-10-30", { year: 2026, round: 2, completeBy: "2026-12-30" }],
    ["2026-10-31", { year: 2027, round: 1, completeBy: "2027-06-30" }],
  ])("a commune proposal of %s goes to provincial round %j", (date, round) => {
    expect(provincialRoundFor(date, QD26_2026)).toEqual(round);
  });

  it("has no round calendar for QĐ148", () => {
    expect(provincialRoundFor("2024-03-01", QD148_2023)).toBeNull();
  });
});
