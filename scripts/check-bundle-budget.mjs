#!/usr/bin/env node
// The first-paint budget: the JavaScript a browser must load before it can draw the app — the entry
// chunk and every chunk it imports statically, followed through dist/.vite/manifest.json (Vite's
// `build.manifest`) — must stay at or under 60 kB gzipped. Lazily loaded chunks (dynamic imports:
// the decoder, the coordinators' views, the install guide) do not count.
//   npm run build && node scripts/check-bundle-budget.mjs [distDir] [--json]
// Exits 1 above the budget, listing the chunks so the culprit is easy to find.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// kB as Vite's build report counts them (1 kB = 1000 bytes), so the two figures can be compared.
const BUDGET_BYTES = 60_000;
const args = process.argv.slice(2);
const json = args.includes('--json');
const distDir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const manifestFile = join(distDir, '.vite', 'manifest.json');

if (!existsSync(manifestFile)) {
  console.error(`${manifestFile} is missing: build first (npm run build; vite.config.ts sets build.manifest).`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
if (!entryKey) {
  console.error(`No index.html entry in ${manifestFile}.`);
  process.exit(2);
}

/** The entry and, depth first, every chunk reachable through static imports — each once. */
function firstPaintChunks(key, seen = new Set()) {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => firstPaintChunks(imported, seen))];
}

const chunks = firstPaintChunks(entryKey)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

if (json) {
  console.log(JSON.stringify({ budgetBytes: BUDGET_BYTES, gzipBytes: total, chunks }));
} else {
  console.log(`Initial JavaScript (first-paint path), gzipped: ${kb(total)} of ${kb(BUDGET_BYTES)}`);
  for (const c of chunks) console.log(`  ${c.file}  ${kb(c.gzipBytes)} gzipped (${kb(c.bytes)} raw)`);
}
if (total > BUDGET_BYTES) {
  console.error(
    `Over the first-paint budget by ${kb(total - BUDGET_BYTES)}. Load what the first screen does not need ` +
      'with a dynamic import(), or take something out of the chunks above.',
  );
  process.exit(1);
}
