/**
 * CSV that opens correctly in Swedish Excel: UTF-8 with a byte-order mark (or Excel guesses
 * Windows-1252 and mangles å, ä, ö), `;` between fields (Swedish Excel's list separator, because
 * `,` is the decimal comma), CRLF line ends. Dates are written by the callers as ISO (YYYY-MM-DD).
 */
export function toExcelCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** Quotes a field when it holds a separator, a quote or a line break; neutralises formula injection. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
