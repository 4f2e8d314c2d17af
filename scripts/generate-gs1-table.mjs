#!/usr/bin/env node
// Generates src/domain/gs1/ai-table.generated.ts from the GS1 Barcode Syntax Dictionary.
//
//   npm run generate:gs1 [-- path/to/gs1-syntax-dictionary.txt]
//
// Default input: ../shared/gs1/gs1-syntax-dictionary.txt (relative to the repository root). The generated
// file is committed, so neither the build nor the tests need ../shared. The script refuses input it does
// not understand (an unknown flag, linter or attribute, overlapping AIs) rather than guessing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inputPath = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/gs1/gs1-syntax-dictionary.txt'));
const outputPath = resolve(repoRoot, 'src/domain/gs1/ai-table.generated.ts');

/** Linters implemented in src/domain/gs1/linters.ts; a new one in the dictionary must be written first. */
const KNOWN_LINTERS = new Set([
  'csum',
  'csumalpha',
  'gcppos1',
  'gcppos2',
  'yymmd0',
  'yymmdd',
  'yyyymmd0',
  'yyyymmdd',
  'hh',
  'hhmi',
  'mi',
  'ss',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'iban',
  'pcenc',
  'yesno',
  'hyphen',
  'latitude',
  'longitude',
  'importeridx',
  'packagetype',
  'mediatype',
  'posinseqslash',
  'nonzero',
  'zero',
  'winding',
  'pieceoftotal',
  'nozeroprefix',
  'hasnondigit',
  'couponcode',
  'couponposoffer',
]);
const FLAG_CHARS = '*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~';
const KNOWN_FLAGS = new Set(['*', '?']);

const text = readFileSync(inputPath, 'utf8');
const sha256 = createHash('sha256').update(text).digest('hex');
const release = /^#\s*Release:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? 'unknown';

function fail(lineNo, message) {
  console.error(`${inputPath}:${lineNo}: ${message}`);
  process.exit(1);
}

function parseComponent(token, lineNo) {
  // e.g. "N13,csum,gcppos1", "[X..17]", "[N3],iso3166", "X..20"
  const m = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/.exec(token);
  if (!m) fail(lineNo, `cannot read component "${token}"`);
  const [, open, cset, dots, len, close, linterList] = m;
  if (Boolean(open) !== Boolean(close)) fail(lineNo, `unbalanced brackets in "${token}"`);
  const max = Number(len);
  const linters = linterList ? linterList.slice(1).split(',') : [];
  for (const l of linters) if (!KNOWN_LINTERS.has(l)) fail(lineNo, `unknown linter "${l}"`);
  return { cset, min: dots ? 1 : max, max, optional: Boolean(open), linters };
}

function parsePatternList(value, lineNo) {
  const list = value.split(',');
  for (const p of list) {
    for (const part of p.split('+')) if (!/^[0-9n]{2,4}$/.test(part)) fail(lineNo, `bad AI pattern "${part}"`);
  }
  return list;
}

const rows = [];
const lines = text.split('\n');
lines.forEach((rawLine, index) => {
  const lineNo = index + 1;
  if (rawLine.startsWith('#') || rawLine.trim() === '') return;
  const hash = rawLine.indexOf('#');
  const title = hash >= 0 ? rawLine.slice(hash + 1).trim() : '';
  const tokens = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim().split(/\s+/);
  const aiToken = tokens.shift();
  const range = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(aiToken ?? '');
  if (!range) fail(lineNo, `cannot read AI "${aiToken}"`);
  const first = range[1];
  const last = range[2] ?? first;
  if (first.length !== last.length || Number(last) < Number(first)) fail(lineNo, `bad AI range "${aiToken}"`);

  let flags = '';
  if (tokens[0] && [...tokens[0]].every((c) => FLAG_CHARS.includes(c))) flags = tokens.shift();
  for (const f of flags) if (!KNOWN_FLAGS.has(f)) fail(lineNo, `unknown flag "${f}"`);

  const components = [];
  while (tokens[0] && /^\[?[NXYZ]/.test(tokens[0])) components.push(parseComponent(tokens.shift(), lineNo));
  if (components.length === 0) fail(lineNo, 'no components');
  components.forEach((c, i) => {
    if (c.min !== c.max && i !== components.length - 1) fail(lineNo, 'only the last component may vary in length');
    if (!c.optional && components.slice(0, i).some((p) => p.optional)) fail(lineNo, 'mandatory after optional');
  });

  const req = [];
  const ex = [];
  let dlPrimaryKey = null;
  for (const attr of tokens) {
    const [key, value] = attr.split('=', 2);
    if (key === 'req' && value) req.push(parsePatternList(value, lineNo).map((alt) => alt.split('+')));
    else if (key === 'ex' && value) ex.push(...parsePatternList(value, lineNo));
    else if (key === 'dlpkey') dlPrimaryKey = value ? value.split('|').map((seq) => seq.split(',')) : [[]];
    else fail(lineNo, `unknown attribute "${attr}"`);
  }
  const predefinedLength = flags.includes('*');
  if (predefinedLength && components.some((c) => c.min !== c.max || c.optional)) {
    fail(lineNo, 'a predefined-length AI must have fixed-length components');
  }
  rows.push({
    first,
    last,
    predefinedLength,
    dlDataAttribute: flags.includes('?'),
    components,
    req,
    ex,
    dlPrimaryKey,
    title,
  });
});

// The AI set must be prefix-free, or reading an element string would be ambiguous.
const allAis = [];
for (const r of rows) {
  for (let n = Number(r.first); n <= Number(r.last); n++) allAis.push(String(n).padStart(r.first.length, '0'));
}
const aiSet = new Set(allAis);
if (aiSet.size !== allAis.length) fail(0, 'an AI is defined twice');
for (const ai of allAis) {
  for (let k = 2; k < ai.length; k++)
    if (aiSet.has(ai.slice(0, k))) fail(0, `AI ${ai.slice(0, k)} is a prefix of AI ${ai}`);
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (items) => `[${items.join(', ')}]`;
const componentSource = (c) =>
  `{ cset: ${q(c.cset)}, min: ${c.min}, max: ${c.max}, optional: ${c.optional}, linters: ${list(c.linters.map(q))} }`;
const rowSource = (r) =>
  [
    '  {',
    `    first: ${q(r.first)},`,
    `    last: ${q(r.last)},`,
    `    predefinedLength: ${r.predefinedLength},`,
    `    dlDataAttribute: ${r.dlDataAttribute},`,
    `    components: ${list(r.components.map(componentSource))},`,
    `    req: ${list(r.req.map((rule) => list(rule.map((alt) => list(alt.map(q))))))},`,
    `    ex: ${list(r.ex.map(q))},`,
    `    dlPrimaryKey: ${r.dlPrimaryKey === null ? 'null' : list(r.dlPrimaryKey.map((seq) => list(seq.filter(Boolean).map(q))))},`,
    `    title: ${q(r.title)},`,
    '  },',
  ].join('\n');

const source = `// GENERATED FILE — do not edit. Regenerate with \`npm run generate:gs1\` (scripts/generate-gs1-table.mjs).
//
// Source: GS1 Barcode Syntax Dictionary, release "${release}", file ${relative(repoRoot, inputPath).replace(/\\/g, '/')}
// SHA-256 of the source file: ${sha256}
//
// The GS1 Barcode Syntax Dictionary is
//   Copyright (c) 2020-2021 BWIPP project. https://bwipp.terryburton.co.uk/
//   Copyright (c) 2020-2021 Zint Project. https://zint.org.uk/
//   Copyright (c) 2021-2025 GS1 AISBL
// and licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
// This file is a mechanical transformation of its table into TypeScript data.

import type { AiDictionaryRow } from './dictionary-types.ts';

export const DICTIONARY_RELEASE = ${q(release)};
export const DICTIONARY_SHA256 = ${q(sha256)};

export const AI_DICTIONARY_ROWS: readonly AiDictionaryRow[] = [
${rows.map(rowSource).join('\n')}
];
`;

writeFileSync(outputPath, source);
console.log(
  `Wrote ${relative(repoRoot, outputPath)}: ${rows.length} dictionary rows, ${allAis.length} AIs (release ${release}).`,
);
