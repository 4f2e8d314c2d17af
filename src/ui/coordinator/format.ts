import { safeFileName } from '../../domain/file-name.ts';
import type { OverviewRow } from '../../domain/overview/model.ts';
import { formatNumber, type Lang } from '../i18n.ts';

/** A coverage as the reader writes it: `45,5 %` in Swedish, `45.5%` in English (one decimal at most). */
export function formatPercent(lang: Lang, percent: number): string {
  const number = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(percent);
  return lang === 'sv' ? `${number}\u00a0%` : `${number}%`;
}

/** A count of packs, or null for "no figure". */
export function formatPacks(lang: Lang, packs: number | null): string | null {
  return packs === null ? null : formatNumber(lang, packs);
}

/** The product's name in the reader's language, falling back to the other one. */
export function productName(
  row: Pick<OverviewRow, 'productNameSv' | 'productNameEn'>,
  lang: Lang,
  unknown: string,
): string {
  const [first, second] =
    lang === 'en' ? [row.productNameEn, row.productNameSv] : [row.productNameSv, row.productNameEn];
  return first ?? second ?? unknown;
}

/** A file name for an export: what it is, the filters that shaped it, and today. */
export function exportFileName(
  what: string,
  filterParts: readonly (string | null)[],
  day: string,
  extension: string,
): string {
  const parts = [what, ...filterParts.filter((p): p is string => Boolean(p)), day].map(safeFileName).filter(Boolean);
  return `${parts.join('_')}.${extension}`;
}
