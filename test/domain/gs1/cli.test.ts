// The parse-scan CLI, run as IT staff would run it: lines in, one JSON ParsedScan per line out.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { unescapeScanLine } from '../../../src/cli/scan-line.ts';
import type { ParsedScan } from '../../../src/domain/gs1/index.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('unescapeScanLine', () => {
  test('turns \\x1d and <GS> into the GS character, and leaves a real GS alone', () => {
    expect(unescapeScanLine('01\\x1d10A<GS>21B\x1d')).toBe('01\x1d10A\x1d21B\x1d');
    expect(unescapeScanLine('[)><RS>06\\x1E9N1<RS><EOT>')).toBe('[)>\x1e06\x1e9N1\x1e\x04');
  });
});

describe('npm run parse-scan', () => {
  test('prints exactly one JSON line per input line', () => {
    const input = [
      ']d2010950600013435217290630101234AB\\x1d21XYZ',
      '\x1d0109506000134352<GS>10ABC',
      '(01)09506000134352(17)291330',
      '',
    ].join('\n');
    const run = spawnSync('npx', ['tsx', 'src/cli/parse-scan.ts', '--today', '2026-05-01'], {
      cwd: repoRoot,
      input: `${input}\n`,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const results = lines.map((line) => JSON.parse(line) as ParsedScan);
    expect(results[0]).toMatchObject({ ok: true, gtin: '09506000134352', batch: '1234AB', serial: 'XYZ' });
    expect(results[1]).toMatchObject({ ok: true, batch: 'ABC' });
    expect(results[2]?.errors[0]?.code).toBe('GS1_INVALID_MONTH');
    expect(results[3]?.errors[0]?.code).toBe('EMPTY_SCAN');
  }, 30_000);
});
