import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The direction of dependencies, checked on every import in src/:
 *   ui → identity / store / sync / scan → domain;  sw (service worker) → store / sync → domain;
 *   identity (who uses this device: PINs, the lock) → store → domain;
 *   server → domain;  cli → domain.
 * The domain imports nothing but itself and zod. Nothing imports the UI or the server.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

const allowed: Record<string, readonly string[]> = {
  domain: ['domain'],
  store: ['domain', 'store'],
  sync: ['domain', 'store', 'sync'],
  scan: ['domain', 'scan'],
  identity: ['domain', 'store', 'identity'],
  ui: ['domain', 'store', 'sync', 'scan', 'identity', 'ui'],
  sw: ['domain', 'store', 'sync', 'sw'],
  server: ['domain', 'server'],
  cli: ['domain', 'cli'],
};
/** npm packages each part may use; anything else in the domain is a leak. */
const allowedPackages: Record<string, RegExp> = {
  domain: /^zod(\/mini)?$/,
  store: /^(dexie|uuid)$/,
  sync: /^$/,
  sw: /^workbox-(core|precaching|routing)$/,
  identity: /^$/,
  scan: /^(zxing-wasm)(\/.*)?$/,
  ui: /^(preact|dexie|workbox-window|virtual:pwa-register|bwip-js)(\/.*)?$/,
  server: /^(node:.*|hono(\/.*)?|@hono\/.*|hono-rate-limiter|better-sqlite3|pg|zod(\/.*)?|papaparse|exceljs|uuid)$/,
  cli: /^node:.*$/,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
  return [...specifiers, ...bare, ...dynamic];
}

const partOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0] ?? '';

describe('architecture: imports flow towards the domain', () => {
  const files = sourceFiles(SRC);

  it('knows every folder in src', () => {
    const parts = new Set(files.map(partOf));
    for (const part of parts)
      expect(Object.keys(allowed), `src/${part} is not in the dependency rules`).toContain(part);
  });

  it.each(files.map((f) => [relative(ROOT, f), f] as const))('%s imports only what its part may', (_name, file) => {
    const part = partOf(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = partOf(resolve(file, '..', spec.replace(/\?.*$/, '')));
        expect(allowed[part], `${relative(ROOT, file)} imports ${spec} (src/${target})`).toContain(target);
      } else if (!spec.endsWith('.css')) {
        expect(spec, `${relative(ROOT, file)} imports the package ${spec}`).toMatch(allowedPackages[part] ?? /^$/);
      }
    }
  });
});
