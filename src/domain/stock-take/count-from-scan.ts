import type { ParsedScan } from '../gs1/types.ts';
import type { Product } from '../reference-data.ts';

/** What a scan means for the count: which product, how many packs, and what is known of them. */
export interface CountDraft {
  /** The product counted (the inner pack when a case was scanned). */
  gtin: string;
  /** Packs of `gtin`. */
  quantity: number;
  unitLevel: 'pack' | 'case';
  batch: string | null;
  expiry: string | null;
  /** The code wrote the expiry day as 00 (end of month). */
  expiryDayWasZero: boolean;
  serial: string | null;
  /** The catalog entry, or undefined for a product the catalog does not know (counted, flagged for linking). */
  product: Product | undefined;
  /** When a case was scanned: the case GTIN (if any) and how many packs it holds. */
  caseOf: { gtin: string | null; packs: number } | null;
}

/** Why a scan cannot be counted, beyond what the barcode interpretation already said. */
export type CountProblem = 'unreadable' | 'no-product-code' | 'case-without-contents';

export type DraftResult = { ok: true; draft: CountDraft } | { ok: false; problem: CountProblem };

/**
 * Turns an interpreted scan into a count draft:
 * - a pack with a serial is exactly one pack;
 * - AI (02) + (37) is a case: (37) packs of the product (02) names;
 * - AI (30) on a trade item gives the count of items;
 * - a case GTIN the catalog knows (`contains`) counts its packs of the inner product;
 * - an SSCC alone says nothing about the contents and cannot be counted.
 */
export function draftFromScan(parsed: ParsedScan, lookup: (gtin: string) => Product | undefined): DraftResult {
  if (!parsed.ok) return { ok: false, problem: 'unreadable' };
  if (!parsed.gtin) return { ok: false, problem: parsed.sscc ? 'case-without-contents' : 'no-product-code' };

  const known = {
    batch: parsed.batch ?? null,
    expiry: parsed.expiry?.date ?? null,
    expiryDayWasZero: parsed.expiry?.dayWasZero ?? false,
  };
  const countOf = (draft: Omit<CountDraft, keyof typeof known>): DraftResult => ({
    ok: true,
    draft: { ...known, ...draft },
  });

  if (parsed.gtinAi === '02') {
    const packs = parsed.quantity ?? 1;
    return countOf({
      gtin: parsed.gtin,
      quantity: packs,
      unitLevel: 'case',
      serial: null,
      product: lookup(parsed.gtin),
      caseOf: { gtin: null, packs },
    });
  }

  const scanned = lookup(parsed.gtin);
  if (scanned?.contains) {
    const packs = (parsed.quantity ?? 1) * scanned.contains.quantity;
    return countOf({
      gtin: scanned.contains.gtin,
      quantity: packs,
      unitLevel: 'case',
      serial: null,
      product: lookup(scanned.contains.gtin),
      caseOf: { gtin: parsed.gtin, packs },
    });
  }

  const serial = parsed.serial ?? null;
  return countOf({
    gtin: parsed.gtin,
    quantity: serial ? 1 : (parsed.quantity ?? 1),
    unitLevel: 'pack',
    serial,
    product: scanned,
    caseOf: null,
  });
}
