import { describe, expect, test } from 'vitest';
import { formatScanIssue, parseScan, SCAN_ISSUE_CODES, SCAN_ISSUE_MESSAGES } from '../../../src/domain/gs1/index.ts';

describe('issue messages', () => {
  test('every code has an English and a Swedish message with the same placeholders', () => {
    expect(SCAN_ISSUE_CODES.length).toBeGreaterThan(40);
    for (const code of SCAN_ISSUE_CODES) {
      const { en, sv } = SCAN_ISSUE_MESSAGES[code];
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(en.length, code).toBeGreaterThan(10);
      expect(sv.length, code).toBeGreaterThan(10);
      expect(placeholders(sv), code).toEqual(placeholders(en));
    }
  });

  test('Swedish rendering of a real issue, with Swedish field names', () => {
    const scan = parseScan(']d20109506000134352172913301012AB', { today: new Date('2026-05-01') });
    const issue = scan.errors[0];
    expect(issue?.code).toBe('GS1_INVALID_MONTH');
    expect(formatScanIssue('GS1_INVALID_MONTH', issue?.params ?? {}, 'sv')).toBe(
      'Utgångsdatum (17) har månad 13, som inte finns.',
    );
    expect(
      formatScanIssue('GS1_SEPARATOR_POSSIBLY_MISSING', { ai: '10', nextAi: '17', text: '17290630' }, 'sv'),
    ).toContain('Batchnummer (10) slutar på "17290630", vilket ser ut som utgångsdatum (17)');
  });

  test('no message is left with an unfilled placeholder', () => {
    const scans = [
      ']d20109506000134353',
      ']d2010950600013435217291330',
      ']d2891234',
      '(01)09506000134352(10)A B',
      'https://example.com/01/09506000134352?10=A',
      '+A123BJC5D6E71H',
      '5901234123458',
      ']d210ABC',
    ];
    for (const raw of scans) {
      const scan = parseScan(raw);
      for (const issue of [...scan.errors, ...scan.warnings]) expect(issue.message, raw).not.toMatch(/\{\w+\}/);
    }
  });
});
