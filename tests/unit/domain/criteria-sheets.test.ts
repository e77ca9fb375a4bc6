import { describe, expect, it } from "vitest";
import {
  findItem,
  itemBestPoints,
  listScoredItems,
  sheetMaxTotal,
  validateSheetSums,
  type CriteriaSheetData,
} from "@/lib/domain/criteria";
import { loadAllSheets, loadClassification, loadSheet } from "./load-criteria";

const sheets = loadAllSheets();

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
type EditableSheet = Mutable<CriteriaSheetData>;

function clone(sheet: CriteriaSheetData): EditableSheet {
  return JSON.parse(JSON.stringify(sheet)) as EditableSheet;
}
const headingOf = (s: EditableSheet, no: number) => s.parts.flatMap((p) => p.headings).find((h) => h.no === no)!;
const itemOf = (s: EditableSheet, code: string) => s.parts.flatMap((p) => p.headings).flatMap((h) => h.items).find((i) => i.code === code)!;
const partOf = (s: EditableSheet, code: string) => s.parts.find((p) => p.code === code)!;

describe("the 26 QĐ26 scoring sheets", () => {
  it.each(sheets.map((s) => [s.setNo, s] as const))("set %i: sums are consistent and the best total is 100", (_no, sheet) => {
    expect(validateSheetSums(sheet)).toEqual([]);
    expect(sheetMaxTotal(sheet)).toBe(100);
    const byPart = Object.fromEntries(sheet.parts.map((p) => [p.code, p.maxPoints]));
    expect(byPart).toEqual({ A: 40, B: 25, C: 35 });
  });

  it("matches the counts stated in the data README", () => {
    const refs = sheets.flatMap((s) => listScoredItems(s));
    const options = refs.flatMap((r) => r.item.options);
    expect(sheets).toHaveLength(26);
    expect(refs).toHaveLength(787);
    expect(options).toHaveLength(2535);
    const markers = { 3: 0, 4: 0, 5: 0 };
    for (const o of options) if (o.minStarFor) markers[o.minStarFor]++;
    expect(markers).toEqual({ 3: 179, 4: 290, 5: 106 });
    expect(refs.filter((r) => r.item.knockOut !== null)).toHaveLength(24);
    expect(refs.filter((r) => r.item.stopEvaluation !== null)).toHaveLength(18);
  });

  it("has option-less items exactly where the README says (2.4 in sets 1–20, 2.3 in sets 21–22), each worth 1 point", () => {
    const optionless = sheets.flatMap((s) =>
      listScoredItems(s)
        .filter((r) => r.item.options.length === 0)
        .map((r) => `${s.setNo}:${r.item.code}:${r.item.maxPoints}`),
    );
    const expected = [...Array.from({ length: 20 }, (_, i) => `${i + 1}:2.4:1`), "21:2.3:1", "22:2.3:1"];
    expect(optionless).toEqual(expected);
  });

  it("carries the README's corrections of evident source typos", () => {
    expect(findItem(loadSheet(4), "7")?.item.options.map((o) => o.points)).not.toContain(13);
    expect(itemBestPoints(findItem(loadSheet(4), "7")!.item)).toBe(3);
    expect(findItem(loadSheet(11), "6.1.1")?.item.options.map((o) => o.points)).toEqual([0, 1, 2]);
  });

  it("keeps the suspicious-but-consistent source values as printed", () => {
    expect(findItem(loadSheet(7), "3.1")?.item.options.map((o) => o.points)).toEqual([1, 1, 3]);
    expect(findItem(loadSheet(23), "6.2")?.item.options.filter((o) => o.points === 1).length).toBeGreaterThanOrEqual(2);
    const set26 = loadSheet(26);
    expect(set26.knockOutConditions).toEqual([]);
    expect(set26.parts[0]?.maxPoints).toBe(40); // title says 35, points cell and sum say 40
  });

  it("gives items with cases only in set 26 (items 8, 9, 15), none of them carrying a star marker", () => {
    const withCases = sheets.flatMap((s) => listScoredItems(s).filter((r) => r.item.cases).map((r) => ({ set: s.setNo, item: r.item })));
    expect(withCases.map((c) => `${c.set}:${c.item.code}`)).toEqual(["26:8", "26:9", "26:15"]);
    // star-rank pools the options of all cases when finding the binding marker; that is only exact while this holds
    for (const c of withCases) expect(c.item.options.every((o) => o.minStarFor === null)).toBe(true);
  });

  it("never marks a higher star on fewer points than a lower star on the same item", () => {
    for (const sheet of sheets) {
      for (const { item } of listScoredItems(sheet)) {
        const marked = item.options.filter((o) => o.minStarFor !== null);
        for (const a of marked) for (const b of marked) if (a.minStarFor! < b.minStarFor!) expect(b.points).toBeGreaterThanOrEqual(a.points);
      }
    }
  });

  it("lists the three-level items of sets 11 and 13 with their group", () => {
    const refs = listScoredItems(loadSheet(11)).filter((r) => r.groupCode !== null);
    expect(new Set(refs.map((r) => r.groupCode))).toEqual(new Set(["6.1", "6.2"]));
    expect(refs.every((r) => r.headingNo === 6 && r.partCode === "C")).toBe(true);
  });

  it("agrees with classification.json on every set's name and place", () => {
    const classification = loadClassification();
    expect(classification.criteriaSets).toHaveLength(26);
    for (const entry of classification.criteriaSets) {
      const sheet = sheets[entry.setNo - 1]!;
      expect(sheet.name).toBe(entry.name);
      expect(sheet.classification.categoryCode).toBe(entry.category);
      expect(sheet.classification.groupNo).toBe(entry.groupNo);
    }
    const setNos = classification.categories.flatMap((c) =>
      c.groups.flatMap((g) => (g.subGroups.length ? g.subGroups.map((sg) => sg.criteriaSetNo) : [g.criteriaSetNo])),
    );
    expect(setNos).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });
});

describe("validateSheetSums finds broken arithmetic", () => {
  const base = loadSheet(7);

  it("an item whose best option differs from its maxPoints", () => {
    const s = clone(base);
    itemOf(s, "1.3").options[2]!.points = 4; // 3 → 4
    const problems = validateSheetSums(s);
    expect(problems).toContainEqual({ code: "ITEM_MAX_MISMATCH", where: "item 1.3", expected: 3, actual: 4 });
  });

  it("a heading whose items do not add up, and the part above it", () => {
    const s = clone(base);
    itemOf(s, "1.3").maxPoints = 2;
    itemOf(s, "1.3").options[2]!.points = 2;
    const codes = validateSheetSums(s).map((p) => `${p.code}@${p.where}`);
    expect(codes).toEqual(["HEADING_SUM_MISMATCH@heading 1"]);
    headingOf(s, 1).maxPoints = 17;
    expect(validateSheetSums(s).map((p) => `${p.code}@${p.where}`)).toEqual(["PART_SUM_MISMATCH@part A"]);
  });

  it("a part off its standard 40/25/35 and a total off 100", () => {
    const s = clone(base);
    partOf(s, "B").maxPoints = 30;
    const codes = validateSheetSums(s).map((p) => `${p.code}@${p.where}`);
    expect(codes).toEqual(["PART_MAX_NOT_STANDARD@part B", "PART_SUM_MISMATCH@part B", "TOTAL_MISMATCH@sheet"]);
  });

  it("a case whose options do not reach the item's points (set 26)", () => {
    const s = clone(loadSheet(26));
    const item = itemOf(s, "8");
    const lastB = item.options.map((o) => o.case).lastIndexOf("b");
    item.options[lastB]!.points = 2;
    expect(validateSheetSums(s)).toEqual([{ code: "CASE_MAX_MISMATCH", where: "item 8 case b", expected: 3, actual: 2 }]);
  });

  it("a group of a three-level heading that does not add up (set 11)", () => {
    const s = clone(loadSheet(11));
    headingOf(s, 6).groups[0]!.maxPoints += 1;
    expect(validateSheetSums(s).map((p) => p.code)).toEqual(["GROUP_SUM_MISMATCH"]);
  });

  it("does not flag option-less items, which are scored 0 or maxPoints", () => {
    const refs = listScoredItems(base).filter((r) => r.item.options.length === 0);
    expect(refs.map((r) => r.item.code)).toEqual(["2.4"]);
    expect(itemBestPoints(refs[0]!.item)).toBe(1);
  });
});
