// GS1 Digital Link URIs → GS1 elements. Any host and any path before the key ("stem"); the rightmost
// primary key in the path, its qualifiers in the order the dictionary allows, then data attributes from
// the query string. Values are percent-decoded and checked like element string values.
// Written without URL/URLSearchParams: the domain code runs on plain ES2022.
import { getAiEntry } from './ai-table.ts';
import { checkAiValue, printable, reportValueFailure } from './ai-value.ts';
import { isAllDigits } from './charsets.ts';
import type { AiEntry } from './dictionary-types.ts';
import { type LocatedElement, locatedElement } from './element-string.ts';
import type { IssueList } from './issues.ts';
import type { LintContext } from './linters.ts';

export interface DigitalLinkOptions extends LintContext {
  /** Accept a GTIN-8/12/13 for (01) and pad it to 14 digits (with a warning). */
  readonly permitZeroSuppressedGtin?: boolean;
  /** Accept the old path names such as /gtin/ and /ser/ (with a warning). */
  readonly permitConvenienceAlphas?: boolean;
}

/** Outdated path names from early Digital Link versions, by the AI they stand for. */
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  gtin: '01',
  itip: '8006',
  cpv: '22',
  lot: '10',
  ser: '21',
  sscc: '00',
  gln: '414',
  glnx: '254',
  party: '417',
  gsrnp: '8017',
  gsrn: '8018',
  srin: '8019',
  gdti: '253',
  gcn: '255',
  ginc: '401',
  gsin: '402',
  grai: '8003',
  giai: '8004',
  cpid: '8010',
  cpsn: '8011',
  gmn: '8013',
  tpx: '235',
  refno: '8020',
};

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'HTTP://'] as const;

/** 'yes' for an http(s) scheme in one case, 'mixed-case' for e.g. "HtTps://", else 'no'. */
export function digitalLinkScheme(s: string, start: number): 'yes' | 'mixed-case' | 'no' {
  for (const scheme of SCHEMES) if (s.startsWith(scheme, start)) return 'yes';
  const head = s.slice(start, start + 8).toLowerCase();
  return head.startsWith('https://') || head.startsWith('http://') ? 'mixed-case' : 'no';
}

// RFC 3986 characters: unreserved, reserved (gen-delims and sub-delims) and "%".
const URI_CHARS = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") {
  URI_CHARS[ch.charCodeAt(0)] = 1;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Percent-decodes s[from, to); `plusIsSpace` for query values. Returns the position of a broken escape
 * (or of an escaped NUL, which no GS1 value can hold) as a negative number −(position + 1).
 */
function percentDecode(s: string, from: number, to: number, plusIsSpace: boolean): string | number {
  let out = '';
  let chunk = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */) {
      const hi = i + 2 < to ? hexValue(s.charCodeAt(i + 1)) : -1;
      const lo = i + 2 < to ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (hi < 0 || lo < 0 || hi * 16 + lo === 0) return -(i + 1);
      out += s.slice(chunk, i) + String.fromCharCode(hi * 16 + lo);
      i += 2;
      chunk = i + 1;
    } else if (c === 43 /* + */ && plusIsSpace) {
      out += `${s.slice(chunk, i)} `;
      chunk = i + 1;
    }
  }
  return chunk === from ? s.slice(from, to) : out + s.slice(chunk, to);
}

interface Segment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function splitSegments(s: string, from: number, to: number, separator: number): Segment[] {
  const segments: Segment[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || s.charCodeAt(i) === separator) {
      segments.push({ text: s.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return segments;
}

/** The AI a path key names: digits as they are, or a convenience alpha when permitted. */
function pathKeyAi(key: string, options: DigitalLinkOptions): string | undefined {
  if (isAllDigits(key)) return key;
  return options.permitConvenienceAlphas ? CONVENIENCE_ALPHAS[key] : undefined;
}

/** True when the qualifiers appear, in order, as a subsequence of one of the permitted sequences. */
function qualifiersInOrder(sequences: readonly (readonly string[])[], qualifiers: readonly string[]): boolean {
  return sequences.some((sequence) => {
    let next = 0;
    for (const q of qualifiers) {
      while (next < sequence.length && sequence[next] !== q) next++;
      if (next === sequence.length) return false;
      next++;
    }
    return true;
  });
}

/** Decodes and checks one value, then adds its element (also when invalid, marked so). */
function addElement(
  elements: LocatedElement[],
  entry: AiEntry,
  s: string,
  raw: Segment,
  plusIsSpace: boolean,
  keyPosition: number,
  options: DigitalLinkOptions,
  issues: IssueList,
): void {
  const decoded = percentDecode(s, raw.start, raw.end, plusIsSpace);
  if (typeof decoded === 'number') {
    issues.error('DL_BAD_PERCENT_ENCODING', {}, { position: -decoded - 1, ai: entry.ai });
    return;
  }
  let value = decoded;
  const n = value.length;
  if (
    entry.ai === '01' &&
    options.permitZeroSuppressedGtin &&
    (n === 8 || n === 12 || n === 13) &&
    isAllDigits(value)
  ) {
    issues.warning('DL_ZERO_SUPPRESSED_GTIN', { length: n }, { position: raw.start, ai: '01' });
    value = value.padStart(14, '0');
  }
  const failure = checkAiValue(entry, value, options);
  if (failure) reportValueFailure(issues, entry, value, failure, raw.start);
  elements.push(locatedElement(entry, value, keyPosition, raw.start, failure === undefined));
}

function noteConvenienceAlpha(segment: Segment, ai: string, issues: IssueList): void {
  if (segment.text !== ai)
    issues.warning('DL_CONVENIENCE_ALPHA', { text: segment.text }, { position: segment.start, ai });
}

/**
 * Reads the Digital Link URI s[start, end). Returns the elements (path first, then query attributes, in
 * the order given), or undefined when the URI cannot be read at all; problems go to `issues`.
 */
export function readDigitalLink(
  s: string,
  start: number,
  end: number,
  options: DigitalLinkOptions,
  issues: IssueList,
): LocatedElement[] | undefined {
  const scheme = digitalLinkScheme(s, start);
  if (scheme !== 'yes') {
    if (scheme === 'mixed-case')
      issues.error('DL_MIXED_CASE_SCHEME', { text: s.slice(start, s.indexOf('//', start) + 2) }, { position: start });
    else issues.error('DL_INVALID_URI', { reason: 'it does not start with http:// or https://' }, { position: start });
    return undefined;
  }
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || URI_CHARS[c] === 0) {
      issues.error(
        'DL_INVALID_URI',
        { reason: `"${printable(s.charAt(i))}" cannot appear in a web address` },
        { position: i, length: 1 },
      );
      return undefined;
    }
  }
  const hostStart = s.indexOf('//', start) + 2;
  const hash = s.indexOf('#', hostStart);
  const uriEnd = hash >= 0 && hash < end ? hash : end;
  const question = s.indexOf('?', hostStart);
  const pathEnd = question >= 0 && question < uriEnd ? question : uriEnd;
  const slash = s.indexOf('/', hostStart);
  const hostEnd = slash >= 0 && slash < pathEnd ? slash : pathEnd;
  if (hostEnd === hostStart) {
    issues.error('DL_INVALID_URI', { reason: 'the host name is missing' }, { position: hostStart });
    return undefined;
  }
  const segments = hostEnd < pathEnd ? splitSegments(s, hostEnd + 1, pathEnd, 47 /* / */) : [];

  // The primary key is the rightmost path pair whose key is a Digital Link primary key.
  let keyIndex = -1;
  let keyEntry: AiEntry | undefined;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = pathKeyAi(segments[i]?.text ?? '', options);
    const entry = ai === undefined ? undefined : getAiEntry(ai);
    if (entry?.dlPrimaryKey) {
      keyIndex = i;
      keyEntry = entry;
      break;
    }
  }
  if (!keyEntry) {
    issues.error('DL_NO_PRIMARY_KEY', {}, { position: hostEnd });
    return undefined;
  }

  const elements: LocatedElement[] = [];
  const keySegment = segments[keyIndex] as Segment;
  noteConvenienceAlpha(keySegment, keyEntry.ai, issues);
  addElement(elements, keyEntry, s, segments[keyIndex + 1] as Segment, false, keySegment.start, options, issues);

  const qualifiers: string[] = [];
  for (let i = keyIndex + 2; i + 1 < segments.length; i += 2) {
    const qualifierSegment = segments[i] as Segment;
    const ai = pathKeyAi(qualifierSegment.text, options);
    const entry = ai === undefined ? undefined : getAiEntry(ai);
    const sequences = keyEntry.dlPrimaryKey ?? [];
    if (!entry || !qualifiersInOrder(sequences, [...qualifiers, entry.ai])) {
      issues.error(
        'DL_BAD_QUALIFIER',
        { keyAi: keyEntry.ai },
        { position: qualifierSegment.start, ai: ai ?? qualifierSegment.text },
      );
      return elements;
    }
    noteConvenienceAlpha(qualifierSegment, entry.ai, issues);
    qualifiers.push(entry.ai);
    addElement(elements, entry, s, segments[i + 1] as Segment, false, qualifierSegment.start, options, issues);
  }

  if (pathEnd < uriEnd) {
    const seen = new Set(elements.map((e) => e.ai));
    for (const param of splitSegments(s, pathEnd + 1, uriEnd, 38 /* & */)) {
      if (param.text === '') continue;
      const eq = s.indexOf('=', param.start);
      const keyEnd = eq >= 0 && eq < param.end ? eq : param.end;
      const key = s.slice(param.start, keyEnd);
      // Only numeric keys are AIs; other parameters belong to the web page and are ignored.
      if (!isAllDigits(key)) continue;
      const entry = getAiEntry(key);
      const place = { position: param.start, ai: key };
      if (!entry) {
        issues.error('GS1_UNKNOWN_AI', { text: key }, { ...place, length: key.length });
      } else if (seen.has(key)) {
        issues.error('DL_DUPLICATE_AI', {}, place);
      } else if (keyEntry.dlPrimaryKey?.some((sequence) => sequence.includes(key))) {
        issues.error('DL_QUALIFIER_IN_QUERY', {}, place);
      } else if (!entry.dlDataAttribute) {
        issues.error('DL_NOT_A_DATA_ATTRIBUTE', {}, place);
      } else {
        seen.add(key);
        const valueSegment = { text: '', start: Math.min(keyEnd + 1, param.end), end: param.end };
        addElement(elements, entry, s, valueSegment, true, param.start, options, issues);
      }
    }
  }
  return elements;
}
