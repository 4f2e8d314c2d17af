// Lookup structures built once, at module load, from the generated dictionary table.
import { AI_DICTIONARY_ROWS } from './ai-table.generated.ts';
import type { AiDictionaryRow, AiEntry, ComponentSpec } from './dictionary-types.ts';

function entryFromRow(ai: string, row: AiDictionaryRow): AiEntry {
  let minLength = 0;
  let maxLength = 0;
  for (const c of row.components) {
    if (!c.optional) minLength += c.min;
    maxLength += c.max;
  }
  return {
    ai,
    title: row.title || `AI (${ai})`,
    predefinedLength: row.predefinedLength,
    dlDataAttribute: row.dlDataAttribute,
    components: row.components,
    minLength,
    maxLength,
    req: row.req,
    ex: row.ex,
    dlPrimaryKey: row.dlPrimaryKey,
    known: true,
  };
}

const ENTRIES = new Map<string, AiEntry>();
// AIs are 2–4 digits; BY_LENGTH[k][n] is the entry for the k-digit AI with numeric value n. Looking up by
// number avoids building substrings on the hot path. The generator guarantees no AI is a prefix of another.
const BY_LENGTH: (AiEntry | undefined)[][] = [[], [], new Array(100), new Array(1000), new Array(10000)];

for (const row of AI_DICTIONARY_ROWS) {
  for (let n = Number(row.first); n <= Number(row.last); n++) {
    const ai = String(n).padStart(row.first.length, '0');
    const entry = entryFromRow(ai, row);
    ENTRIES.set(ai, entry);
    const table = BY_LENGTH[ai.length];
    if (table) table[n] = entry;
  }
}

/** All AIs of the dictionary, in dictionary order. */
export const AI_ENTRIES: readonly AiEntry[] = [...ENTRIES.values()];

export function getAiEntry(ai: string): AiEntry | undefined {
  return ENTRIES.get(ai);
}

/**
 * The dictionary AI that starts at s[at], if any, without reading past `end`. Tries 2, 3 then 4 digits;
 * since no AI is a prefix of another, the first hit is the only one.
 */
export function lookupAiAt(s: string, at: number, end = s.length): AiEntry | undefined {
  let n = 0;
  for (let k = 1; k <= 4 && at + k - 1 < end; k++) {
    const d = s.charCodeAt(at + k - 1) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
    if (k >= 2) {
      const hit = BY_LENGTH[k]?.[n];
      if (hit) return hit;
    }
  }
  return undefined;
}

const UNKNOWN_AI_COMPONENTS: readonly ComponentSpec[] = [{ cset: 'X', min: 1, max: 90, optional: false, linters: [] }];

/** Stand-in for an AI that is not in the dictionary, used only where unknown AIs are permitted. */
export function unknownAiEntry(ai: string): AiEntry {
  return {
    ai,
    title: `AI (${ai})`,
    predefinedLength: false,
    dlDataAttribute: false,
    components: UNKNOWN_AI_COMPONENTS,
    minLength: 1,
    maxLength: 90,
    req: [],
    ex: [],
    dlPrimaryKey: null,
    known: false,
  };
}

/** True when `ai` matches a dictionary pattern such as `31nn` (`n` = any digit). */
export function aiMatchesPattern(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < ai.length; i++) {
    const p = pattern.charCodeAt(i);
    if (p !== 110 /* n */ && p !== ai.charCodeAt(i)) return false;
  }
  return true;
}
