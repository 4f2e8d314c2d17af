import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../../src/domain/overview/catalog-import.ts';
import { encodingProblem, parseWholeNumber } from '../../../src/domain/overview/table-import.ts';
import { validateTargetLevels } from '../../../src/domain/overview/target-level-import.ts';

describe('catalog rows', () => {
  it('pads GTIN-8/12/13 to GTIN-14, fills defaults and reads a case', () => {
    const result = validateCatalog([
      ['gtin', 'nameSv', 'category', 'containsGtin', 'containsQuantity', 'unitsPerPack'],
      ['96385074', 'Åtta', 'other', '', '', ''],
      ['17046261000014', 'Kartong', 'Medicine', '07046261000017', '24', '1'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.products.map((p) => [p.row, p.product.gtin, p.product.category, p.product.contains])).toEqual([
      [2, '00000096385074', 'other', null],
      [3, '17046261000014', 'medicine', { gtin: '07046261000017', quantity: 24 }],
    ]);
    expect(result.products[0]?.product).toMatchObject({ nameEn: 'Åtta', unitsPerPack: 1 });
  });

  it('skips blank rows but keeps spreadsheet row numbers', () => {
    const result = validateCatalog([
      ['gtin', 'nameSv', 'category'],
      ['', '', ''],
      ['96385075', 'X', 'other'],
    ]);
    expect(result.errors).toEqual([{ row: 3, column: 'gtin', message: 'GTIN 96385075 has a wrong check digit.' }]);
    expect(result.rowCount).toBe(1);
  });

  it('a case needs both of its columns', () => {
    const result = validateCatalog([
      ['gtin', 'nameSv', 'category', 'containsGtin'],
      ['96385074', 'X', 'other', '07046261000017'],
    ]);
    expect(result.errors.map((e) => e.column)).toEqual(['containsGtin']);
  });
});

describe('target-level rows', () => {
  it('needs a known site and product, a whole number, and each pair once', () => {
    const known = { siteCodes: new Set(['N']), gtins: new Set(['07046261000017']) };
    const result = validateTargetLevels(
      [
        ['siteCode', 'gtin', 'targetPacks'],
        ['N', '7046261000017', '12'],
        ['N', '07046261000017', '3'],
        ['N', '07046261000017', '2,5'],
      ],
      known,
    );
    expect(result.targetLevels).toEqual([
      { row: 2, targetLevel: { siteCode: 'N', gtin: '07046261000017', targetPacks: 12 } },
    ]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'gtin'],
      [4, 'targetPacks'],
      [4, 'gtin'],
    ]);
  });
});

describe('cell text', () => {
  it('recognises bytes that were not UTF-8 and UTF-8 read as Latin-1', () => {
    expect(encodingProblem('F\uFFFDrband')).toMatch(/not valid UTF-8/);
    expect(encodingProblem('FÃ¶rband')).toMatch(/read as Latin-1/);
    expect(encodingProblem('Förband Åre')).toBeNull();
  });

  it('reads whole numbers with thousands spaces only', () => {
    expect(parseWholeNumber('1 200', 0)).toBe(1200);
    expect(parseWholeNumber('1\u00A0200', 0)).toBe(1200);
    expect(parseWholeNumber('0', 1)).toBeNull();
    expect(parseWholeNumber('2,5', 0)).toBeNull();
    expect(parseWholeNumber('-3', 0)).toBeNull();
  });
});
