import { itemCaseCodes, listScoredItems } from "../criteria/sheet";
import type { CriteriaItem, CriteriaSheetData, PartCode } from "../criteria/types";

/**
 * One assessor's answer to one item: the index of the ticked option in `item.options` (the full
 * list, cases included), or for an option-less item whether the product meets it. For an item with
 * cases the case may be given; it must then be the case of the ticked option.
 */
export type ItemAnswer =
  | { readonly option: number; readonly case?: string }
  | { readonly met: boolean };

/** One assessor's filled-in sheet (an Annex II "phiếu đánh giá"). */
export interface SheetAnswers {
  readonly items: Readonly<Record<string, ItemAnswer | undefined>>;
  /** Indexes into `sheet.knockOutConditions` that the assessor found to apply. */
  readonly sheetKnockOuts?: readonly number[];
  /** Codes of items whose "Bị loại nếu …" note applies. */
  readonly itemKnockOuts?: readonly string[];
  /** Codes of items whose "không đánh giá các bước tiếp theo" note applies. */
  readonly stopEvaluations?: readonly string[];
}

export type KnockOut =
  | { readonly kind: "SHEET_CONDITION"; readonly conditionIndex: number; readonly text: string }
  | { readonly kind: "ITEM_KNOCK_OUT"; readonly itemCode: string; readonly text: string }
  | { readonly kind: "STOP_EVALUATION"; readonly itemCode: string; readonly text: string };

/** Stable identity of a knock-out, for counting the same finding across council members. */
export function knockOutKey(k: KnockOut): string {
  return k.kind === "SHEET_CONDITION" ? `SHEET_CONDITION:${k.conditionIndex}` : `${k.kind}:${k.itemCode}`;
}

export type ScoringErrorCode =
  | "UNKNOWN_ITEM"
  | "OPTION_OUT_OF_RANGE"
  | "CASE_MISMATCH"
  | "ANSWER_KIND_MISMATCH"
  | "UNKNOWN_KNOCK_OUT_CONDITION"
  | "ITEM_HAS_NO_KNOCK_OUT"
  | "ITEM_HAS_NO_STOP_EVALUATION";

/** A sheet filled in a way the criteria do not allow; `code` is for the caller to translate. */
export class ScoringError extends Error {
  readonly code: ScoringErrorCode;
  readonly itemCode: string | null;
  constructor(code: ScoringErrorCode, itemCode: string | null, detail: string) {
    super(`${code}${itemCode === null ? "" : ` (item ${itemCode})`}: ${detail}`);
    this.name = "ScoringError";
    this.code = code;
    this.itemCode = itemCode;
  }
}

export interface SheetScore {
  /** Sum of the answered items' points. */
  readonly total: number;
  readonly byPart: Readonly<Record<PartCode, number>>;
  /** Heading number → points. */
  readonly byHeading: Readonly<Record<number, number>>;
  /** Item code → points, answered items only. */
  readonly itemPoints: Readonly<Record<string, number>>;
  /** Items still to be answered, in printed order (none after a triggered stop-evaluation note). */
  readonly missingItems: readonly string[];
  readonly knockOuts: readonly KnockOut[];
  readonly complete: boolean;
}

/** Points of one answered item; throws ScoringError when the answer does not fit the item. */
export function answerPoints(item: CriteriaItem, answer: ItemAnswer): number {
  if ("met" in answer) {
    // Only option-less items are scored as a whole (README "Scoring items that have no options").
    if (item.options.length > 0) throw new ScoringError("ANSWER_KIND_MISMATCH", item.code, "item has options; tick one");
    return answer.met ? item.maxPoints : 0;
  }
  if (item.options.length === 0) throw new ScoringError("ANSWER_KIND_MISMATCH", item.code, "item has no options; answer met: true|false");
  const option = Number.isInteger(answer.option) ? item.options[answer.option] : undefined;
  if (!option) {
    throw new ScoringError("OPTION_OUT_OF_RANGE", item.code, `option ${answer.option} not in 0..${item.options.length - 1}`);
  }
  const cases = itemCaseCodes(item);
  if (answer.case !== undefined && (cases.length === 0 || answer.case !== option.case)) {
    throw new ScoringError("CASE_MISMATCH", item.code, `option ${answer.option} is in case ${String(option.case)}, not ${answer.case}`);
  }
  return option.points;
}

/** Scores one assessor's sheet. Answers for codes the sheet does not have are refused. */
export function scoreSheet(sheet: CriteriaSheetData, answers: SheetAnswers): SheetScore {
  const refs = listScoredItems(sheet);
  const byCode = new Map(refs.map((ref, index) => [ref.item.code, { ref, index }]));

  for (const code of Object.keys(answers.items)) {
    if (!byCode.has(code)) throw new ScoringError("UNKNOWN_ITEM", code, `sheet ${sheet.setNo} has no item ${code}`);
  }

  const knockOuts: KnockOut[] = [];
  for (const index of unique(answers.sheetKnockOuts ?? [])) {
    const text = Number.isInteger(index) ? sheet.knockOutConditions[index] : undefined;
    if (text === undefined) throw new ScoringError("UNKNOWN_KNOCK_OUT_CONDITION", null, `sheet ${sheet.setNo} has no condition ${index}`);
    knockOuts.push({ kind: "SHEET_CONDITION", conditionIndex: index, text });
  }
  for (const code of unique(answers.itemKnockOuts ?? [])) {
    const found = byCode.get(code);
    if (!found) throw new ScoringError("UNKNOWN_ITEM", code, "knock-out flagged on an unknown item");
    if (found.ref.item.knockOut === null) throw new ScoringError("ITEM_HAS_NO_KNOCK_OUT", code, "the item prints no knock-out note");
    knockOuts.push({ kind: "ITEM_KNOCK_OUT", itemCode: code, text: found.ref.item.knockOut });
  }
  let stopAt = Number.POSITIVE_INFINITY;
  for (const code of unique(answers.stopEvaluations ?? [])) {
    const found = byCode.get(code);
    if (!found) throw new ScoringError("UNKNOWN_ITEM", code, "stop-evaluation flagged on an unknown item");
    if (found.ref.item.stopEvaluation === null) throw new ScoringError("ITEM_HAS_NO_STOP_EVALUATION", code, "the item prints no such note");
    knockOuts.push({ kind: "STOP_EVALUATION", itemCode: code, text: found.ref.item.stopEvaluation });
    stopAt = Math.min(stopAt, found.index);
  }

  const byPart: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  const byHeading: Record<number, number> = {};
  const itemPoints: Record<string, number> = {};
  const missingItems: string[] = [];
  let total = 0;
  refs.forEach((ref, index) => {
    byHeading[ref.headingNo] ??= 0;
    const answer = answers.items[ref.item.code];
    if (answer === undefined) {
      // "Không đánh giá các bước tiếp theo": criteria after the stop are never assessed.
      if (index <= stopAt) missingItems.push(ref.item.code);
      return;
    }
    const points = answerPoints(ref.item, answer);
    itemPoints[ref.item.code] = points;
    byPart[ref.partCode] += points;
    byHeading[ref.headingNo] = (byHeading[ref.headingNo] ?? 0) + points;
    total += points;
  });

  return { total, byPart, byHeading, itemPoints, missingItems, knockOuts, complete: missingItems.length === 0 };
}

/**
 * The best possible answers: top option of every item (first case where there are cases, which
 * reaches the same points) and "met" for option-less items. Useful for previews and seeds.
 */
export function bestAnswers(sheet: CriteriaSheetData): SheetAnswers {
  const items: Record<string, ItemAnswer> = {};
  for (const { item } of listScoredItems(sheet)) {
    if (item.options.length === 0) {
      items[item.code] = { met: true };
      continue;
    }
    const firstCase = itemCaseCodes(item)[0];
    let best = -1;
    item.options.forEach((o, i) => {
      if (firstCase !== undefined && o.case !== firstCase) return;
      const current = best < 0 ? undefined : item.options[best];
      if (!current || o.points > current.points) best = i;
    });
    items[item.code] = { option: best };
  }
  return { items };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
