#!/usr/bin/env node
// `npm run bench [name…]`: runs the benchmarks in test/bench/*.bench.ts one after the other (never in
// parallel: the machine has 2 cores and the numbers would lie). Results go to stdout; docs/benchmarks.md
// records them with the command that produced them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const all = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.includes(w))) : all;
if (chosen.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file}`);
  const run = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
