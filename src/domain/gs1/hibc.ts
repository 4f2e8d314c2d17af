// HIBC LIC (Health Industry Bar Code, Labeler Identification Code format): primary, secondary and
// concatenated structures with the mod-43 check character.
//
//   primary       +LLLL PCN U C           LIC (4, letter first), product number (1–18), unit of measure, check
//   secondary     +<secondary> L C        L = link character (the primary's check character)
//   concatenated  +LLLL PCN U/<secondary> C
//
// Secondary data: "$" lot | "$+" serial | "$$" [flag] date lot | "$$+" [flag] date serial | YYJJJ lot,
// where flag 2 = MMDDYY, 3 = YYMMDD, 4 = YYMMDDHH, 5 = YYJJJ, 6 = YYJJJHH, 7 = no date, 8 = 2-digit
// quantity then a date, 9 = 5-digit quantity then a date, and no flag (a month digit 0/1) = MMYY.
// Supplemental fields may follow after "/": S serial, 14D expiry YYYYMMDD, 16D production date YYYYMMDD.
import { printable } from './ai-value.ts';
import { firstNonDigit } from './charsets.ts';
import { hibcCharValue, hibcCheckCharacter } from './check-digits.ts';
import { daysInMonth, fromDayOfYear, isoDate, resolveTwoDigitYear, twoDigits } from './dates.ts';
import type { IssueList } from './issues.ts';
import type { HibcData, NormalisedExpiry } from './types.ts';

export interface HibcReading {
  readonly hibc: HibcData;
  readonly batch?: string;
  readonly serial?: string;
  readonly expiry?: NormalisedExpiry;
  readonly quantity?: number;
}

interface SecondaryFields {
  batch?: string;
  serial?: string;
  expiry?: NormalisedExpiry;
  quantity?: number;
}

const isUpperAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** Date layouts by their flag; `len` digits follow the flag. */
const DATE_LAYOUTS: Readonly<Record<string, { readonly len: number; readonly layout: string }>> = {
  '2': { len: 6, layout: 'MMDDYY' },
  '3': { len: 6, layout: 'YYMMDD' },
  '4': { len: 8, layout: 'YYMMDDHH' },
  '5': { len: 5, layout: 'YYJJJ' },
  '6': { len: 7, layout: 'YYJJJHH' },
};

function readDate(raw: string, layout: string, referenceYear: number): NormalisedExpiry | undefined {
  if (firstNonDigit(raw) >= 0) return undefined;
  const year = (yyAt: number) => resolveTwoDigitYear(twoDigits(raw, yyAt), referenceYear);
  if (layout === 'MMYY') {
    const y = year(2);
    const m = twoDigits(raw, 0);
    if (m < 1 || m > 12) return undefined;
    return { date: isoDate(y, m, daysInMonth(y, m)), dayWasZero: false, monthOnly: true, raw };
  }
  if (layout.startsWith('YYJJJ')) {
    const y = year(0);
    const md = fromDayOfYear(y, Number(raw.slice(2, 5)));
    if (!md || (layout === 'YYJJJHH' && twoDigits(raw, 5) > 23)) return undefined;
    return { date: isoDate(y, md.month, md.day), dayWasZero: false, raw };
  }
  const [yAt, mAt, dAt] = layout.startsWith('MMDD') ? [4, 0, 2] : [0, 2, 4];
  const y = year(yAt);
  const m = twoDigits(raw, mAt);
  const d = twoDigits(raw, dAt);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  if (layout === 'YYMMDDHH' && twoDigits(raw, 6) > 23) return undefined;
  return { date: isoDate(y, m, d), dayWasZero: false, raw };
}

function readFullDate(raw: string): NormalisedExpiry | undefined {
  if (raw.length !== 8 || firstNonDigit(raw) >= 0) return undefined;
  const y = Number(raw.slice(0, 4));
  const m = twoDigits(raw, 4);
  const d = twoDigits(raw, 6);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { date: isoDate(y, m, d), dayWasZero: false, raw };
}

/** Reads secondary data `d` found at `at` in the scan. Returns undefined after reporting an error. */
function readSecondary(d: string, at: number, referenceYear: number, issues: IssueList): SecondaryFields | undefined {
  const fields: SecondaryFields = {};
  const malformed = (reason: string, offset = 0) => {
    issues.error('HIBC_MALFORMED', { reason }, { position: at + offset });
    return undefined;
  };
  let p = 0;
  let isSerial = false;
  let layout: string | undefined;
  let dateLength = 0;
  if (d.startsWith('$$')) {
    p = 2;
    if (d.charAt(p) === '+') {
      isSerial = true;
      p++;
    }
    const readQuantityAndDateFlag = (): boolean => {
      const flag = d.charAt(p);
      if (flag === '8' || flag === '9') {
        const qtyLength = flag === '8' ? 2 : 5;
        const qty = d.slice(p + 1, p + 1 + qtyLength);
        if (qty.length !== qtyLength || firstNonDigit(qty) >= 0) {
          malformed('the quantity is not a number', p);
          return false;
        }
        fields.quantity = Number(qty);
        p += 1 + qtyLength;
      }
      const dateFlag = d.charAt(p);
      const known = DATE_LAYOUTS[dateFlag];
      if (known) {
        layout = known.layout;
        dateLength = known.len;
        p++;
      } else if (dateFlag === '7') {
        p++;
      } else if (dateFlag === '0' || dateFlag === '1') {
        layout = 'MMYY';
        dateLength = 4;
      } else {
        malformed(`"${printable(dateFlag)}" is not an HIBC date format`, p);
        return false;
      }
      return true;
    };
    if (!readQuantityAndDateFlag()) return undefined;
  } else if (d.startsWith('$+')) {
    isSerial = true;
    p = 2;
  } else if (d.startsWith('$')) {
    p = 1;
  } else {
    layout = 'YYJJJ';
    dateLength = 5;
  }
  if (layout) {
    const raw = d.slice(p, p + dateLength);
    const expiry = raw.length === dateLength ? readDate(raw, layout, referenceYear) : undefined;
    if (!expiry) {
      issues.error('HIBC_INVALID_DATE', { raw }, { position: at + p, length: raw.length });
      return undefined;
    }
    fields.expiry = expiry;
    p += dateLength;
  }
  const slash = d.indexOf('/', p);
  const lotOrSerial = d.slice(p, slash >= 0 ? slash : d.length);
  if (lotOrSerial !== '') {
    if (isSerial) fields.serial = lotOrSerial;
    else fields.batch = lotOrSerial;
  }
  if (slash >= 0) {
    let offset = slash + 1;
    for (const part of d.slice(slash + 1).split('/')) {
      if (part.startsWith('S') && part.length > 1) fields.serial = part.slice(1);
      else if (part.startsWith('14D') || part.startsWith('16D')) {
        const date = readFullDate(part.slice(3));
        if (!date) {
          issues.error('HIBC_INVALID_DATE', { raw: part.slice(3) }, { position: at + offset + 3 });
          return undefined;
        }
        if (part.startsWith('14D')) fields.expiry = date;
      } else return malformed(`"/${part}" is not an HIBC supplemental field`, offset);
      offset += part.length + 1;
    }
  }
  return fields;
}

/** Reads the HIBC data s[start, end), which starts with "+". */
export function readHibc(
  s: string,
  start: number,
  end: number,
  referenceYear: number,
  issues: IssueList,
): HibcReading | undefined {
  for (let i = start; i < end; i++) {
    if (hibcCharValue(s.charAt(i)) < 0) {
      issues.error('HIBC_INVALID_CHARACTER', { char: printable(s.charAt(i)) }, { position: i, length: 1 });
      return undefined;
    }
  }
  if (end - start < 4) {
    issues.error('HIBC_MALFORMED', { reason: 'it is too short' }, { position: start });
    return undefined;
  }
  const expected = hibcCheckCharacter(s.slice(start, end - 1));
  if (expected !== s.charAt(end - 1)) {
    issues.error('HIBC_CHECK_CHARACTER', { expected: expected ?? '' }, { position: end - 1, length: 1 });
    return undefined;
  }
  const content = s.slice(start + 1, end - 1);
  const contentAt = start + 1;
  const first = content.charCodeAt(0);

  if (first >= 65 && first <= 90) {
    // Primary, possibly concatenated with a secondary after "/".
    const slash = content.indexOf('/');
    const primary = slash >= 0 ? content.slice(0, slash) : content;
    const unit = primary.charCodeAt(primary.length - 1);
    if (primary.length < 6 || primary.length > 23 || unit < 48 || unit > 57) {
      issues.error(
        'HIBC_MALFORMED',
        {
          reason:
            'the primary data must be a 4-character labeler code, a product number of 1–18 characters and a unit-of-measure digit',
        },
        { position: contentAt },
      );
      return undefined;
    }
    for (let i = 0; i < primary.length; i++) {
      if (!isUpperAlnum(primary.charCodeAt(i))) {
        issues.error(
          'HIBC_MALFORMED',
          { reason: `"${primary.charAt(i)}" cannot appear in the primary data` },
          { position: contentAt + i },
        );
        return undefined;
      }
    }
    const base: HibcData = {
      labelerId: primary.slice(0, 4),
      productNumber: primary.slice(4, -1),
      unitOfMeasure: unit - 48,
      structure: slash >= 0 ? 'concatenated' : 'primary',
    };
    if (slash < 0) return { hibc: base };
    const secondary = readSecondary(content.slice(slash + 1), contentAt + slash + 1, referenceYear, issues);
    return secondary ? { hibc: base, ...secondary } : undefined;
  }

  if (content.startsWith('$') || (first >= 48 && first <= 57)) {
    // Standalone secondary: its last character links it to the primary's check character.
    if (content.length < 2) {
      issues.error('HIBC_MALFORMED', { reason: 'the secondary data is empty' }, { position: contentAt });
      return undefined;
    }
    const secondary = readSecondary(content.slice(0, -1), contentAt, referenceYear, issues);
    if (!secondary) return undefined;
    issues.warning('HIBC_SECONDARY_ONLY');
    return { hibc: { structure: 'secondary', linkCharacter: content.charAt(content.length - 1) }, ...secondary };
  }
  issues.error('HIBC_MALFORMED', { reason: 'the labeler code must start with a letter' }, { position: contentAt });
  return undefined;
}
