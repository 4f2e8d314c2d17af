const LIST_MAX = 5;
const LIST_SHOWN = 3;

/** One detail of an audit entry as a person reads it: a label key and a value in plain text. */
export interface DetailLine {
  key: string;
  value: string;
}

/** How the screen words the values: yes/no, and a value of a key (a role, an id, a time) in its own words. */
export interface DetailWords {
  yes: string;
  no: string;
  /** A string value under `key` as the person reads it; the value itself when there is nothing better. */
  word: (key: string, value: string) => string;
}

/**
 * The details object of an audit entry as lines of text: strings (through `word`) and numbers as
 * they are, yes/no for booleans, lists joined with commas (a long one cut to its first three and a
 * count), a change as `from → to`, other nested objects as `key: value` pairs. Empty values are
 * left out; keys keep the server's order.
 */
export function detailLines(details: Record<string, unknown>, words: DetailWords): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const [key, raw] of Object.entries(details)) {
    const value = plainText(raw, key, words);
    if (value !== '') lines.push({ key, value });
  }
  return lines;
}

function plainText(value: unknown, key: string, words: DetailWords): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return words.word(key, value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    const items = value.map((item) => plainText(item, key, words)).filter((text) => text !== '');
    // A long list (the ids of voided counts) would bury the line: the first few and how many more.
    return items.length > LIST_MAX
      ? `${items.slice(0, LIST_SHOWN).join(', ')} … (+${items.length - LIST_SHOWN})`
      : items.join(', ');
  }
  if (typeof value === 'object') {
    // A change (`{ from, to }`, e.g. a user's role) reads as "counter → supervisor", worded as its key.
    if ('from' in value && 'to' in value && Object.keys(value).length === 2) {
      const change = value as { from: unknown; to: unknown };
      return `${plainText(change.from, key, words) || '—'} → ${plainText(change.to, key, words) || '—'}`;
    }
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, item]) => [inner, plainText(item, inner, words)])
      .filter(([, text]) => text !== '')
      .map(([inner, text]) => `${inner}: ${text}`)
      .join('; ');
  }
  return String(value);
}

/** An instant as the server writes it (2026-11-22T10:00:00.000Z): shown as local date and time. */
export function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * A conflict id is the JSON of what identifies it (`["location-totals","SSL-MITT-R1-H1","0…","LOT1"]`):
 * its parts after the kind, joined with " · "; anything else as it is.
 */
export function conflictIdText(id: string): string {
  try {
    const parts: unknown = JSON.parse(id);
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string' || p === null)) {
      return parts
        .slice(1)
        .filter((p) => p !== null && p !== '')
        .join(' · ');
    }
  } catch {
    // Not JSON: shown as it is.
  }
  return id;
}
