import { describe, expect, it } from 'vitest';
import { exportFileName, formatPercent, productName } from '../../../src/ui/coordinator/format.ts';
import { visibleSections } from '../../../src/ui/coordinator/sections.ts';

describe('the coordinators’ navigation by role', () => {
  it('shows administrators every section, supervisors all but import, counters and nobody nothing', () => {
    const names = (role: Parameters<typeof visibleSections>[0]) => visibleSections(role).map((s) => s.section);
    expect(names('administrator')).toEqual([
      'overview',
      'stock-takes',
      'devices',
      'users',
      'audit',
      'import',
      'labels',
    ]);
    expect(names('supervisor')).toEqual(['overview', 'stock-takes', 'devices', 'users', 'audit', 'labels']);
    expect(names('counter')).toEqual([]);
    expect(names(null)).toEqual([]);
  });
});

describe('numbers and names on the coordinators’ screens', () => {
  it('writes a coverage the way each language does', () => {
    expect(formatPercent('sv', 45.5)).toBe('45,5\u00a0%');
    expect(formatPercent('en', 45.5)).toBe('45.5%');
    expect(formatPercent('sv', 1250)).toBe('1\u00a0250\u00a0%');
  });

  it('names the product in the reader’s language, falling back to the other', () => {
    expect(productName({ productNameSv: 'Morfin', productNameEn: 'Morphine' }, 'en', '?')).toBe('Morphine');
    expect(productName({ productNameSv: 'Morfin', productNameEn: null }, 'en', '?')).toBe('Morfin');
    expect(productName({ productNameSv: null, productNameEn: null }, 'sv', 'Okänd')).toBe('Okänd');
  });

  it('names an export after what, the filters and the day, in characters safe everywhere', () => {
    expect(exportFileName('lagerkoll-lager', ['Västra Götaland', null, 'B05'], '2026-11-22', 'csv')).toBe(
      'lagerkoll-lager_Vastra-Gotaland_B05_2026-11-22.csv',
    );
  });
});
