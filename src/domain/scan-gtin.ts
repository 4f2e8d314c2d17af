/**
 * Reads the GTIN a scan names, in its simplest forms: a plain 8, 12, 13 or 14-digit code, or an
 * element string that starts with AI (01) (optionally after an AIM identifier or a leading GS).
 * Returns the GTIN-14, or null when the scan names none.
 */
export function gtinFromScan(raw: string): string | null {
  let s = raw.trim();
  if (/^\][A-Za-z][0-9A-Za-z]/.test(s)) s = s.slice(3);
  if (s.startsWith('\u001d')) s = s.slice(1);
  if (/^\d{8}$|^\d{12,14}$/.test(s)) return s.padStart(14, '0');
  const m = /^01(\d{14})/.exec(s);
  return m?.[1] ?? null;
}
