// Shared pieces of the GS1 syntax tests: the result type and the tests that other tests build on.
import { firstNonDigit, isDigitCode } from './charsets.ts';
import { daysInMonth, resolveTwoDigitYear, twoDigits } from './dates.ts';

export interface LintFailure {
  readonly code: string;
  /** Offset of the offending span inside the linted component. */
  readonly position: number;
  readonly length: number;
}

export interface LintContext {
  /** Year that two-digit years are resolved against (GS1 century rule). */
  readonly referenceYear: number;
}

export type Linter = (value: string, context: LintContext) => LintFailure | undefined;

export const fail = (code: string, position: number, length: number): LintFailure => ({ code, position, length });

/** The shortest GS1 Company Prefix has four digits. */
const GCP_MIN_LENGTH = 4;

/** Starts with a GS1 Company Prefix: only its minimum length and digits can be checked offline. */
export function lintGcpAt(value: string, offset: number): LintFailure | undefined {
  if (value.length - offset < GCP_MIN_LENGTH) return fail('TOO_SHORT_FOR_GCP', offset, value.length - offset);
  for (let i = offset; i < offset + GCP_MIN_LENGTH; i++) {
    if (!isDigitCode(value.charCodeAt(i))) return fail('INVALID_GCP_PREFIX', i, 1);
  }
  return undefined;
}

export interface DateShape {
  readonly yearDigits: 2 | 4;
  readonly dayZeroAllowed: boolean;
}

export function lintDate(value: string, shape: DateShape, context: LintContext): LintFailure | undefined {
  const length = shape.yearDigits + 4;
  if (value.length < length) return fail('DATE_TOO_SHORT', 0, value.length);
  if (value.length > length) return fail('DATE_TOO_LONG', 0, value.length);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  const monthAt = shape.yearDigits;
  const year =
    shape.yearDigits === 2
      ? resolveTwoDigitYear(twoDigits(value, 0), context.referenceYear)
      : twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, monthAt);
  if (month < 1 || month > 12) return fail('ILLEGAL_MONTH', monthAt, 2);
  const day = twoDigits(value, monthAt + 2);
  if ((day === 0 && !shape.dayZeroAllowed) || day > daysInMonth(year, month))
    return fail('ILLEGAL_DAY', monthAt + 2, 2);
  return undefined;
}

export const lintYymmdd = (value: string, context: LintContext): LintFailure | undefined =>
  lintDate(value, { yearDigits: 2, dayZeroAllowed: false }, context);

export const lintGcpPosition1 = (value: string): LintFailure | undefined => lintGcpAt(value, 0);
