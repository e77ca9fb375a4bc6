/**
 * Types of the criteria reference data in prisma/data/ocop-criteria (QĐ26/2026 Annex I and
 * Annex II as JSON; schema described in that folder's README.md). Field names mirror the JSON
 * exactly so a parsed file can be typed without mapping.
 */

export type PartCode = "A" | "B" | "C";

/** Star levels that a "***" / "****" / "*****" marker can require (Annex II sheet legend). */
export type MarkedStar = 3 | 4 | 5;

export interface CriteriaOption {
  readonly text: string;
  readonly points: number;
  /** The option is the minimum a product of this many stars must reach on the item. */
  readonly minStarFor: MarkedStar | null;
  /** Only on items with `cases`: the case this option belongs to. */
  readonly case?: string;
}

export interface CriteriaCase {
  readonly code: string;
  readonly label: string;
}

export interface CriteriaItem {
  readonly code: string;
  readonly name: string;
  /** Middle level of three-level headings (sets 11 and 13, heading 6); null elsewhere. */
  readonly group: string | null;
  readonly maxPoints: number;
  readonly description: string | null;
  readonly notes: readonly string[];
  /** "Bị loại nếu …": when it applies the dossier is knocked out. */
  readonly knockOut: string | null;
  /** "… không đánh giá các bước tiếp theo": when it applies the evaluation stops. */
  readonly stopEvaluation: string | null;
  /** Set 26 headings 8, 9, 15: the assessor scores within exactly one case. */
  readonly cases?: readonly CriteriaCase[];
  /** Empty for the bilingual-label item, which is scored as a whole (0 or maxPoints). */
  readonly options: readonly CriteriaOption[];
}

export interface CriteriaGroup {
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
  readonly description: string | null;
  readonly notes: readonly string[];
}

export interface CriteriaHeading {
  readonly no: number;
  readonly name: string;
  readonly maxPoints: number;
  /** Options printed directly under the heading; then it holds one item coded by the heading number. */
  readonly scoredDirectly: boolean;
  readonly description: string | null;
  readonly notes: readonly string[];
  readonly groups: readonly CriteriaGroup[];
  readonly items: readonly CriteriaItem[];
}

export interface CriteriaPart {
  readonly code: PartCode;
  readonly name: string;
  readonly maxPoints: number;
  readonly headings: readonly CriteriaHeading[];
}

export interface SheetClassification {
  readonly categoryCode: string;
  readonly categoryName: string;
  readonly groupNo: number;
  readonly groupName: string;
  readonly subGroupCode: string | null;
  readonly subGroupName: string | null;
  readonly managingAgencies: readonly string[];
}

export interface SourceRef {
  readonly document: string;
  readonly annex: string;
  readonly section?: string | null;
}

export interface SourceIssue {
  readonly where: string;
  readonly issue: string;
}

/** One Annex II scoring sheet ("Bộ tiêu chí … kiêm phiếu đánh giá"). */
export interface CriteriaSheetData {
  readonly ruleSet: string;
  readonly setNo: number;
  readonly name: string;
  readonly sheetTitle: string;
  readonly scope: string | null;
  readonly classification: SheetClassification;
  readonly source: SourceRef;
  /** "Hồ sơ bị loại khi:" clauses; any one that applies knocks the dossier out. */
  readonly knockOutConditions: readonly string[];
  readonly totalPoints: number;
  readonly starLegend: string | null;
  readonly parts: readonly CriteriaPart[];
  readonly sourceIssues: readonly SourceIssue[];
}

// ---- classification.json (Annex I) ----

export interface ClassificationSubGroup {
  readonly code: string;
  readonly name: string;
  readonly managingAgencies: readonly string[];
  readonly criteriaSetNo: number;
}

export interface ClassificationGroup {
  readonly no: number;
  readonly name: string;
  readonly managingAgencies: readonly string[];
  readonly subGroups: readonly ClassificationSubGroup[];
  /** Set directly on the group when it has no sub-groups; null otherwise. */
  readonly criteriaSetNo: number | null;
}

export interface ClassificationCategory {
  readonly code: string;
  readonly name: string;
  readonly groups: readonly ClassificationGroup[];
}

export interface CriteriaSetIndexEntry {
  readonly setNo: number;
  readonly name: string;
  readonly annexIName: string;
  readonly sheetTitle: string;
  readonly category: string;
  readonly groupNo: number;
  readonly subGroup: string | null;
  readonly managingAgencies: readonly string[];
  /** Path relative to the ocop-criteria folder, e.g. "qd26-2026/set-07.json". */
  readonly file: string;
}

export interface ClassificationData {
  readonly ruleSet: string;
  readonly source: SourceRef;
  readonly columns: Readonly<Record<string, string>>;
  readonly managingAgenciesFootnote: string | null;
  readonly counts: {
    readonly categories: number;
    readonly groups: number;
    readonly subGroups: number;
    readonly criteriaSets: number;
  };
  readonly categories: readonly ClassificationCategory[];
  readonly criteriaSets: readonly CriteriaSetIndexEntry[];
}
