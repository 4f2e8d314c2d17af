import { describe, expect, it } from 'vitest';
import { productProblem } from '../../../src/domain/overview/product-check.ts';
import type { Product } from '../../../src/domain/reference-data.ts';
import { testProduct } from '../../support/products.ts';

const product = (changes: Partial<Product> = {}): Product =>
  testProduct('09506000199993', { nameSv: 'Hemostatiskt förband', category: 'consumable', ...changes });

describe('productProblem: one product as the catalog takes it', () => {
  it('takes a product with a good GTIN and a Swedish name, and a case of another product', () => {
    expect(productProblem(product())).toBeNull();
    expect(productProblem(product({ contains: { gtin: '07046261000000', quantity: 10 } }))).toBeNull();
  });

  it('names what is wrong', () => {
    expect(productProblem(product({ gtin: '09506000199994' }))).toBe('GTIN 09506000199994 has a wrong check digit.');
    expect(productProblem(product({ nameSv: ' ' }))).toBe('The Swedish name is empty.');
    expect(productProblem(product({ contains: { gtin: '07046261000001', quantity: 10 } }))).toBe(
      'GTIN 07046261000001 has a wrong check digit.',
    );
    expect(productProblem(product({ contains: { gtin: '09506000199993', quantity: 10 } }))).toBe(
      'A case cannot contain itself.',
    );
  });
});
