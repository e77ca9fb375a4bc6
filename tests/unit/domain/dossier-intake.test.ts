import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  EVIDENCE_KINDS,
  FORM_03_ASSESSMENT_KEYS,
  formatProductCode,
  intakeFlags,
  intakeReferenceDate,
  missingForm03Items,
  parseProductCode,
  requiredEvidenceKinds,
  sheetRequiresFoodSafety,
  type EvidenceForIntake,
} from "@/lib/domain/dossier-intake";
import { QD148_1489_2025, QD26_2026 } from "@/lib/domain/rule-sets";
import { loadAllSheets, loadSheet } from "./load-criteria";

describe("food-safety requirement read from the sheet's knock-out conditions", () => {
  it("sets 1–17 (foods and drinks) need a food-safety certificate; 18–26 do not", () => {
    const needing = loadAllSheets().filter(sheetRequiresFoodSafety).map((s) => s.setNo);
    expect(needing).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it("matches the phrase whatever its case or Unicode composition", () => {
    expect(sheetRequiresFoodSafety({ knockOutConditions: ["Không có giấy chứng nhận AN TOÀN THỰC PHẨM"] })).toBe(true);
    expect(sheetRequiresFoodSafety({ knockOutConditions: ["an toàn thực phẩm".normalize("NFD")] })).toBe(true);
    // Set 18 speaks of GMP for "thực phẩm bảo vệ sức khỏe", not of the food-safety certificate.
    expect(sheetRequiresFoodSafety(loadSheet(18))).toBe(false);
    expect(sheetRequiresFoodSafety({ knockOutConditions: [] })).toBe(false);
  });

  it("required evidence follows it", () => {
    expect(requiredEvidenceKinds(loadSheet(7))).toEqual(["FOOD_SAFETY_CERTIFICATE"]);
    expect(requiredEvidenceKinds(loadSheet(22))).toEqual([]);
  });
});

describe("reference date of intake checks", () => {
  it("is the round's completion date when the dossier is in a round", () => {
    expect(intakeReferenceDate({ roundCompleteBy: "2026-12-30", today: "2026-05-02", ruleSet: QD26_2026 })).toBe("2026-12-30");
  });

  it("otherwise the round it would join if proposed today (QĐ26 Art. 5)", () => {
    expect(intakeReferenceDate({ roundCompleteBy: null, today: "2026-04-30", ruleSet: QD26_2026 })).toBe("2026-06-30");
    expect(intakeReferenceDate({ roundCompleteBy: null, today: "2026-05-01", ruleSet: QD26_2026 })).toBe("2026-12-30");
    expect(intakeReferenceDate({ roundCompleteBy: null, today: "2026-10-31", ruleSet: QD26_2026 })).toBe("2027-06-30");
  });

  it("is today under a rule set without a round calendar, or without a rule set", () => {
    expect(intakeReferenceDate({ roundCompleteBy: null, today: "2026-01-10", ruleSet: QD148_1489_2025 })).toBe("2026-01-10");
    expect(intakeReferenceDate({ roundCompleteBy: null, today: "2026-01-10", ruleSet: null })).toBe("2026-01-10");
  });
});

describe("intake flags", () => {
  const today = "2026-11-30";
  const round = "2026-12-30";
  const fsc = (expiresOn: string | null, id = "fsc"): EvidenceForIntake => ({ id, kind: "FOOD_SAFETY_CERTIFICATE", title: "Giấy chứng nhận ATTP", expiresOn });
  const doc = (kind: EvidenceForIntake["kind"], expiresOn: string | null, id = kind): EvidenceForIntake => ({ id, kind, title: kind, expiresOn });
  const flags = (evidence: EvidenceForIntake[], requiresFoodSafety = true) => intakeFlags({ evidence, requiresFoodSafety, today, referenceDate: round });

  it("a missing food-safety certificate is flagged only when the sheet needs one", () => {
    expect(flags([])).toEqual([{ code: "FOOD_SAFETY_MISSING" }]);
    expect(flags([], false)).toEqual([]);
  });

  it("a certificate expiring on the round day covers it; the day before does not", () => {
    expect(flags([fsc("2026-12-30")])).toEqual([]);
    expect(flags([fsc("2026-12-29")])).toEqual([
      { code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND", evidenceId: "fsc", title: "Giấy chứng nhận ATTP", expiresOn: "2026-12-29", expired: false },
    ]);
  });

  it("a certificate valid today but not yesterday: expiring today is not yet expired", () => {
    expect(flags([fsc("2026-11-30")])[0]).toMatchObject({ code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND", expired: false });
    expect(flags([fsc("2026-11-29")])[0]).toMatchObject({ code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND", expired: true });
  });

  it("one valid certificate is enough; an old one beside it is not flagged", () => {
    expect(flags([fsc("2024-01-01", "old"), fsc("2029-01-01", "new")])).toEqual([]);
    expect(flags([fsc(null)])).toEqual([]);
  });

  it("when none covers the round, the longest-lasting one is named", () => {
    expect(flags([fsc("2025-01-01", "a"), fsc("2026-12-01", "b")])).toEqual([
      { code: "FOOD_SAFETY_EXPIRES_BEFORE_ROUND", evidenceId: "b", title: "Giấy chứng nhận ATTP", expiresOn: "2026-12-01", expired: false },
    ]);
  });

  it("other dated papers: expired before today, or lapsing before the round", () => {
    const found = flags([fsc("2028-01-01"), doc("QMS_CERTIFICATE", "2026-11-29"), doc("TEST_RESULTS", "2026-11-30"), doc("BUSINESS_REGISTRATION", null), doc("LABEL", "2026-12-30")]);
    expect(found).toEqual([
      { code: "EVIDENCE_EXPIRED", evidenceId: "QMS_CERTIFICATE", kind: "QMS_CERTIFICATE", title: "QMS_CERTIFICATE", expiresOn: "2026-11-29" },
      { code: "EVIDENCE_EXPIRES_BEFORE_ROUND", evidenceId: "TEST_RESULTS", kind: "TEST_RESULTS", title: "TEST_RESULTS", expiresOn: "2026-11-30" },
    ]);
  });

  it("a food-safety certificate on a sheet that does not need one is checked like any paper", () => {
    expect(flags([fsc("2026-01-01")], false)).toEqual([
      { code: "EVIDENCE_EXPIRED", evidenceId: "fsc", kind: "FOOD_SAFETY_CERTIFICATE", title: "Giấy chứng nhận ATTP", expiresOn: "2026-01-01" },
    ]);
  });
});

describe("product code (T)-(X)-(STT)-(Year)", () => {
  it("formats with a three-digit sequence and parses back", () => {
    const code = formatProductCode({ provinceCode: "06", wardCode: "01840", sequence: 7, year: 2026 });
    expect(code).toBe("06-01840-007-2026");
    expect(parseProductCode(code)).toEqual({ provinceCode: "06", wardCode: "01840", sequence: 7, year: 2026 });
  });

  it("grows past 999 instead of wrapping", () => {
    expect(formatProductCode({ provinceCode: "06", wardCode: "01840", sequence: 1000, year: 2026 })).toBe("06-01840-1000-2026");
    expect(parseProductCode("06-01840-1000-2026")?.sequence).toBe(1000);
  });

  it("refuses parts that cannot make a code", () => {
    expect(() => formatProductCode({ provinceCode: "6", wardCode: "01840", sequence: 1, year: 2026 })).toThrow(RangeError);
    expect(() => formatProductCode({ provinceCode: "06", wardCode: "1840", sequence: 1, year: 2026 })).toThrow(RangeError);
    expect(() => formatProductCode({ provinceCode: "06", wardCode: "01840", sequence: 0, year: 2026 })).toThrow(RangeError);
    expect(() => formatProductCode({ provinceCode: "06", wardCode: "01840", sequence: 1.5, year: 2026 })).toThrow(RangeError);
    expect(() => formatProductCode({ provinceCode: "06", wardCode: "01840", sequence: 1, year: 26 })).toThrow(RangeError);
  });

  it("parses only well-formed codes", () => {
    for (const bad of ["", "06-01840-001", "06-01840-000-2026", "06-1840-001-2026", "06-01840-001-26", "06-01840-abc-2026", "x06-01840-001-2026"]) {
      expect(parseProductCode(bad), bad).toBeNull();
    }
    expect(parseProductCode(" 06-01840-001-2026 ")?.sequence).toBe(1);
  });
});

describe("Form 03 completeness", () => {
  const full = Object.fromEntries(FORM_03_ASSESSMENT_KEYS.map((k) => [k, "Đánh giá đầy đủ của xã."]));

  it("needs the four assessment items of Mẫu số 03", () => {
    expect(FORM_03_ASSESSMENT_KEYS).toEqual(["localRawMaterialUse", "localLabourUse", "productIdeaOrigin", "localIdentity"]);
    expect(missingForm03Items(full)).toEqual([]);
    expect(missingForm03Items(null)).toEqual([...FORM_03_ASSESSMENT_KEYS]);
    expect(missingForm03Items({})).toEqual([...FORM_03_ASSESSMENT_KEYS]);
  });

  it("an item of 10 characters counts, 9 (or blanks around) does not", () => {
    expect(missingForm03Items({ ...full, localIdentity: "1234567890" })).toEqual([]);
    expect(missingForm03Items({ ...full, localIdentity: "123456789" })).toEqual(["localIdentity"]);
    expect(missingForm03Items({ ...full, localLabourUse: "   123456789   " })).toEqual(["localLabourUse"]);
    expect(missingForm03Items({ ...full, productIdeaOrigin: 1234567890 })).toEqual(["productIdeaOrigin"]);
  });
});

describe("evidence kinds", () => {
  it("are the EvidenceKind enum of the schema", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    const block = /enum EvidenceKind \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const kinds = block.split("\n").map((l) => l.replace(/\/\/.*/, "").trim()).filter(Boolean);
    expect(kinds).toEqual([...EVIDENCE_KINDS]);
  });
});
