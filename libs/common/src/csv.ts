/**
 * CSV for spreadsheets (RFC 4180: CRLF rows, quoted cells, doubled quotes), safe against formula injection: a cell
 * starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` (OWASP "CSV Injection"), so Excel, LibreOffice
 * and Google Sheets show it as text instead of running it. Data that legitimately starts so — a phone number
 * `+998 …`, a negative figure — shows that `'` too: the price of never running a formula someone typed into a
 * profile. Framework-free.
 */

/** Written first, so Excel reads the file as UTF-8 (Cyrillic names) instead of the system's code page. */
export const CSV_BOM = '\uFEFF';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvValue = string | number | boolean | Date | null | undefined;

/** First characters a spreadsheet treats as the start of a formula (or that hide one behind whitespace). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that make a cell need quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/** The text of a value: dates as ISO 8601 UTC, null and undefined as an empty cell. */
function textOf(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

/** One cell: neutralized when it could start a formula, then quoted when it has to be. */
export function csvCell(value: CsvValue): string {
  const text = textOf(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document (header row first), BOM included; for small tables and tests. Large ones stream `csvRow`s. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join('');
}
