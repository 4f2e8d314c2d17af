// Missing separators. When a scanner drops the GS after a variable-length value, the value swallows the
// elements behind it: batch "AB12" followed by (17) 290630 arrives as batch "AB1217290630". Such a scan
// is read exactly as sent, never split, but the person is warned when the tail of a value would on its
// own be valid GS1 data starting with a predefined-length AI (such as 17 + a real date, or 01 + a GTIN
// with a correct check digit).
import { lookupAiAt } from './ai-table.ts';
import { checkAiValue } from './ai-value.ts';
import type { AiEntry } from './dictionary-types.ts';
import type { IssueList } from './issues.ts';
import type { LintContext } from './linters.ts';

/** True when s[from, to) is, on its own, a complete and valid element string without separators. */
function isValidElementRun(
  s: string,
  from: number,
  to: number,
  context: LintContext,
  firstMustBePredefined: boolean,
): boolean {
  let p = from;
  let first = true;
  while (p < to) {
    const entry = lookupAiAt(s, p, to);
    if (!entry || (first && firstMustBePredefined && !entry.predefinedLength)) return false;
    const valueStart = p + entry.ai.length;
    const valueEnd = entry.predefinedLength ? valueStart + entry.maxLength : Math.min(valueStart + entry.maxLength, to);
    if (valueEnd > to) return false;
    if (!entry.predefinedLength && valueEnd < to) return false; // a variable-length value ends the data
    if (checkAiValue(entry, s.slice(valueStart, valueEnd), context)) return false;
    p = valueEnd;
    first = false;
  }
  return !first;
}

/**
 * Warns when the variable-length `value` (at `valueStart` in the scan) ends in what looks like further
 * elements. Reports the earliest such tail only. Cost is bounded by the value's maximum length (≤ 90).
 */
export function findMissingSeparator(
  entry: AiEntry,
  value: string,
  valueStart: number,
  context: LintContext,
  issues: IssueList,
): void {
  // The shortest predefined-length element is an AI of 2 digits with a 2-digit value, e.g. (20).
  for (let i = 1; i + 4 <= value.length; i++) {
    const next = lookupAiAt(value, i);
    if (!next?.predefinedLength || i + next.ai.length + next.maxLength > value.length) continue;
    if (isValidElementRun(value, i, value.length, context, true)) {
      issues.warning(
        'GS1_SEPARATOR_POSSIBLY_MISSING',
        { text: value.slice(i), nextAi: next.ai },
        { position: valueStart + i, length: value.length - i, ai: entry.ai },
      );
      return;
    }
  }
}
