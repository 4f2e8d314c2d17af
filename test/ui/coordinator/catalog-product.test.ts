import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productSchema } from '../../../src/domain/reference-data.ts';
import {
  catalogProduct,
  emptyCatalogDraft,
  firstCatalogError,
  parseUnitsPerPack,
} from '../../../src/ui/coordinator/catalog-product.ts';

const GTIN = '09506000199993';

describe('the "Add to catalog" form', () => {
  it('makes the product: trimmed, ATC in capitals, the Swedish name standing in for an empty English one', () => {
    const result = catalogProduct(GTIN, {
      ...emptyCatalogDraft,
      nameSv: '  Testlösning ',
      strength: '9 mg/ml',
      unitsPerPack: ' 10 ',
      atc: 'b05bb01',
      category: 'consumable',
    });
    expect(result).toEqual({
      ok: true,
      product: {
        gtin: GTIN,
        nameSv: 'Testlösning',
        nameEn: 'Testlösning',
        strength: '9 mg/ml',
        form: '',
        packSize: '',
        unitsPerPack: 10,
        atc: 'B05BB01',
        vnr: '',
        nsn: '',
        category: 'consumable',
        contains: null,
      },
    });
  });

  it('names every field to fix, and the first of them in the form’s order', () => {
    const result = catalogProduct(GTIN, { ...emptyCatalogDraft, unitsPerPack: '0', atc: 'X'.repeat(17) });
    expect(result).toEqual({
      ok: false,
      errors: {
        nameSv: { kind: 'required' },
        unitsPerPack: { kind: 'units-per-pack' },
        atc: { kind: 'too-long', max: 16 },
      },
    });
    if (!result.ok) expect(firstCatalogError(result.errors)).toBe('nameSv');
    expect(firstCatalogError({ atc: { kind: 'too-long', max: 16 }, unitsPerPack: { kind: 'units-per-pack' } })).toBe(
      'unitsPerPack',
    );
  });

  it('reads units per pack as a whole number of at least 1, nothing else', () => {
    expect(parseUnitsPerPack('12')).toBe(12);
    expect(parseUnitsPerPack(' 1 ')).toBe(1);
    for (const text of ['', '0', '1.5', '-2', '12 st', '1e3', '99999999999999999999'])
      expect(parseUnitsPerPack(text)).toBeNull();
  });

  it('only ever sends what the server’s schema takes', () => {
    const field = fc.string({ maxLength: 220 });
    fc.assert(
      fc.property(
        fc.record({
          nameSv: field,
          nameEn: field,
          strength: field,
          form: field,
          packSize: field,
          unitsPerPack: fc.oneof(fc.nat().map(String), fc.string()),
          atc: fc.string({ maxLength: 20 }),
          category: fc.constantFrom('medicine', 'consumable', 'other') as fc.Arbitrary<
            'medicine' | 'consumable' | 'other'
          >,
        }),
        (draft) => {
          const result = catalogProduct(GTIN, draft);
          if (result.ok) expect(productSchema.safeParse(result.product).success).toBe(true);
        },
      ),
    );
  });
});
