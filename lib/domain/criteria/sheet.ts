import type { CriteriaItem, CriteriaSheetData, PartCode } from "./types";

/**
 * Part totals fixed by QĐ26 Art. 3 and every Annex II sheet: A 40, B 25, C 35, total 100
 * [H: QĐ26 Art. 3, Annex II; QĐ148 has the same split per ocop-domain.md §5.2].
 */
export const PART_MAX_POINTS: Readonly<Record<PartCode, number>> = { A: 40, B: 25, C: 35 };
export const SHEET_TOTAL_POINTS = 100; // [H] QĐ26 Art. 3.3, Annex II

export interface ScoredItemRef {
  readonly partCode: PartCode;
  readonly headingNo: number;
  /** Middle level (sets 11 and 13), else null. */
  readonly groupCode: string | null;
  readonly item: CriteriaItem;
}

/** Every scored item of the sheet, in printed order, with where it sits. */
export function listScoredItems(sheet: CriteriaSheetData): ScoredItemRef[] {
  const out: ScoredItemRef[] = [];
  for (const part of sheet.parts) {
    for (const heading of part.headings) {
      for (const item of heading.items) {
        out.push({ partCode: part.code, headingNo: heading.no, groupCode: item.group, item });
      }
    }
  }
  return out;
}

export function findItem(sheet: CriteriaSheetData, code: string): ScoredItemRef | undefined {
  return listScoredItems(sheet).find((ref) => ref.item.code === code);
}

/** Case codes of an item, or [] for an item scored without cases. */
export function itemCaseCodes(item: CriteriaItem): string[] {
  return item.cases ? item.cases.map((c) => c.code) : [];
}

/**
 * The points the item can actually reach: its highest option, per case the highest of that
 * case's options (the source's cases all top out at the same value), and for an option-less
 * item its maxPoints (scored as a whole, README "Scoring items that have no options").
 */
export function itemBestPoints(item: CriteriaItem): number {
  if (item.options.length === 0) return item.maxPoints;
  const cases = itemCaseCodes(item);
  if (cases.length === 0) return Math.max(...item.options.map((o) => o.points));
  return Math.min(...cases.map((c) => caseBestPoints(item, c)));
}

function caseBestPoints(item: CriteriaItem, caseCode: string): number {
  const points = item.options.filter((o) => o.case === caseCode).map((o) => o.points);
  return points.length === 0 ? Number.NaN : Math.max(...points);
}

/** The best total a product can reach on this sheet (100 on every QĐ26 sheet). */
export function sheetMaxTotal(sheet: CriteriaSheetData): number {
  return listScoredItems(sheet).reduce((sum, ref) => sum + itemBestPoints(ref.item), 0);
}

export type SheetProblemCode =
  | "PARTS_NOT_ABC"
  | "PART_MAX_NOT_STANDARD"
  | "PART_SUM_MISMATCH"
  | "HEADING_SUM_MISMATCH"
  | "GROUP_SUM_MISMATCH"
  | "ITEM_MAX_MISMATCH"
  | "CASE_MAX_MISMATCH"
  | "CASE_UNKNOWN"
  | "DIRECT_HEADING_SHAPE"
  | "TOTAL_MISMATCH";

export interface SheetProblem {
  readonly code: SheetProblemCode;
  /** "part A", "heading 6", "group 6.1", "item 1.2", "item 8 case b", "sheet". */
  readonly where: string;
  readonly expected: number | string;
  readonly actual: number | string;
}

/**
 * Checks the point arithmetic of a sheet (the same rules as prisma/data/ocop-criteria/check.mjs,
 * without its list of allowed source deviations: the data files already carry the corrections,
 * so every QĐ26 sheet must come out clean).
 */
export function validateSheetSums(sheet: CriteriaSheetData): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const codes = sheet.parts.map((p) => p.code).join("");
  if (codes !== "ABC") problems.push({ code: "PARTS_NOT_ABC", where: "sheet", expected: "ABC", actual: codes });

  let total = 0;
  for (const part of sheet.parts) {
    const standard = PART_MAX_POINTS[part.code];
    if (part.maxPoints !== standard) {
      problems.push({ code: "PART_MAX_NOT_STANDARD", where: `part ${part.code}`, expected: standard, actual: part.maxPoints });
    }
    let partSum = 0;
    for (const heading of part.headings) {
      if (heading.scoredDirectly) {
        const only = heading.items[0];
        if (heading.items.length !== 1 || !only || only.code !== String(heading.no) || only.maxPoints !== heading.maxPoints) {
          problems.push({
            code: "DIRECT_HEADING_SHAPE",
            where: `heading ${heading.no}`,
            expected: `one item ${heading.no} worth ${heading.maxPoints}`,
            actual: heading.items.map((i) => `${i.code}:${i.maxPoints}`).join(","),
          });
        }
      }
      let headingSum = 0;
      for (const item of heading.items) {
        problems.push(...validateItem(item));
        headingSum += item.maxPoints;
      }
      for (const group of heading.groups) {
        const groupSum = heading.items.filter((i) => i.group === group.code).reduce((s, i) => s + i.maxPoints, 0);
        if (groupSum !== group.maxPoints) {
          problems.push({ code: "GROUP_SUM_MISMATCH", where: `group ${group.code}`, expected: group.maxPoints, actual: groupSum });
        }
      }
      if (headingSum !== heading.maxPoints) {
        problems.push({ code: "HEADING_SUM_MISMATCH", where: `heading ${heading.no}`, expected: heading.maxPoints, actual: headingSum });
      }
      partSum += heading.maxPoints;
    }
    if (partSum !== part.maxPoints) {
      problems.push({ code: "PART_SUM_MISMATCH", where: `part ${part.code}`, expected: part.maxPoints, actual: partSum });
    }
    total += part.maxPoints;
  }
  if (total !== SHEET_TOTAL_POINTS || sheet.totalPoints !== SHEET_TOTAL_POINTS) {
    problems.push({
      code: "TOTAL_MISMATCH",
      where: "sheet",
      expected: SHEET_TOTAL_POINTS,
      actual: total !== SHEET_TOTAL_POINTS ? total : sheet.totalPoints,
    });
  }
  return problems;
}

function validateItem(item: CriteriaItem): SheetProblem[] {
  // Option-less items are scored as a whole (0 or maxPoints), so they cannot mismatch.
  if (item.options.length === 0) return [];
  const problems: SheetProblem[] = [];
  const cases = itemCaseCodes(item);
  if (cases.length === 0) {
    const best = Math.max(...item.options.map((o) => o.points));
    if (best !== item.maxPoints) {
      problems.push({ code: "ITEM_MAX_MISMATCH", where: `item ${item.code}`, expected: item.maxPoints, actual: best });
    }
    return problems;
  }
  for (const option of item.options) {
    if (option.case === undefined || !cases.includes(option.case)) {
      problems.push({ code: "CASE_UNKNOWN", where: `item ${item.code}`, expected: cases.join("|"), actual: String(option.case) });
    }
  }
  for (const c of cases) {
    const best = caseBestPoints(item, c);
    if (best !== item.maxPoints) {
      problems.push({
        code: "CASE_MAX_MISMATCH",
        where: `item ${item.code} case ${c}`,
        expected: item.maxPoints,
        actual: Number.isNaN(best) ? "no options" : best,
      });
    }
  }
  return problems;
}
