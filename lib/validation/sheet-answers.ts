import "@/lib/zod-config";
import { z } from "zod";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { scoreSheet, ScoringError, type ScoringErrorCode, type SheetAnswers, type SheetScore } from "@/lib/domain/scoring/sheet-score";

/**
 * A filled-in Annex II sheet as stored (Dossier.selfScore, ScoreSheet answers): the domain's
 * SheetAnswers plus a free-text note per item. The shape is checked here; whether the answers fit
 * a particular sheet (codes, option indexes, cases, knock-out flags) is `checkAnswersAgainstSheet`.
 */
// Item codes are "1", "1.2", "6.1.3"…; the bound keeps a forged payload from growing the JSON column.
const itemCodeSchema = z.string().regex(/^[0-9A-Za-z.]{1,16}$/, "validation.invalid");

export const NOTE_MAX_LENGTH = 2000;

const optionAnswerSchema = z.strictObject({
  option: z.number({ message: "validation.choose" }).int("validation.choose").min(0, "validation.choose"),
  case: z.string().regex(/^[a-z0-9]{1,4}$/, "validation.invalid").optional(),
});
const metAnswerSchema = z.strictObject({ met: z.boolean({ message: "validation.choose" }) });

export const itemAnswerSchema = z.union([optionAnswerSchema, metAnswerSchema], { message: "validation.choose" });

export const sheetAnswersSchema = z.strictObject({
  items: z.record(itemCodeSchema, itemAnswerSchema).default({}),
  notes: z.record(itemCodeSchema, z.string().max(NOTE_MAX_LENGTH, "validation.tooLong")).optional(),
  sheetKnockOuts: z.array(z.number().int().min(0)).max(50).optional(),
  itemKnockOuts: z.array(itemCodeSchema).max(100).optional(),
  stopEvaluations: z.array(itemCodeSchema).max(100).optional(),
});

export type StoredAnswers = z.output<typeof sheetAnswersSchema>;
export type StoredItemAnswer = z.output<typeof itemAnswerSchema>;

// StoredAnswers must stay usable wherever the domain expects SheetAnswers.
const _compatible = (a: StoredAnswers): SheetAnswers => a;
void _compatible;

export const EMPTY_ANSWERS: StoredAnswers = { items: {} };

/**
 * Reads a stored JSON value (e.g. a Dossier.selfScore column that defaults to `{}`) as answers;
 * anything malformed reads as an empty sheet rather than crashing a page.
 */
export function readStoredAnswers(value: unknown): StoredAnswers {
  const parsed = sheetAnswersSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { items: {} };
}

/** Catalogue keys (namespace "dossiers", lower-case so fieldErrorsOf keeps them) per scoring error. */
export const SCORING_ERROR_MESSAGES: Readonly<Record<ScoringErrorCode, string>> = {
  UNKNOWN_ITEM: "dossiers.scoreUnknownItem",
  OPTION_OUT_OF_RANGE: "dossiers.scoreOptionOutOfRange",
  CASE_MISMATCH: "dossiers.scoreCaseMismatch",
  ANSWER_KIND_MISMATCH: "dossiers.scoreAnswerKind",
  UNKNOWN_KNOCK_OUT_CONDITION: "dossiers.scoreUnknownCondition",
  ITEM_HAS_NO_KNOCK_OUT: "dossiers.scoreNoKnockOut",
  ITEM_HAS_NO_STOP_EVALUATION: "dossiers.scoreNoStopEvaluation",
};

export type AnswersCheck =
  | { ok: true; score: SheetScore }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Checks answers against one sheet with the domain scorer. Every problem is reported, not just
 * the first the scorer meets: answers are checked one by one so that a single bad item does not
 * hide the others. Field paths: `items.<code>`, `notes.<code>`, `sheetKnockOuts`,
 * `itemKnockOuts.<code>`, `stopEvaluations.<code>`. Never throws a ScoringError.
 */
export function checkAnswersAgainstSheet(sheet: CriteriaSheetData, answers: StoredAnswers): AnswersCheck {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, code: ScoringErrorCode) => {
    const list = (fieldErrors[path] ??= []);
    const message = SCORING_ERROR_MESSAGES[code];
    if (!list.includes(message)) list.push(message);
  };
  const probe = (path: string, partial: SheetAnswers) => {
    try {
      scoreSheet(sheet, partial);
    } catch (error) {
      if (error instanceof ScoringError) add(path, error.code);
      else throw error;
    }
  };
  for (const [code, answer] of Object.entries(answers.items)) probe(`items.${code}`, { items: { [code]: answer } });
  for (const index of answers.sheetKnockOuts ?? []) probe("sheetKnockOuts", { items: {}, sheetKnockOuts: [index] });
  for (const code of answers.itemKnockOuts ?? []) probe(`itemKnockOuts.${code}`, { items: {}, itemKnockOuts: [code] });
  for (const code of answers.stopEvaluations ?? []) probe(`stopEvaluations.${code}`, { items: {}, stopEvaluations: [code] });
  // A note on an item the sheet does not have would be kept silently otherwise.
  const codes = new Set(listScoredItems(sheet).map((ref) => ref.item.code));
  for (const code of Object.keys(answers.notes ?? {})) if (!codes.has(code)) add(`notes.${code}`, "UNKNOWN_ITEM");
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  try {
    return { ok: true, score: scoreSheet(sheet, answers) };
  } catch (error) {
    // Unreachable while every answer passed on its own; kept so no ScoringError ever leaks.
    if (error instanceof ScoringError) return { ok: false, fieldErrors: { _: [SCORING_ERROR_MESSAGES[error.code]] } };
    throw error;
  }
}
