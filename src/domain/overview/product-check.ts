import { isValidGtin } from '../gs1/index.ts';
import type { Product } from '../reference-data.ts';

/**
 * Why one product cannot go into the catalog as it stands, or null: the rules of a catalog import's
 * row (check digits, a Swedish name), plus a case that would contain itself.
 */
export function productProblem(product: Product): string | null {
  if (!isValidGtin(product.gtin)) return `GTIN ${product.gtin} has a wrong check digit.`;
  if (product.nameSv.trim() === '') return 'The Swedish name is empty.';
  if (product.contains) {
    if (!isValidGtin(product.contains.gtin)) return `GTIN ${product.contains.gtin} has a wrong check digit.`;
    if (product.contains.gtin === product.gtin) return 'A case cannot contain itself.';
  }
  return null;
}
