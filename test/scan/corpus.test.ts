import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/random.ts';
import { gs1ElementString, gtinCheckDigit } from './corpus/symbols.ts';

describe('corpus helpers', () => {
  it('build GS1 element strings with GS only after variable-length fields', () => {
    expect(gs1ElementString('(01)07046261234566(17)290630(10)AB12(21)XYZ')).toBe(
      '01070462612345661729063010AB12\x1d21XYZ',
    );
    expect(gs1ElementString('(01)07046261234566(10)AB12')).toBe('0107046261234566' + '10AB12');
  });

  it('compute GTIN check digits', () => {
    expect(gtinCheckDigit('0704626123456')).toBe('6');
    expect(gtinCheckDigit('400638133393')).toBe('1');
  });

  it('are deterministic', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
