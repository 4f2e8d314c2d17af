// parseScan: one raw scan, as a scanner or camera decoder delivers it, to a ParsedScan.
//
//   raw ──► strip trailing CR/LF ──► AIM symbology identifier? ──► choose a reader by mode or content
//       ├─ GS1 element string (GS separators) or bracketed "(01)…" ──► elements ─┐
//       ├─ GS1 Digital Link URI ──────────────────────────────────► elements ─┤─► pairing rules ─► normalise
//       ├─ EAN-13/EAN-8/UPC-A/UPC-E (+ composite) ─► GTIN-14            │
//       ├─ HIBC (+) ─────────────────────────────► batch/serial/expiry ├─► ParsedScan
//       └─ ISO/IEC 15434 (IFA PPN, format 06; GS1 in format 05) ───────┘
import { lookupAiAt } from './ai-table.ts';
import { type DataMode, readSymbologyIdentifier, type SymbologyIdentifier } from './aim.ts';
import {
  findConflictingRepeats,
  findExclusions,
  findMissingRequisites,
  findUnserialisedSignedKeys,
  firstOfEachAi,
} from './associations.ts';
import { isAllDigits } from './charsets.ts';
import { isValidGtin } from './check-digits.ts';
import { type DigitalLinkOptions, digitalLinkScheme, readDigitalLink } from './digital-link.ts';
import { type EanKind, guessEanKind, readEan } from './ean-upc.ts';
import {
  type ElementReadOptions,
  type LocatedElement,
  looksBracketed,
  readBracketedElementString,
  readElementString,
} from './element-string.ts';
import { readHibc } from './hibc.ts';
import { IssueList } from './issues.ts';
import { type NormalisedFields, normaliseElements, vnrFromGtin } from './normalise.ts';
import { iso15434Format, iso15434Payload, readPpnPayload } from './ppn.ts';
import type { GS1Element, HibcData, ParsedScan, ParseScanOptions, ScanScheme } from './types.ts';

const COMPOSITE_SEPARATOR = '|]e0';

/** What a reader found; parseScan turns it into the public ParsedScan. */
interface Interpretation extends NormalisedFields {
  scheme: ScanScheme;
  elements: readonly LocatedElement[];
  ppn?: string;
  hibc?: HibcData;
}

interface ScanContext {
  readonly raw: string;
  readonly end: number;
  readonly issues: IssueList;
  readonly referenceYear: number;
  /** Options for reading GS1 element strings and Digital Link URIs. */
  readonly gs1Options: ElementReadOptions & DigitalLinkOptions;
}

const unknown = (): Interpretation => ({ scheme: 'unknown', elements: [] });

function fromElements(scheme: ScanScheme, elements: readonly LocatedElement[], context: ScanContext): Interpretation {
  checkPairingRules(elements, context.issues);
  const result = normaliseElements(elements, context.referenceYear) as Interpretation;
  result.scheme = scheme;
  result.elements = elements;
  return result;
}

/** The dictionary's pairing rules: `req=`/`ex=` and the digital-signature rule are warnings. */
function checkPairingRules(elements: readonly LocatedElement[], issues: IssueList): void {
  if (elements.length === 0) return;
  const distinct = firstOfEachAi(elements);
  for (const repeat of findConflictingRepeats(elements, distinct)) {
    issues.error('GS1_AI_REPEATED_DIFFERENTLY', {}, { position: repeat.position, ai: repeat.ai });
  }
  for (const { element, alternatives } of findMissingRequisites(elements, distinct)) {
    const required = alternatives.map((alt) => alt.map((ai) => `(${ai})`).join(' + ')).join(', ');
    issues.warning('GS1_REQUIRED_AI_MISSING', { required }, { position: element.position, ai: element.ai });
  }
  for (const { element, other } of findExclusions(elements, distinct)) {
    issues.warning('GS1_AIS_EXCLUSIVE', { otherAi: other.ai }, { position: other.position, ai: element.ai });
  }
  for (const key of findUnserialisedSignedKeys(elements)) {
    issues.warning('GS1_DIGSIG_NEEDS_SERIAL', {}, { position: key.position, ai: key.ai });
  }
}

function interpretElementString(context: ScanContext, start: number): Interpretation {
  const elements = readElementString(context.raw, start, context.end, context.gs1Options, context.issues);
  return fromElements('gs1', elements, context);
}

function interpretBracketed(context: ScanContext, start: number): Interpretation {
  const elements = readBracketedElementString(context.raw, start, context.end, context.gs1Options, context.issues);
  return fromElements('gs1', elements, context);
}

function interpretDigitalLink(context: ScanContext, start: number): Interpretation {
  const elements = readDigitalLink(context.raw, start, context.end, context.gs1Options, context.issues);
  return elements ? fromElements('gs1-digital-link', elements, context) : unknown();
}

/** EAN/UPC digits, optionally followed by "|]e0" and a GS1 composite component. */
function interpretEan(context: ScanContext, start: number, kindHint: 'ean13' | 'ean8' | undefined): Interpretation {
  const { raw, end, issues } = context;
  const bar = raw.indexOf('|', start);
  const digitsEnd = bar >= 0 && bar < end ? bar : end;
  const count = digitsEnd - start;
  let kind: EanKind | undefined;
  if (kindHint === 'ean8') kind = 'EAN-8';
  else if (kindHint === 'ean13') kind = count === 12 ? 'UPC-A' : count === 8 ? 'UPC-E' : 'EAN-13';
  else kind = guessEanKind(raw.slice(start, digitsEnd), issues) ?? 'EAN-13';
  const reading = readEan(raw, start, digitsEnd, kind, issues);
  let elements: readonly LocatedElement[] = [];
  if (digitsEnd < end) {
    if (!raw.startsWith(COMPOSITE_SEPARATOR, digitsEnd)) {
      issues.error('EAN_BAD_COMPOSITE', { kind }, { position: digitsEnd });
    } else {
      elements = readElementString(raw, digitsEnd + COMPOSITE_SEPARATOR.length, end, context.gs1Options, issues);
    }
  }
  const result = fromElements('ean-upc', elements, context);
  if (reading) {
    result.gtin = reading.gtin;
    delete result.gtinAi;
    const vnr = vnrFromGtin(reading.gtin);
    if (vnr) result.vnr = vnr;
  }
  return result;
}

function interpretHibc(context: ScanContext, start: number): Interpretation {
  const reading = readHibc(context.raw, start, context.end, context.referenceYear, context.issues);
  if (!reading) return { scheme: 'hibc', elements: [] };
  return { scheme: 'hibc', elements: [], ...reading };
}

function interpretIso15434(context: ScanContext, start: number): Interpretation {
  const { raw, end, issues } = context;
  const format = iso15434Format(raw, start);
  const payload = iso15434Payload(raw, start, end);
  if (format === '05' && payload) {
    const elements = readElementString(raw, payload.start, payload.end, context.gs1Options, issues);
    return fromElements('gs1', elements, context);
  }
  if (format === '06' && payload) {
    const reading = readPpnPayload(raw, payload.start, payload.end, issues);
    if (!reading) return { scheme: 'ppn', elements: [] };
    const { pzn, ...fields } = reading;
    const result: Interpretation = { scheme: 'ppn', elements: [], ...fields };
    if (pzn) result.nationalCode = { ai: '710', value: pzn };
    const vnr = reading.gtin ? vnrFromGtin(reading.gtin) : undefined;
    if (vnr) result.vnr = vnr;
    return result;
  }
  if (format === '06') {
    issues.error('PPN_MALFORMED', { reason: 'the header "[)>" RS "06" must be followed by a GS' }, { position: start });
    return { scheme: 'ppn', elements: [] };
  }
  issues.error('UNRECOGNISED_FORMAT', {}, { position: start });
  return unknown();
}

/**
 * Plain (non-GS1-mode) data, or data without a symbology identifier: decided by its content. With
 * `viaIdentifier`, GS1 data found in a symbol not marked as GS1 is read but warned about.
 */
function interpretByContent(context: ScanContext, start: number, mode: DataMode): Interpretation {
  const { raw, end, issues } = context;
  const first = raw.charCodeAt(start);
  if (first === 0x1d) return interpretElementString(context, start);
  if (looksBracketed(raw, start, end)) return interpretBracketed(context, start);
  const scheme = digitalLinkScheme(raw, start);
  if (scheme !== 'no') return interpretDigitalLink(context, start);
  if (iso15434Format(raw, start) !== undefined) return interpretIso15434(context, start);
  if (first === 43 /* + */) return interpretHibc(context, start);
  const data = raw.slice(start, end);
  if (isAllDigits(data)) {
    const n = data.length;
    // 14 digits are a GTIN-14 (ITF-14) when the check digit fits; otherwise try them as GS1 data.
    if (n === 8 || n === 12 || n === 13 || (n === 14 && isValidGtin(data)))
      return interpretEan(context, start, undefined);
  }
  // GS1 data whose FNC1/identifier was dropped (keyboard wedges) or that was printed without GS1 mode.
  if (lookupAiAt(raw, start, end)) {
    if (mode === 'plain') {
      const probe = new IssueList();
      readElementString(raw, start, end, context.gs1Options, probe);
      if (probe.hasErrors) {
        issues.error('UNRECOGNISED_FORMAT', {}, { position: start });
        return unknown();
      }
      issues.warning('GS1_NOT_MARKED_AS_GS1');
    }
    return interpretElementString(context, start);
  }
  issues.error('UNRECOGNISED_FORMAT', {}, { position: start });
  return unknown();
}

function interpret(context: ScanContext, symbology: SymbologyIdentifier | undefined): Interpretation {
  const start = symbology ? 3 : 0;
  const mode: DataMode = symbology?.mode ?? 'auto';
  if (symbology && start >= context.end) {
    context.issues.error('NO_DATA_AFTER_IDENTIFIER', { identifier: symbology.identifier }, { position: 0, length: 3 });
    return unknown();
  }
  switch (mode) {
    case 'gs1':
      return interpretElementString(context, start);
    case 'ean13':
    case 'ean8':
      return interpretEan(context, start, mode);
    default:
      return interpretByContent(context, start, mode);
  }
}

/** Interprets one raw scan. Never throws; every problem is reported in `errors` or `warnings`. */
export function parseScan(raw: string, options: ParseScanOptions = {}): ParsedScan {
  const referenceYear = (options.today ?? new Date()).getFullYear();
  const issues = new IssueList();
  // Keyboard-wedge scanners end a scan with Enter; CR/LF is never part of the data.
  let end = raw.length;
  while (end > 0 && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;

  const symbology = readSymbologyIdentifier(raw);
  let found: Interpretation;
  if (end === 0) {
    issues.error('EMPTY_SCAN');
    found = unknown();
  } else {
    if (symbology && !symbology.recognised) {
      issues.warning('UNKNOWN_SYMBOLOGY_IDENTIFIER', { identifier: symbology.identifier }, { position: 0, length: 3 });
    }
    const context: ScanContext = {
      raw,
      end,
      issues,
      referenceYear,
      gs1Options: {
        referenceYear,
        detectMissingSeparators: true,
        // Real packs carry GTIN-13 in Digital Link URIs and early "/gtin/" paths: read them, with a warning.
        permitZeroSuppressedGtin: true,
        permitConvenienceAlphas: true,
      },
    };
    found = interpret(context, symbology);
  }
  if (found.expiry?.dayWasZero) issues.warning('EXPIRY_DAY_ZERO', { raw: found.expiry.raw, date: found.expiry.date });

  const elements: GS1Element[] = [];
  for (const e of found.elements) elements.push({ ai: e.ai, value: e.value, title: e.title });
  // Built field by field (no spreading): this runs for every scan, and the key order is the JSON order.
  const result: { -readonly [K in keyof ParsedScan]: ParsedScan[K] } = {
    ok: issues.errors.length === 0 && found.scheme !== 'unknown',
    scheme: found.scheme,
  } as ParsedScan;
  if (symbology) result.symbology = { identifier: symbology.identifier, name: symbology.name };
  result.elements = elements;
  if (found.gtin !== undefined) result.gtin = found.gtin;
  if (found.gtinAi !== undefined) result.gtinAi = found.gtinAi;
  if (found.sscc !== undefined) result.sscc = found.sscc;
  if (found.batch !== undefined) result.batch = found.batch;
  if (found.serial !== undefined) result.serial = found.serial;
  if (found.expiry !== undefined) result.expiry = found.expiry;
  if (found.quantity !== undefined) result.quantity = found.quantity;
  if (found.nsn !== undefined) result.nsn = found.nsn;
  if (found.nationalCode !== undefined) result.nationalCode = found.nationalCode;
  if (found.vnr !== undefined) result.vnr = found.vnr;
  if (found.ppn !== undefined) result.ppn = found.ppn;
  if (found.hibc !== undefined) result.hibc = found.hibc;
  result.errors = issues.errors;
  result.warnings = issues.warnings;
  return result;
}
