/**
 * The shared first step of every spreadsheet import: a table of text cells (the first row names the
 * columns) becomes one record per data row, with the problems found on the way. Row numbers are the
 * spreadsheet's own (the header is row 1), so a person can find the row in Excel.
 */

export interface ImportError {
  /** The row in the file, the header being row 1. */
  row: number;
  /** The column, as the file names it; null for a problem with the whole row or file. */
  column: string | null;
  message: string;
}

export interface ImportRecord {
  row: number;
  /** Cell text by column (the expected column names), trimmed; '' for an empty or absent optional cell. */
  values: Record<string, string>;
}

export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

export interface ReadTable {
  records: ImportRecord[];
  errors: ImportError[];
}

/**
 * Matches the header to the expected columns (case and surrounding spaces ignored; other columns
 * are ignored), and checks every cell's text encoding. A missing required column is an error for the
 * whole file, and no records are returned then. Rows with no text at all are skipped.
 */
export function readTable(cells: readonly (readonly string[])[], spec: ColumnSpec): ReadTable {
  const [header = [], ...body] = cells;
  const index = new Map<string, number>();
  for (const [i, name] of header.entries())
    index.set(
      name
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
      i,
    );
  const missing = spec.required.filter((column) => !index.has(column.toLowerCase()));
  if (missing.length > 0) {
    return {
      records: [],
      errors: missing.map((column) => ({
        row: 1,
        column,
        message: `The required column "${column}" is missing from the header row.`,
      })),
    };
  }
  const columns = [...spec.required, ...spec.optional];
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  for (const [i, line] of body.entries()) {
    const row = i + 2;
    if (line.every((cell) => cell.trim() === '')) continue;
    const values: Record<string, string> = {};
    for (const column of columns) {
      const at = index.get(column.toLowerCase());
      const text = at === undefined ? '' : (line[at] ?? '').trim();
      const problem = encodingProblem(text);
      if (problem) errors.push({ row, column, message: problem });
      values[column] = text;
    }
    records.push({ row, values });
  }
  return { records, errors };
}

/**
 * Text that was not valid UTF-8 when read: the decoder put U+FFFD where a byte made no sense (a
 * Latin-1 or Windows-1252 file, typically from an older Excel "CSV"), or the text shows the tell-tale
 * pairs of UTF-8 read as Latin-1 (`Ã¥` for `å`).
 */
export function encodingProblem(text: string): string | null {
  if (text.includes('\uFFFD')) {
    return 'The text is not valid UTF-8 (the file looks like Latin-1/Windows-1252): save it as "CSV UTF-8" and import again.';
  }
  if (/[ÃÂ][\u0080-\u00BF]/.test(text)) {
    return 'The text looks like UTF-8 that was read as Latin-1 somewhere (e.g. "Ã¥" for "å"): fix the file\'s encoding.';
  }
  return null;
}

/** A whole number of at least `min` as people type it: spaces (also no-break) between thousands allowed. */
export function parseWholeNumber(text: string, min: number): number | null {
  const compact = text.replace(/[\s\u00A0\u202F]/g, '');
  if (!/^\d{1,9}$/.test(compact)) return null;
  const value = Number(compact);
  return value >= min ? value : null;
}
