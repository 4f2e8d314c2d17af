import type { Product } from '../../src/domain/reference-data.ts';

/** A valid catalog product for tests: a plain medicine pack unless `fields` says otherwise. */
export function testProduct(gtin: string, fields: Partial<Product> = {}): Product {
  return {
    gtin,
    nameSv: `Produkt ${gtin}`,
    nameEn: `Product ${gtin}`,
    strength: '',
    form: '',
    packSize: '',
    unitsPerPack: 1,
    atc: '',
    vnr: '',
    nsn: '',
    category: 'medicine',
    contains: null,
    ...fields,
  };
}
