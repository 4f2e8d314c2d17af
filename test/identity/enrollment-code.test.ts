import { describe, expect, it } from 'vitest';
import { enrollmentCodeFromScan } from '../../src/identity/enrollment-code.ts';

describe('the enrollment code in a scanned QR code', () => {
  it('reads the code from the app link a supervisor shows, on any host', () => {
    expect(enrollmentCodeFromScan('https://lager.example.se/enroll?code=ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(enrollmentCodeFromScan('http://127.0.0.1:8787/enroll?code=abcd-efgh-jkmn')).toBe('abcd-efgh-jkmn');
    expect(enrollmentCodeFromScan(' https://x.se/enroll/?code=ABCD%20EFGH%20JKMN \n')).toBe('ABCD EFGH JKMN');
  });

  it('takes a bare code as printed under the QR code', () => {
    expect(enrollmentCodeFromScan('ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(enrollmentCodeFromScan('abcdefghjkmn')).toBe('abcdefghjkmn');
  });

  it('refuses what is not an enrollment code: a pack, another page, another scheme, a link without a code', () => {
    for (const other of [
      ']d2010704626100000017280630',
      '07046261000000',
      'https://x.se/setup?code=ABCD-EFGH-JKMN',
      'https://x.se/enroll',
      'https://x.se/enroll?code=',
      'javascript:alert(1)//enroll?code=ABCD-EFGH-JKMN',
      'ABC',
      '',
    ]) {
      expect(enrollmentCodeFromScan(other), other).toBeNull();
    }
  });
});
