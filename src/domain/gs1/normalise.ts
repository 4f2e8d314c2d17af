// From GS1 elements to the normalised fields of ParsedScan.
import { daysInMonth, isoDate, resolveTwoDigitYear, twoDigits } from './dates.ts';
import type { LocatedElement } from './element-string.ts';
import type { NormalisedExpiry } from './types.ts';

/** GTINs allocated by the Nordic registries (NTIN): 0704626 + Vnr (6 digits) + check digit. */
const NORDIC_NTIN_PREFIX = '0704626';

export interface NormalisedFields {
  gtin?: string;
  gtinAi?: '01' | '02' | '03';
  sscc?: string;
  batch?: string;
  serial?: string;
  expiry?: NormalisedExpiry;
  quantity?: number;
  nsn?: string;
  nationalCode?: { readonly ai: string; readonly value: string };
  vnr?: string;
}

/** The Nordic article number inside an NTIN, or undefined for any other GTIN. */
export function vnrFromGtin(gtin: string): string | undefined {
  return gtin.length === 14 && gtin.startsWith(NORDIC_NTIN_PREFIX) ? gtin.slice(7, 13) : undefined;
}

/** A YYMMDD date (day 00 allowed, meaning the month's last day) as a calendar date. Assumes a valid value. */
export function expiryFromYymmdd(raw: string, referenceYear: number): NormalisedExpiry {
  const year = resolveTwoDigitYear(twoDigits(raw, 0), referenceYear);
  const month = twoDigits(raw, 2);
  const day = twoDigits(raw, 4);
  const dayWasZero = day === 0;
  return { date: isoDate(year, month, dayWasZero ? daysInMonth(year, month) : day), dayWasZero, raw };
}

/** Fills the normalised fields from the valid elements; the first occurrence of an AI wins. */
export function normaliseElements(elements: readonly LocatedElement[], referenceYear: number): NormalisedFields {
  const fields: NormalisedFields = {};
  let gtin02: string | undefined;
  let gtin03: string | undefined;
  let expiryWithTime: string | undefined;
  let count37: string | undefined;
  // One pass over the elements (this runs for every scan); the first valid occurrence of an AI counts.
  for (const e of elements) {
    if (!e.valid) continue;
    const v = e.value;
    switch (e.ai) {
      case '01':
        fields.gtin ??= v;
        break;
      case '02':
        gtin02 ??= v;
        break;
      case '03':
        gtin03 ??= v;
        break;
      case '00':
        fields.sscc ??= v;
        break;
      case '10':
        fields.batch ??= v;
        break;
      case '21':
        fields.serial ??= v;
        break;
      case '17':
        fields.expiry ??= expiryFromYymmdd(v, referenceYear);
        break;
      case '7003':
        expiryWithTime ??= v;
        break;
      case '30':
        fields.quantity ??= Number(v);
        break;
      case '37':
        count37 ??= v;
        break;
      case '7001':
        fields.nsn ??= v;
        break;
      default:
        if (e.ai.length === 3 && e.ai >= '710' && e.ai <= '717') fields.nationalCode ??= { ai: e.ai, value: v };
    }
  }
  if (fields.gtin !== undefined) fields.gtinAi = '01';
  else if (gtin02 !== undefined) {
    fields.gtin = gtin02;
    fields.gtinAi = '02';
  } else if (gtin03 !== undefined) {
    fields.gtin = gtin03;
    fields.gtinAi = '03';
  }
  if (fields.gtin !== undefined) {
    const vnr = vnrFromGtin(fields.gtin);
    if (vnr !== undefined) fields.vnr = vnr;
  }
  // (7003) carries expiry date and time; its date part never uses day 00.
  if (fields.expiry === undefined && expiryWithTime !== undefined) {
    fields.expiry = { ...expiryFromYymmdd(expiryWithTime.slice(0, 6), referenceYear), raw: expiryWithTime };
  }
  if (fields.quantity === undefined && count37 !== undefined) fields.quantity = Number(count37);
  return fields;
}
