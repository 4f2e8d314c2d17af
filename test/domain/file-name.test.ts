import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/domain/file-name.ts';

describe('safeFileName', () => {
  it('keeps Swedish letters as their base letters instead of breaking the word', () => {
    expect(safeFileName('Västra Götaland – Åre/Örebro')).toBe('Vastra-Gotaland-Are-Orebro');
  });

  it('leaves only letters, digits, dash and underscore, trimmed and at most 80 characters', () => {
    expect(safeFileName('  ../etc/passwd?*:"<>|  ')).toBe('etc-passwd');
    expect(safeFileName('x'.repeat(200))).toHaveLength(80);
    expect(safeFileName('stock_take-2026')).toBe('stock_take-2026');
  });
});
