// The GS1 Syntax Engine's scan-data processing, reproduced for conformance: AIM identifier + data to the
// engine's "data string" (`^` for FNC1, `|` before a composite part). parseScan is the product API and
// is more forgiving (see docs/gs1.md); this function exists so the engine's vectors can be run as they are.
import { readSymbologyIdentifier } from './aim.ts';
import { digitalLinkScheme, readDigitalLink } from './digital-link.ts';
import { readEan } from './ean-upc.ts';
import { readElementString, toEngineElementString } from './element-string.ts';
import { IssueList } from './issues.ts';
import type { LintContext } from './linters.ts';

export interface EngineScanData {
  readonly ok: boolean;
  /** The engine's symbology name, 'NONE' on failure. */
  readonly symbology: string;
  readonly dataString: string;
  /** For plain data holding a Digital Link URI: the element string taken from it ('' if none). */
  readonly dlElementString?: string;
}

const ENGINE_SYMBOLOGY: Readonly<Record<string, string>> = {
  ']C1': 'GS1_128_CCA',
  ']e0': 'DataBarExpanded',
  ']E0': 'EAN13',
  ']E4': 'EAN8',
  ']d1': 'DM',
  ']d2': 'DM',
  ']Q1': 'QR',
  ']Q3': 'QR',
  ']J0': 'DotCode',
  ']J1': 'DotCode',
};

const FAILED: EngineScanData = { ok: false, symbology: 'NONE', dataString: '' };
const COMPOSITE = '|]e0';

function gs1DataOk(s: string, start: number, end: number, context: LintContext): boolean {
  if (start >= end) return false;
  const issues = new IssueList();
  readElementString(s, start, end, context, issues);
  return !issues.hasErrors;
}

const toCaretNotation = (data: string) => `^${data.replaceAll('\x1d', '^')}`;

export function processScanData(scan: string, context: LintContext): EngineScanData {
  const identifier = readSymbologyIdentifier(scan);
  const symbology = identifier && ENGINE_SYMBOLOGY[identifier.identifier];
  if (!identifier || !symbology) return FAILED;
  const data = scan.slice(3);
  switch (identifier.mode) {
    case 'gs1':
      return gs1DataOk(scan, 3, scan.length, context)
        ? { ok: true, symbology, dataString: toCaretNotation(data) }
        : FAILED;
    case 'ean13':
    case 'ean8': {
      const bar = data.indexOf('|');
      const digits = bar >= 0 ? data.slice(0, bar) : data;
      const kind = identifier.mode === 'ean13' ? 'EAN-13' : 'EAN-8';
      if (!readEan(digits, 0, digits.length, kind, new IssueList())) return FAILED;
      if (bar < 0) return { ok: true, symbology, dataString: digits };
      if (!data.startsWith(COMPOSITE, bar) || !gs1DataOk(data, bar + COMPOSITE.length, data.length, context))
        return FAILED;
      return { ok: true, symbology, dataString: `${digits}|${toCaretNotation(data.slice(bar + COMPOSITE.length))}` };
    }
    default: {
      // Plain data: a leading run of backslashes before "^" gets one more, so it is not taken for FNC1.
      const escaped = /^\\*\^/.test(data) ? `\\${data}` : data;
      if (digitalLinkScheme(data, 0) !== 'yes') {
        return {
          ok: true,
          symbology,
          dataString: escaped,
          ...(/^https?:\/\//i.test(data) ? { dlElementString: '' } : {}),
        };
      }
      const issues = new IssueList();
      const elements = readDigitalLink(data, 0, data.length, context, issues);
      if (!elements || issues.hasErrors) return FAILED;
      return { ok: true, symbology, dataString: escaped, dlElementString: toEngineElementString(elements) };
    }
  }
}
