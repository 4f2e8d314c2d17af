// Building ScanIssues: English message filled in at once, parameters kept for translation.
import { formatScanIssue, type ScanIssueCode } from './messages.ts';
import type { ScanIssue } from './types.ts';

export interface IssuePlace {
  /** Index in the raw scan; messages show it counted from 1 as {character}. */
  readonly position?: number;
  readonly length?: number;
  readonly ai?: string;
  readonly lintCode?: string;
}

export function makeIssue(
  code: ScanIssueCode,
  params: Readonly<Record<string, string | number>> = {},
  place: IssuePlace = {},
): ScanIssue {
  const textParams: Record<string, string> = {};
  for (const key in params) textParams[key] = String(params[key]);
  if (place.ai !== undefined && textParams.ai === undefined) textParams.ai = place.ai;
  if (place.position !== undefined && textParams.character === undefined)
    textParams.character = String(place.position + 1);
  return {
    code,
    message: formatScanIssue(code, textParams),
    ...(place.position !== undefined ? { position: place.position } : {}),
    ...(place.length !== undefined ? { length: place.length } : {}),
    ...(place.ai !== undefined ? { ai: place.ai } : {}),
    params: textParams,
    ...(place.lintCode !== undefined ? { lintCode: place.lintCode } : {}),
  };
}

/** Errors and warnings gathered while reading one scan. */
export class IssueList {
  readonly errors: ScanIssue[] = [];
  readonly warnings: ScanIssue[] = [];

  error(code: ScanIssueCode, params?: Readonly<Record<string, string | number>>, place?: IssuePlace): void {
    this.errors.push(makeIssue(code, params, place));
  }

  warning(code: ScanIssueCode, params?: Readonly<Record<string, string | number>>, place?: IssuePlace): void {
    this.warnings.push(makeIssue(code, params, place));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}
