import { describe, expect, test } from 'vitest';
import {
  gs1CheckCharacterPair,
  gs1CheckDigit,
  hibcCheckCharacter,
  ppnCheckDigits,
  pznCheckDigit,
} from '../../../src/domain/gs1/check-digits.ts';
import {
  expandUpcE,
  gtinCheckDigitOk,
  isValidGtin,
  ntinFromPzn,
  toGtin14,
  vnrFromGtin,
} from '../../../src/domain/gs1/index.ts';

describe('GS1 mod-10 check digits', () => {
  test.each([
    ['0950600013435', 2],
    ['950600013435', 2],
    ['0704626123456', 6],
    ['09506000000000001', 5],
  ])('%s → %i', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
  });

  test('isValidGtin accepts GTIN-8/12/13/14 with a correct check digit only', () => {
    expect(isValidGtin('09506000134352')).toBe(true);
    expect(isValidGtin('9506000134352')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('09506000134353')).toBe(false);
    expect(isValidGtin('0950600013435')).toBe(false);
    expect(isValidGtin('0950600013435X')).toBe(false);
    expect(gtinCheckDigitOk('09506000134352')).toBe(true);
  });

  test('toGtin14 pads with zeros', () => {
    expect(toGtin14('96385074')).toBe('00000096385074');
  });
});

test('HIBC mod 43: +A123BJC5D6E71 → G', () => {
  expect(hibcCheckCharacter('+A123BJC5D6E71')).toBe('G');
  expect(hibcCheckCharacter('+a123')).toBeUndefined();
});

test('IFA PPN check digits and PZN check digit', () => {
  expect(ppnCheckDigits('1103752864')).toBe('14');
  expect(pznCheckDigit('0375286')).toBe(4);
  expect(ntinFromPzn('03752864')).toBe('04150037528643');
  expect(isValidGtin(ntinFromPzn('03752864'))).toBe(true);
});

test('GS1 check character pair (AI 8013)', () => {
  expect(gs1CheckCharacterPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
  expect(gs1CheckCharacterPair('')).toBe('22');
  expect(gs1CheckCharacterPair('a b')).toBeUndefined();
});

test('UPC-E expansion rules by the last digit', () => {
  expect(expandUpcE('01234505')).toBe('012000003455');
  expect(expandUpcE('01234535')).toBe('012300000455');
  expect(expandUpcE('01234545')).toBe('012340000055');
  expect(expandUpcE('01234565')).toBe('012345000065');
  expect(expandUpcE('21234565')).toBeUndefined();
});

test('Vnr only from Nordic NTINs', () => {
  expect(vnrFromGtin('07046261234566')).toBe('123456');
  expect(vnrFromGtin('09506000134352')).toBeUndefined();
});
