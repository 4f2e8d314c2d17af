// Checks one AI value against its dictionary definition: length, then each component's character set
// and syntax tests, in order. Only the first failure is reported, as the GS1 syntax engine does.

import { gs1CheckDigit } from './check-digits.ts';
import type { AiEntry, ComponentCharset } from './dictionary-types.ts';
import type { IssueList } from './issues.ts';
import {
  LINTERS,
  type LintContext,
  type LintFailure,
  lintCset39,
  lintCset64,
  lintCset82,
  lintNumeric,
} from './linters.ts';
import type { ScanIssueCode } from './messages.ts';

export type ValueFailure =
  | { readonly kind: 'length'; readonly code: 'GS1_VALUE_MISSING' | 'GS1_VALUE_TOO_SHORT' | 'GS1_VALUE_TOO_LONG' }
  | {
      readonly kind: 'lint';
      readonly lint: LintFailure;
      /** The component that failed, as offsets into the value. */
      readonly componentStart: number;
      readonly componentEnd: number;
    };

const CHARSET_LINTERS: Readonly<Record<ComponentCharset, (value: string) => LintFailure | undefined>> = {
  N: lintNumeric,
  X: lintCset82,
  Y: lintCset39,
  Z: lintCset64,
};

export function checkAiValue(entry: AiEntry, value: string, context: LintContext): ValueFailure | undefined {
  const length = value.length;
  if (length === 0) return { kind: 'length', code: 'GS1_VALUE_MISSING' };
  if (length < entry.minLength) return { kind: 'length', code: 'GS1_VALUE_TOO_SHORT' };
  if (length > entry.maxLength) return { kind: 'length', code: 'GS1_VALUE_TOO_LONG' };
  let pos = 0;
  for (const component of entry.components) {
    if (pos >= length && component.optional) break;
    const take = component.min === component.max ? component.max : length - pos;
    // An optional fixed-length component that is only partly present.
    if (pos + take > length) return { kind: 'length', code: 'GS1_VALUE_TOO_SHORT' };
    const part = take === length ? value : value.slice(pos, pos + take);
    const charsetFailure = CHARSET_LINTERS[component.cset](part);
    if (charsetFailure) return { kind: 'lint', lint: charsetFailure, componentStart: pos, componentEnd: pos + take };
    for (const name of component.linters) {
      const linter = LINTERS[name];
      const failure = linter ? linter(part, context) : undefined;
      if (failure) return { kind: 'lint', lint: failure, componentStart: pos, componentEnd: pos + take };
    }
    pos += take;
  }
  return undefined;
}

const LINT_TO_ISSUE: Readonly<Record<string, ScanIssueCode>> = {
  NON_DIGIT_CHARACTER: 'GS1_NOT_NUMERIC',
  INVALID_CSET82_CHARACTER: 'GS1_INVALID_CHARACTER',
  INVALID_CSET39_CHARACTER: 'GS1_INVALID_CHARACTER',
  INVALID_CSET64_CHARACTER: 'GS1_INVALID_CHARACTER',
  INCORRECT_CHECK_DIGIT: 'GS1_CHECK_DIGIT',
  INCORRECT_CHECK_PAIR: 'GS1_CHECK_CHARACTERS',
  TOO_SHORT_FOR_CHECK_PAIR: 'GS1_CHECK_CHARACTERS',
  ILLEGAL_MONTH: 'GS1_INVALID_MONTH',
  ILLEGAL_DAY: 'GS1_INVALID_DAY',
  ILLEGAL_HOUR: 'GS1_INVALID_TIME',
  ILLEGAL_MINUTE: 'GS1_INVALID_TIME',
  ILLEGAL_SECOND: 'GS1_INVALID_TIME',
  NOT_ISO3166: 'GS1_INVALID_COUNTRY',
  NOT_ISO3166_OR_999: 'GS1_INVALID_COUNTRY',
  NOT_ISO3166_ALPHA2: 'GS1_INVALID_COUNTRY',
  ILLEGAL_IBAN_COUNTRY_CODE: 'GS1_INVALID_COUNTRY',
  NOT_ISO4217: 'GS1_INVALID_CURRENCY',
  TOO_SHORT_FOR_GCP: 'GS1_INVALID_COMPANY_PREFIX',
  INVALID_GCP_PREFIX: 'GS1_INVALID_COMPANY_PREFIX',
};

/** Shows a character that may be invisible (a control character) in a readable way. */
export function printable(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 32 || code === 127) return `\\x${code.toString(16).padStart(2, '0')}`;
  return ch;
}

/** Records a value failure as an error; `valueStart` is the value's index in the raw scan. */
export function reportValueFailure(
  issues: IssueList,
  entry: AiEntry,
  value: string,
  failure: ValueFailure,
  valueStart: number,
): void {
  const ai = entry.ai;
  if (failure.kind === 'length') {
    issues.error(
      failure.code,
      { length: value.length, min: entry.minLength, max: entry.maxLength },
      { position: valueStart, length: value.length, ai },
    );
    return;
  }
  const { lint, componentStart, componentEnd } = failure;
  const at = componentStart + lint.position;
  const text = value.slice(at, at + lint.length);
  const code = LINT_TO_ISSUE[lint.code] ?? 'GS1_INVALID_VALUE';
  const params: Record<string, string> = { text, char: printable(value.charAt(at)) };
  if (code === 'GS1_INVALID_MONTH') params.month = text;
  if (code === 'GS1_INVALID_DAY') params.day = text;
  if (code === 'GS1_CHECK_DIGIT')
    params.expected = String(
      gs1CheckDigit(value.slice(componentStart, componentEnd), componentEnd - componentStart - 1),
    );
  if (code === 'GS1_INVALID_VALUE') params.reason = lint.code.toLowerCase().replace(/_/g, ' ');
  issues.error(code, params, { position: valueStart + at, length: lint.length, ai, lintCode: lint.code });
}
