import type { Product } from '../../domain/reference-data.ts';

/**
 * The form that names a product counted on the devices but missing from the catalog (the overview's
 * "Add to catalog", administrators): what was typed, and the product it makes for
 * `PUT /api/v1/catalog/:gtin` — or which fields are wrong, checked before anything is sent. The
 * limits are those of `productSchema` (src/domain/reference-data.ts).
 */
export interface CatalogProductDraft {
  nameSv: string;
  nameEn: string;
  strength: string;
  form: string;
  packSize: string;
  unitsPerPack: string;
  atc: string;
  category: Product['category'];
}

export type CatalogField = Exclude<keyof CatalogProductDraft, 'category'>;

export type CatalogFieldError = { kind: 'required' } | { kind: 'too-long'; max: number } | { kind: 'units-per-pack' };

export type CatalogErrors = Partial<Record<CatalogField, CatalogFieldError>>;

/** The fields in the order the form shows them: the focus goes to the first one with an error. */
export const CATALOG_FIELDS: readonly CatalogField[] = [
  'nameSv',
  'nameEn',
  'strength',
  'form',
  'packSize',
  'unitsPerPack',
  'atc',
];

export const CATALOG_CATEGORIES: readonly Product['category'][] = ['medicine', 'consumable', 'other'];

const MAX_LENGTH: Record<Exclude<CatalogField, 'unitsPerPack'>, number> = {
  nameSv: 200,
  nameEn: 200,
  strength: 100,
  form: 100,
  packSize: 100,
  atc: 16,
};

export const emptyCatalogDraft: CatalogProductDraft = {
  nameSv: '',
  nameEn: '',
  strength: '',
  form: '',
  packSize: '',
  unitsPerPack: '1',
  atc: '',
  category: 'medicine',
};

/** The product to store for `gtin`, or the fields to fix. An empty English name is the Swedish one. */
export function catalogProduct(
  gtin: string,
  draft: CatalogProductDraft,
): { ok: true; product: Product } | { ok: false; errors: CatalogErrors } {
  const text = {
    nameSv: draft.nameSv.trim(),
    nameEn: draft.nameEn.trim(),
    strength: draft.strength.trim(),
    form: draft.form.trim(),
    packSize: draft.packSize.trim(),
    atc: draft.atc.trim().toUpperCase(),
  };
  const errors: CatalogErrors = {};
  for (const field of Object.keys(MAX_LENGTH) as (keyof typeof MAX_LENGTH)[]) {
    if (text[field].length > MAX_LENGTH[field]) errors[field] = { kind: 'too-long', max: MAX_LENGTH[field] };
  }
  if (text.nameSv === '') errors.nameSv = { kind: 'required' };
  const units = parseUnitsPerPack(draft.unitsPerPack);
  if (units === null) errors.unitsPerPack = { kind: 'units-per-pack' };
  if (units === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    product: {
      gtin,
      ...text,
      nameEn: text.nameEn || text.nameSv,
      unitsPerPack: units,
      vnr: '',
      nsn: '',
      category: draft.category,
      contains: null,
    },
  };
}

/** A whole number of at least 1 ("12", " 12 "); null for anything else ("", "0", "1.5", "12 st"). */
export function parseUnitsPerPack(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

export function firstCatalogError(errors: CatalogErrors): CatalogField | undefined {
  return CATALOG_FIELDS.find((field) => errors[field]);
}
