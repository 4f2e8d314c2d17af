import { toExcelCsv } from '../csv.ts';
import type { Review } from './review.ts';

export type ExportLang = 'sv' | 'en';

const HEADERS = {
  sv: {
    gtin: 'GTIN',
    product: 'Produkt',
    batch: 'Batchnummer',
    expiry: 'Utgångsdatum',
    locations: 'Lagerplatser',
    quantity: 'Antal',
    expected: 'Förväntat antal',
    difference: 'Avvikelse',
  },
  en: {
    gtin: 'GTIN',
    product: 'Product',
    batch: 'Batch',
    expiry: 'Expiry date',
    locations: 'Locations',
    quantity: 'Quantity',
    expected: 'Expected quantity',
    difference: 'Variance',
  },
} as const;

/**
 * The review as CSV that opens correctly in Swedish Excel: UTF-8 with a byte-order mark, `;` between
 * fields, CRLF line ends, ISO dates. A blind review has no expected or variance columns at all.
 */
export function reviewToCsv(review: Review, productName: (gtin: string | null) => string, lang: ExportLang): string {
  const h = HEADERS[lang];
  const guided = review.mode === 'guided';
  const header = [
    h.gtin,
    h.product,
    h.batch,
    h.expiry,
    h.locations,
    h.quantity,
    ...(guided ? [h.expected, h.difference] : []),
  ];
  const rows: string[][] = [header];
  for (const line of review.lines) {
    const name = productName(line.gtin);
    const gtin = line.gtin ?? '';
    if (line.batches.length === 0 && 'expected' in line) {
      // Guided: expected but not found anywhere.
      rows.push([gtin, name, '', '', '', '0', String(line.expected), String(line.difference)]);
      continue;
    }
    for (const batch of line.batches) {
      const row = [
        gtin,
        name,
        batch.batch ?? '',
        batch.expiry ?? '',
        batch.locationCodes.join(', '),
        String(batch.quantity),
      ];
      if (guided && 'expected' in batch) {
        row.push(
          batch.expected === null ? '' : String(batch.expected),
          batch.difference === null ? '' : String(batch.difference),
        );
      }
      rows.push(row);
    }
  }
  return toExcelCsv(rows);
}
