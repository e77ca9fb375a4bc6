/**
 * CSV for the open-data downloads: RFC 4180 (fields with a comma, a quote or a line break are
 * quoted, quotes doubled, CRLF between records), UTF-8 with a byte-order mark so that Excel opens
 * Vietnamese text correctly, and cells that a spreadsheet would run as a formula defused.
 */

export type CsvValue = string | number | bigint | boolean | null | undefined;

/** U+FEFF: without it Excel reads UTF-8 as the system code page and mangles "Bắc Kạn". */
export const CSV_BOM = "\uFEFF";

// CSV injection (OWASP): a text cell starting with one of these is run as a formula by Excel,
// LibreOffice and Google Sheets (=HYPERLINK(...), @SUM(...), +cmd|...). A leading apostrophe
// makes the spreadsheet show it as text. Tab and carriage return start formulas in some of them too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when it must be. Numbers are written as they are (a negative one is a number, not a formula). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, a header record, then one record per row (each line ends with CRLF). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => cells.map(csvField).join(",") + "\r\n";
  return CSV_BOM + line(header) + rows.map(line).join("");
}
