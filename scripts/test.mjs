#!/usr/bin/env node
// Runs every test suite (unit, integration, end-to-end in Chromium) in one vitest run and ends with
// one line of totals over all suites: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-test-'));
const report = join(dir, 'vitest.json');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A suite that failed to load (an import error, a failing globalSetup) has no tests to count:
  // count it as a failure so the totals never look green when something did not run.
  const brokenSuites = json.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0);
  failed += brokenSuites.length;
} catch {
  failed += 1;
}
rmSync(dir, { recursive: true, force: true });
const code = run.status === 0 && failed === 0 ? 0 : 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);
