import type { Lang } from '../i18n.ts';

const UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** A storage size the way the reader writes it: `1,2 MB` / `2 345 MB` in Swedish, `1.2 MB` in English. */
export function formatBytes(lang: Lang, bytes: number): string {
  const [unit, factor] = UNITS.find(([, f]) => bytes >= f) ?? ['byte', 1];
  const value = bytes / factor;
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
