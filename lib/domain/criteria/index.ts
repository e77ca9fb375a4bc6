export type * from "./types";
export {
  PART_MAX_POINTS,
  SHEET_TOTAL_POINTS,
  findItem,
  itemBestPoints,
  itemCaseCodes,
  listScoredItems,
  sheetMaxTotal,
  validateSheetSums,
} from "./sheet";
export type { ScoredItemRef, SheetProblem, SheetProblemCode } from "./sheet";
