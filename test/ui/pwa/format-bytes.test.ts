import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/ui/pwa/format-bytes.ts';

/** Intl separates number and unit (and Swedish thousands) with no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes: storage sizes the way each reader writes them', () => {
  it('Swedish: decimal comma, space between thousands', () => {
    expect(plain(formatBytes('sv', 1_234_567))).toBe('1,2 MB');
    expect(plain(formatBytes('sv', 2_345_000_000_000))).toBe('2 345 GB');
  });

  it('English: decimal point, comma between thousands', () => {
    expect(plain(formatBytes('en', 1_234_567))).toBe('1.2 MB');
    expect(plain(formatBytes('en', 2_345_000_000_000))).toBe('2,345 GB');
  });

  it('small sizes in kB and bytes, whole numbers above ten', () => {
    expect(plain(formatBytes('en', 45_600))).toBe('46 kB');
    expect(plain(formatBytes('en', 512))).toBe('512 byte');
  });
});
