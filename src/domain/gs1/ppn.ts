// ISO/IEC 15434 messages as carried by Data Matrix "macro" codes: format 06 with ASC MH10.8.2 data
// identifiers (the German IFA PPN code: 9N PPN, 1T batch, D expiry, S serial, 8P GTIN, 16D production
// date), and format 05, which wraps a GS1 element string.
//
//   [)> RS 06 GS 9N110375286414 GS 1TABC123 GS D290630 GS S12345 RS EOT
import { printable } from './ai-value.ts';
import { firstNonCset82, firstNonDigit } from './charsets.ts';
import { gs1CheckDigit, isValidGtin, ppnCheckDigits, pznCheckDigit } from './check-digits.ts';
import { daysInMonth, isoDate, twoDigits } from './dates.ts';
import type { IssueList } from './issues.ts';
import type { NormalisedExpiry } from './types.ts';

const RS = '\x1e';
const GS_CODE = 0x1d;
const EOT = '\x04';
export const ISO15434_HEADER = `[)>${RS}`;

export interface PpnReading {
  readonly ppn?: string;
  readonly gtin?: string;
  readonly pzn?: string;
  readonly batch?: string;
  readonly serial?: string;
  readonly expiry?: NormalisedExpiry;
}

/** The format of an ISO/IEC 15434 message at s[start] ("05", "06", …), or undefined. */
export function iso15434Format(s: string, start: number): string | undefined {
  if (!s.startsWith(ISO15434_HEADER, start)) return undefined;
  return s.slice(start + 4, start + 6);
}

/**
 * Where the payload of a format 05/06 message lies: after "[)>" RS "0n" GS, up to the trailing RS
 * (and EOT), which some scanners leave out.
 */
export function iso15434Payload(s: string, start: number, end: number): { start: number; end: number } | undefined {
  const payloadStart = start + 7;
  if (s.charCodeAt(start + 6) !== GS_CODE || payloadStart > end) return undefined;
  let payloadEnd = end;
  if (s.charAt(payloadEnd - 1) === EOT) payloadEnd--;
  if (s.charAt(payloadEnd - 1) === RS) payloadEnd--;
  return { start: payloadStart, end: payloadEnd };
}

/** NTIN of a German PZN: GS1 prefix 4150 + PZN8 + check digit, as GTIN-14. */
export function ntinFromPzn(pzn: string): string {
  const body = `04150${pzn}`;
  return body + String(gs1CheckDigit(body));
}

function readExpiry(raw: string): NormalisedExpiry | undefined {
  if (raw.length !== 6 || firstNonDigit(raw) >= 0) return undefined;
  // IFA: the year is always in the 21st century.
  const year = 2000 + twoDigits(raw, 0);
  const month = twoDigits(raw, 2);
  const day = twoDigits(raw, 4);
  if (month < 1 || month > 12 || day > daysInMonth(year, month)) return undefined;
  const dayWasZero = day === 0;
  return { date: isoDate(year, month, dayWasZero ? daysInMonth(year, month) : day), dayWasZero, raw };
}

/** Reads the data identifier fields of a format 06 payload s[start, end). */
export function readPpnPayload(s: string, start: number, end: number, issues: IssueList): PpnReading | undefined {
  const reading: { -readonly [K in keyof PpnReading]: PpnReading[K] } = {};
  let fieldStart = start;
  // Fields are named by the GS1 AI with the same meaning, so messages use the same field names.
  const invalid = (sameAsAi: string, reason: string, position: number) => {
    issues.error('PPN_INVALID_VALUE', { ai: sameAsAi, reason }, { position });
  };
  while (fieldStart < end) {
    let fieldEnd = fieldStart;
    while (fieldEnd < end && s.charCodeAt(fieldEnd) !== GS_CODE) fieldEnd++;
    const field = s.slice(fieldStart, fieldEnd);
    const di = /^\d{0,3}[A-Z]/.exec(field)?.[0];
    const value = di ? field.slice(di.length) : '';
    const valueAt = fieldStart + (di?.length ?? 0);
    const textOk = value.length >= 1 && value.length <= 20 && firstNonCset82(value) < 0;
    switch (di) {
      case '9N': {
        const body = value.slice(0, -2);
        if (value.length < 4 || value.length > 22 || !/^[0-9A-Z]+$/.test(value)) {
          issues.error(
            'PPN_MALFORMED',
            { reason: 'the PPN (9N) must be 4–22 digits and capital letters' },
            { position: valueAt },
          );
        } else if (ppnCheckDigits(body) !== value.slice(-2)) {
          issues.error(
            'PPN_CHECK_DIGITS',
            { expected: ppnCheckDigits(body) },
            { position: valueAt + value.length - 2, length: 2 },
          );
        } else {
          reading.ppn = value;
          // Product registration agency 11 is the German IFA; its product number is the PZN.
          if (body.startsWith('11') && body.length === 10 && firstNonDigit(body) < 0) {
            const pzn = body.slice(2);
            if (pznCheckDigit(pzn) === pzn.charCodeAt(7) - 48) {
              reading.pzn = pzn;
              reading.gtin ??= ntinFromPzn(pzn);
            } else issues.error('PZN_CHECK_DIGIT', { text: pzn }, { position: valueAt + 2, length: 8 });
          }
        }
        break;
      }
      case '8P':
        if (isValidGtin(value) && value.length === 14) reading.gtin = value;
        else invalid('01', 'it must be 14 digits with a correct check digit', valueAt);
        break;
      case '1T':
        if (textOk) reading.batch = value;
        else invalid('10', 'it must be 1–20 letters, digits or GS1 punctuation', valueAt);
        break;
      case 'S':
        if (textOk) reading.serial = value;
        else invalid('21', 'it must be 1–20 letters, digits or GS1 punctuation', valueAt);
        break;
      case 'D': {
        const expiry = readExpiry(value);
        if (!expiry) invalid('17', `"${value}" is not a date in the form YYMMDD`, valueAt);
        else reading.expiry = expiry;
        break;
      }
      case '16D':
        if (value.length !== 8 || firstNonDigit(value) >= 0) invalid('11', 'it must be YYYYMMDD', valueAt);
        break;
      default:
        if (field !== '')
          issues.warning(
            'PPN_UNKNOWN_DATA_IDENTIFIER',
            { text: printable(di ?? field.slice(0, 3)) },
            { position: fieldStart },
          );
    }
    fieldStart = fieldEnd + 1;
  }
  if (!reading.ppn && !reading.gtin && !issues.hasErrors) {
    issues.error('PPN_NO_PRODUCT', {}, { position: start });
  }
  return issues.hasErrors ? undefined : reading;
}
