// Reading GS1 element strings: the raw form that scanners send (AIs and values, with the GS character
// 0x1D where an FNC1 separator was encoded) and the bracketed human-readable form `(01)…(17)…`.
import { getAiEntry, lookupAiAt, unknownAiEntry } from './ai-table.ts';
import { checkAiValue, reportValueFailure } from './ai-value.ts';
import { isAllDigits, isDigitCode } from './charsets.ts';
import type { AiEntry } from './dictionary-types.ts';
import type { IssueList } from './issues.ts';
import type { LintContext } from './linters.ts';
import { findMissingSeparator } from './separator-heuristics.ts';
import type { GS1Element } from './types.ts';

export const GS = '\x1d';
const GS_CODE = 0x1d;

/** An element with where it was found and its dictionary entry. */
export interface LocatedElement extends GS1Element {
  /** Index of the AI in the raw scan. */
  readonly position: number;
  /** Index of the value in the raw scan. */
  readonly valuePosition: number;
  readonly entry: AiEntry;
  /** False when the value failed its checks; normalised fields only use valid elements. */
  readonly valid: boolean;
}

export interface ElementReadOptions extends LintContext {
  /** Accept AIs that are not in the dictionary (bracketed form only: unbracketed data cannot be split). */
  readonly permitUnknownAis?: boolean;
  /** Look for separators that seem to be missing inside variable-length values (warnings). */
  readonly detectMissingSeparators?: boolean;
}

export function locatedElement(
  entry: AiEntry,
  value: string,
  position: number,
  valuePosition: number,
  valid: boolean,
): LocatedElement {
  return { ai: entry.ai, value, title: entry.title, position, valuePosition, entry, valid };
}

/** Reports an AI that cannot be read at `at` and returns false (parsing cannot go on after it). */
function reportUnreadableAi(s: string, at: number, end: number, issues: IssueList): false {
  let digits = at;
  while (digits < end && digits < at + 4 && isDigitCode(s.charCodeAt(digits))) digits++;
  if (digits === end && digits - at < 4) {
    issues.error('GS1_TRUNCATED_AI', {}, { position: at, length: end - at });
  } else {
    const text = s.slice(at, at + 2);
    issues.error('GS1_UNKNOWN_AI', { text }, { position: at, length: text.length });
  }
  return false;
}

/**
 * Reads the element string s[start, end), which must not include a symbology identifier. Separators (GS)
 * are accepted in first position, at the end, and after predefined-length AIs; a doubled one is a warning.
 * Errors and warnings go to `issues`; the elements read before a structural error are returned.
 */
export function readElementString(
  s: string,
  start: number,
  end: number,
  options: ElementReadOptions,
  issues: IssueList,
): LocatedElement[] {
  const elements: LocatedElement[] = [];
  let p = start;
  while (p < end) {
    if (s.charCodeAt(p) === GS_CODE) {
      // A GS in first position is how decoders transmit FNC1 in first position: expected, not an error.
      if (p > start && s.charCodeAt(p - 1) === GS_CODE)
        issues.warning('GS1_SEPARATOR_DOUBLED', {}, { position: p, length: 1 });
      p++;
      continue;
    }
    const entry = lookupAiAt(s, p, end);
    if (!entry) {
      reportUnreadableAi(s, p, end, issues);
      break;
    }
    const valueStart = p + entry.ai.length;
    let valueEnd: number;
    if (entry.predefinedLength) {
      // A GS inside the predefined length cuts the value short (reported as too short below).
      const limit = Math.min(valueStart + entry.maxLength, end);
      valueEnd = valueStart;
      while (valueEnd < limit && s.charCodeAt(valueEnd) !== GS_CODE) valueEnd++;
    } else {
      valueEnd = valueStart;
      const limit = Math.min(valueStart + entry.maxLength, end);
      while (valueEnd < limit && s.charCodeAt(valueEnd) !== GS_CODE) valueEnd++;
      if (valueEnd < end && s.charCodeAt(valueEnd) !== GS_CODE) {
        // Max length reached and more data follows without a separator: too long, or the GS is missing.
        issues.error(
          'GS1_VALUE_TOO_LONG',
          { max: entry.maxLength },
          { position: valueStart, length: valueEnd - valueStart + 1, ai: entry.ai },
        );
        break;
      }
    }
    const value = s.slice(valueStart, valueEnd);
    const failure = checkAiValue(entry, value, options);
    if (failure) reportValueFailure(issues, entry, value, failure, valueStart);
    else if (options.detectMissingSeparators && !entry.predefinedLength) {
      findMissingSeparator(entry, value, valueStart, options, issues);
    }
    elements.push(locatedElement(entry, value, p, valueStart, failure === undefined));
    p = valueEnd;
    // One separator after a value is consumed here; a further one is reported as doubled above.
    if (p < end && s.charCodeAt(p) === GS_CODE) p++;
  }
  if (elements.length === 0 && !issues.hasErrors) issues.error('GS1_NO_DATA', {}, { position: start });
  return elements;
}

/** True when s[start, end) looks like the bracketed form: "(" + 2–4 digits + ")". */
export function looksBracketed(s: string, start: number, end = s.length): boolean {
  if (s.charCodeAt(start) !== 40 /* ( */) return false;
  const close = s.indexOf(')', start + 1);
  return close > start + 2 && close <= start + 5 && close < end && isAllDigits(s.slice(start + 1, close));
}

/** Reads the bracketed form `(AI)value(AI)value…`; `\(` in a value stands for a literal "(". */
export function readBracketedElementString(
  s: string,
  start: number,
  end: number,
  options: ElementReadOptions,
  issues: IssueList,
): LocatedElement[] {
  const elements: LocatedElement[] = [];
  let p = start;
  if (p >= end) issues.error('GS1_NO_DATA', {}, { position: start });
  while (p < end) {
    const close = s.charCodeAt(p) === 40 ? s.indexOf(')', p + 1) : -1;
    const ai = close > 0 && close < end ? s.slice(p + 1, close) : '';
    if (ai.length < 2 || ai.length > 4 || !isAllDigits(ai)) {
      issues.error('GS1_BRACKETED_SYNTAX', {}, { position: p });
      break;
    }
    const entry = getAiEntry(ai) ?? (options.permitUnknownAis ? unknownAiEntry(ai) : undefined);
    if (!entry) {
      issues.error('GS1_UNKNOWN_AI', { text: ai }, { position: p + 1, length: ai.length });
      break;
    }
    const valueStart = close + 1;
    let q = valueStart;
    let value = '';
    let chunkStart = valueStart;
    while (q < end) {
      const c = s.charCodeAt(q);
      if (c === 40) break;
      if (c === 92 /* \ */ && s.charCodeAt(q + 1) === 40) {
        value += `${s.slice(chunkStart, q)}(`;
        q += 2;
        chunkStart = q;
        continue;
      }
      q++;
    }
    value += s.slice(chunkStart, q);
    const failure = checkAiValue(entry, value, options);
    if (failure) reportValueFailure(issues, entry, value, failure, valueStart);
    elements.push(locatedElement(entry, value, p, valueStart, failure === undefined));
    p = q;
  }
  return elements;
}

/** The element string in the GS1 syntax engine's notation: `^` for FNC1, only where one is needed. */
export function toEngineElementString(
  elements: readonly { readonly value: string; readonly entry: AiEntry }[],
): string {
  let out = '^';
  elements.forEach((e, i) => {
    out += e.entry.ai + e.value;
    if (!e.entry.predefinedLength && i < elements.length - 1) out += '^';
  });
  return out;
}

/** The bracketed human-readable form, e.g. `(01)09506000134352(17)290630`. */
export function toBracketed(elements: readonly GS1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value.replace(/\(/g, '\\(')}`).join('');
}
