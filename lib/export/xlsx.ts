import ExcelJS from "exceljs";
import { isIsoDate, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";

/**
 * A small typed column model over exceljs for the list exports (issue 6 part 5). Cells get real
 * types: an official sorts, filters and sums the file in Excel, so a date must be an Excel date
 * and an amount a number, never text that merely looks like one.
 */
export type ColumnType = "text" | "integer" | "decimal" | "date" | "datetime" | "vnd" | "boolean";

export type CellInput = string | number | bigint | boolean | Date | null | undefined;

export type Column<R> = {
  /** Header text as the reader sees it (Vietnamese). */
  header: string;
  /** The row's property read when no `value` is given; also the column's key in the sheet. */
  key: string;
  type: ColumnType;
  value?: (row: R) => CellInput;
  /** Width in characters; otherwise worked out from the header and the values. */
  width?: number;
};

export type SheetSpec<R> = {
  /** Sheet tab name (Excel allows 31 characters and no []:*?/\). */
  sheetName: string;
  /** Bold first row above the table, e.g. "Danh sách ý tưởng sản phẩm". */
  title?: string;
  /** A second line: scope, filters, when the file was made. */
  subtitle?: string;
  columns: readonly Column<R>[];
  rows: Iterable<R>;
};

/**
 * Display formats. Excel draws the thousands separator of the reader's locale, so "#,##0" reads
 * 1.500.000 on a Vietnamese machine. Dates are dd/mm/yyyy (architecture.md §3.8). A boolean is
 * stored as 1/0 with a format that reads "Có"/"Không": the filter lists those words and a SUM
 * counts the yes rows, where a TRUE/FALSE cell would show English words.
 */
export const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: "@",
  integer: "0",
  decimal: "#,##0.00",
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
  vnd: '#,##0 "₫"',
  boolean: '"Có";"Có";"Không"',
};

const DEFAULT_WIDTH: Partial<Record<ColumnType, number>> = { date: 12, datetime: 17, vnd: 18, integer: 10, decimal: 12, boolean: 10 };
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Excel's limit of characters in a cell. */
const MAX_CELL_TEXT = 32_767;
/** Vietnam is UTC+7 all year: Excel has no time zones, so a moment is written as Vietnam's wall clock. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

// XML 1.0 cannot carry these control characters; a name pasted from elsewhere may hold one and
// would make the whole file unreadable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function cleanText(s: string): string {
  return s.normalize("NFC").replace(XML_INVALID, "").slice(0, MAX_CELL_TEXT);
}

/** A calendar date (Vietnam's day of an instant, or an ISO date) as the UTC midnight Excel reads as that day. */
function excelDate(v: Date | string): Date | null {
  const iso: IsoDate | null = v instanceof Date ? (Number.isNaN(v.getTime()) ? null : vietnamDateOf(v)) : isIsoDate(v) ? v : null;
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** The typed cell value of one input, or null for an empty cell. */
export function cellValue(type: ColumnType, v: CellInput): string | number | Date | null {
  if (v === null || v === undefined || v === "") return null;
  switch (type) {
    case "text":
      return cleanText(v instanceof Date ? vietnamDateOf(v) : String(v));
    case "integer":
    case "decimal":
    case "vnd": {
      const n = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      if (!Number.isFinite(n)) return null;
      return type === "integer" || type === "vnd" ? Math.round(n) : n;
    }
    case "date":
      return typeof v === "string" || v instanceof Date ? excelDate(v) : null;
    case "datetime":
      return v instanceof Date && !Number.isNaN(v.getTime()) ? new Date(v.getTime() + VIETNAM_OFFSET_MS) : null;
    case "boolean":
      return v === true ? 1 : v === false ? 0 : null;
  }
}

function sheetNameOf(name: string): string {
  const clean = cleanText(name).replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31);
  return clean || "Sheet1";
}

/** Width in characters: the longest of the header and the first values, within bounds. */
function widthOf(header: string, type: ColumnType, samples: (string | number | Date | null)[]): number {
  const fixed = DEFAULT_WIDTH[type];
  const longest = Math.max(
    header.length,
    fixed ?? 0,
    ...samples.map((v) => (v === null || v instanceof Date || type !== "text" ? 0 : String(v).split("\n").reduce((m, l) => Math.max(m, l.length), 0))),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

const WIDTH_SAMPLE = 500;

/** The workbook of one sheet, as the bytes of an .xlsx file. */
export async function buildXlsx<R>(spec: SheetSpec<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng OCOP";
  wb.created = new Date();
  if (spec.title) wb.title = cleanText(spec.title);
  const preamble = (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0);
  const headerRow = preamble + 1;
  const ws = wb.addWorksheet(sheetNameOf(spec.sheetName), {
    views: [{ state: "frozen", ySplit: headerRow, xSplit: 0, activeCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  const columns = spec.columns;
  const n = columns.length;

  if (spec.title) {
    const row = ws.addRow([cleanText(spec.title)]);
    row.font = { bold: true, size: 14 };
  }
  if (spec.subtitle) {
    const row = ws.addRow([cleanText(spec.subtitle)]);
    row.font = { italic: true, color: { argb: "FF44403C" } };
  }

  const header = ws.addRow(columns.map((c) => cleanText(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7F0E9" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF78716C" } } };
  });

  const samples: (string | number | Date | null)[][] = columns.map(() => []);
  let count = 0;
  for (const r of spec.rows) {
    const values = columns.map((c) => cellValue(c.type, c.value ? c.value(r) : (r as Record<string, CellInput>)[c.key]));
    const row = ws.addRow(values);
    values.forEach((v, i) => {
      const fmt = NUMBER_FORMATS[columns[i]!.type];
      if (fmt && v !== null) row.getCell(i + 1).numFmt = fmt;
      if (count < WIDTH_SAMPLE) samples[i]!.push(v);
    });
    count++;
  }

  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.key = c.key;
    col.width = c.width ?? widthOf(c.header, c.type, samples[i]!);
  });
  if (n > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
