// Test-only loader for the QĐ26 criteria JSON; lib/domain itself never reads files.
import { readFileSync } from "node:fs";
import type { ClassificationData, CriteriaSheetData } from "@/lib/domain/criteria/types";

const CRITERIA_DIR = new URL("../../../prisma/data/ocop-criteria/", import.meta.url);

export function loadSheet(setNo: number): CriteriaSheetData {
  const file = new URL(`qd26-2026/set-${String(setNo).padStart(2, "0")}.json`, CRITERIA_DIR);
  return JSON.parse(readFileSync(file, "utf8")) as CriteriaSheetData;
}

export function loadAllSheets(): CriteriaSheetData[] {
  return Array.from({ length: 26 }, (_, i) => loadSheet(i + 1));
}

export function loadClassification(): ClassificationData {
  return JSON.parse(readFileSync(new URL("classification.json", CRITERIA_DIR), "utf8")) as ClassificationData;
}
