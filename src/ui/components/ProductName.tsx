import type { Product } from '../../domain/reference-data.ts';
import type { Lang } from '../i18n.ts';

/** The name a person knows the product by, in the UI language: "Tranexamsyra 100 mg/ml, 10 × 5 ml". */
export function productLabel(product: Product | undefined, lang: Lang, unknown: string): string {
  if (!product) return unknown;
  const name = lang === 'sv' ? product.nameSv || product.nameEn : product.nameEn || product.nameSv;
  return [name, product.strength, product.packSize].filter(Boolean).join(', ');
}
