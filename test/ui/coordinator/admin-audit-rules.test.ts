import { describe, expect, it } from 'vitest';
import { conflictIdText, detailLines, isIsoInstant } from '../../../src/ui/coordinator/admin/audit-rules.ts';

const yesNo = { yes: 'yes', no: 'no', word: (_key: string, value: string) => value };

describe('detailLines: details in plain words', () => {
  it('strings, numbers, yes/no, lists and nested objects; empty values left out', () => {
    expect(
      detailLines(
        {
          reason: 'lost on the train',
          rows: 12,
          dryRun: false,
          locationCodes: ['A-1', 'A-2'],
          filter: { site: 'A', atc: null },
          nothing: null,
          none: [],
        },
        yesNo,
      ),
    ).toEqual([
      { key: 'reason', value: 'lost on the train' },
      { key: 'rows', value: '12' },
      { key: 'dryRun', value: 'no' },
      { key: 'locationCodes', value: 'A-1, A-2' },
      { key: 'filter', value: 'site: A' },
    ]);
  });

  it('a change reads from → to', () => {
    expect(detailLines({ role: { from: 'counter', to: 'supervisor' }, name: { from: 'A', to: null } }, yesNo)).toEqual([
      { key: 'role', value: 'counter → supervisor' },
      { key: 'name', value: 'A → —' },
    ]);
  });

  it('words each string value by its key, inside lists and changes too', () => {
    const word = (key: string, value: string) => (key === 'role' ? value.toUpperCase() : value);
    expect(
      detailLines({ role: { from: 'counter', to: 'supervisor' }, roles: ['a'], reason: 'x' }, { ...yesNo, word }),
    ).toEqual([
      { key: 'role', value: 'COUNTER → SUPERVISOR' },
      { key: 'roles', value: 'a' },
      { key: 'reason', value: 'x' },
    ]);
  });

  it('cuts a long list to its first three and says how many more', () => {
    expect(detailLines({ voided: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'] }, yesNo)).toEqual([
      { key: 'voided', value: 'e1, e2, e3 … (+4)' },
    ]);
    expect(detailLines({ voided: ['e1', 'e2', 'e3', 'e4', 'e5'] }, yesNo)[0]?.value).toBe('e1, e2, e3, e4, e5');
  });
});

describe('words for what the server writes as codes', () => {
  it('recognises an instant, not a date or other text', () => {
    expect(isIsoInstant('2026-11-22T22:26:18.664Z')).toBe(true);
    expect(isIsoInstant('2026-11-22T22:26Z')).toBe(true);
    expect(isIsoInstant('2026-11-22')).toBe(false);
    expect(isIsoInstant('2026-13-45T99:00:00Z')).toBe(false);
    expect(isIsoInstant('SSL-MITT')).toBe(false);
  });

  it('names a conflict by its place, product, batch or serial, leaving out the kind and what is empty', () => {
    expect(conflictIdText('["location-totals","SSL-MITT-R1-H1","00950600770011","LOT1"]')).toBe(
      'SSL-MITT-R1-H1 · 00950600770011 · LOT1',
    );
    expect(conflictIdText('["serial","07046261000000","S-001"]')).toBe('07046261000000 · S-001');
    expect(conflictIdText('["location-totals","A-1","07046261000000",null]')).toBe('A-1 · 07046261000000');
    expect(conflictIdText('c-17')).toBe('c-17');
  });
});
