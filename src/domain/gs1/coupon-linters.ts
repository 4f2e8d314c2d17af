// Syntax tests for the North American coupon codes: AI (8110) "couponcode" (the NACC layout) and AI (8112)
// "couponposoffer" (paperless coupons). Both are all-digit strings made of fields, several of them led
// by a variable length indicator (VLI) digit. Each field is described by data below and read in order,
// so the error for a short or bad field names that field.
import { firstNonDigit } from './charsets.ts';
import { fail, type LintContext, type LintFailure, lintGcpPosition1, lintYymmdd } from './lint-core.ts';

/** Reads fields left to right over an all-digit string; every method returns a failure or undefined. */
class FieldReader {
  position = 0;
  constructor(readonly data: string) {}

  get atEnd(): boolean {
    return this.position >= this.data.length;
  }

  get next(): string {
    return this.data.charAt(this.position);
  }

  /** A field is missing entirely: the whole value is marked. */
  missing(code: string): LintFailure {
    return fail(code, 0, this.data.length);
  }

  /**
   * Fewer than `length` digits remain: marks what remains, or the whole value when nothing remains.
   * Returns the field's digits otherwise and moves past them.
   */
  take(length: number, truncatedCode: string): string | LintFailure {
    const remaining = this.data.length - this.position;
    if (remaining < length) {
      return remaining === 0 ? fail(truncatedCode, 0, this.data.length) : fail(truncatedCode, this.position, remaining);
    }
    const field = this.data.slice(this.position, this.position + length);
    this.position += length;
    return field;
  }

  /** A one-digit field whose allowed values are `allowed`; `missingCode` when absent. */
  digit(allowed: string | null, missingCode: string, invalidCode: string): number | LintFailure {
    if (this.atEnd) return this.missing(missingCode);
    const ch = this.next;
    if (allowed !== null && !allowed.includes(ch)) return fail(invalidCode, this.position, 1);
    this.position++;
    return ch.charCodeAt(0) - 48;
  }

  /**
   * A VLI digit followed by a field of `vli + offset` digits. `allowedVli` lists the permitted VLI digits
   * (null: any); a VLI listed in `emptyVli` stands for an empty field.
   */
  vliField(
    spec: { allowedVli: string | null; offset: number; emptyVli?: string },
    codes: { missing: string; invalid: string; truncated: string },
  ): string | LintFailure {
    const vli = this.digit(spec.allowedVli, codes.missing, codes.invalid);
    if (typeof vli !== 'number') return vli;
    const length = spec.emptyVli?.includes(String(vli)) ? 0 : vli + spec.offset;
    return this.take(length, codes.truncated);
  }

  /** Runs the GCP test on a field just read; a failure covers the whole field. */
  gcp(field: string): LintFailure | undefined {
    if (field.length === 0) return undefined;
    const failure = lintGcpPosition1(field);
    return failure ? fail(failure.code, this.position - field.length, field.length) : undefined;
  }
}

const isFailure = (x: unknown): x is LintFailure => typeof x === 'object' && x !== null;

/** The purchase requirement block shared by the 1st, 2nd and 3rd purchase: VLI + requirement, code, family. */
function readPurchaseRequirement(reader: FieldReader, nth: '1ST' | '2ND' | '3RD'): LintFailure | undefined {
  const requirement = reader.vliField(
    { allowedVli: '12345', offset: 0 },
    {
      missing: `COUPON_MISSING_${nth}_PURCHASE_REQUIREMENT_VLI`,
      invalid: `COUPON_INVALID_${nth}_PURCHASE_REQUIREMENT_LENGTH`,
      truncated: `COUPON_TRUNCATED_${nth}_PURCHASE_REQUIREMENT`,
    },
  );
  if (isFailure(requirement)) return requirement;
  const code = reader.digit(
    '012349',
    `COUPON_MISSING_${nth}_PURCHASE_REQUIREMENT_CODE`,
    `COUPON_INVALID_${nth}_PURCHASE_REQUIREMENT_CODE`,
  );
  if (isFailure(code)) return code;
  const family = reader.take(3, `COUPON_TRUNCATED_${nth}_PURCHASE_FAMILY_CODE`);
  return isFailure(family) ? family : undefined;
}

/** GCP of an additional purchase: VLI 0–6 gives 6–12 digits, VLI 9 means "same as the primary GCP" (none). */
function readPurchaseGcp(reader: FieldReader, nth: '2ND' | '3RD'): LintFailure | undefined {
  const gcp = reader.vliField(
    { allowedVli: '01234569', offset: 6, emptyVli: '9' },
    {
      missing: `COUPON_MISSING_${nth}_PURCHASE_GCP_VLI`,
      invalid: `COUPON_INVALID_${nth}_PURCHASE_GCP_LENGTH`,
      truncated: `COUPON_TRUNCATED_${nth}_PURCHASE_GCP`,
    },
  );
  return isFailure(gcp) ? gcp : reader.gcp(gcp);
}

function readCouponDate(
  reader: FieldReader,
  which: 'EXPIRATION' | 'START',
  context: LintContext,
): string | LintFailure {
  const tooShort = which === 'EXPIRATION' ? 'COUPON_TOO_SHORT_FOR_EXPIRATION_DATE' : 'COUPON_TOO_SHORT_FOR_START_DATE';
  const date = reader.take(6, tooShort);
  if (isFailure(date)) return date;
  // (sic) upstream spells the expiration code "EXIPIRATION"; the code is part of the conformance vectors.
  const invalid = which === 'EXPIRATION' ? 'COUPON_INVALID_EXIPIRATION_DATE' : 'COUPON_INVALID_START_DATE';
  return lintYymmdd(date, context) ? fail(invalid, reader.position - 6, 6) : date;
}

/** AI (8110): the original North American Coupon Code layout. */
export function lintCouponCode(value: string, context: LintContext): LintFailure | undefined {
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  const r = new FieldReader(value);

  const primaryGcp = r.vliField(
    { allowedVli: '0123456', offset: 6 },
    { missing: 'COUPON_MISSING_GCP_VLI', invalid: 'COUPON_INVALID_GCP_LENGTH', truncated: 'COUPON_TRUNCATED_GCP' },
  );
  if (isFailure(primaryGcp)) return primaryGcp;
  const gcpFailure = r.gcp(primaryGcp);
  if (gcpFailure) return gcpFailure;
  const offer = r.take(6, 'COUPON_TRUNCATED_OFFER_CODE');
  if (isFailure(offer)) return offer;
  const saveValue = r.vliField(
    { allowedVli: '12345', offset: 0 },
    {
      missing: 'COUPON_MISSING_SAVE_VALUE_VLI',
      invalid: 'COUPON_INVALID_SAVE_VALUE_LENGTH',
      truncated: 'COUPON_TRUNCATED_SAVE_VALUE',
    },
  );
  if (isFailure(saveValue)) return saveValue;
  const first = readPurchaseRequirement(r, '1ST');
  if (first) return first;

  // Optional fields, each introduced by its number, in this order.
  if (!r.atEnd && r.next === '1') {
    r.position++;
    const rules = r.digit(
      '0123',
      'COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE',
      'COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE',
    );
    if (isFailure(rules)) return rules;
    const second = readPurchaseRequirement(r, '2ND') ?? readPurchaseGcp(r, '2ND');
    if (second) return second;
  }
  if (!r.atEnd && r.next === '2') {
    r.position++;
    const third = readPurchaseRequirement(r, '3RD') ?? readPurchaseGcp(r, '3RD');
    if (third) return third;
  }
  let expiry: string | undefined;
  if (!r.atEnd && r.next === '3') {
    r.position++;
    const date = readCouponDate(r, 'EXPIRATION', context);
    if (isFailure(date)) return date;
    expiry = date;
  }
  if (!r.atEnd && r.next === '4') {
    r.position++;
    const start = readCouponDate(r, 'START', context);
    if (isFailure(start)) return start;
    // Compared as YYMMDD text, as the coupon specification does; marks "3<expiry>4<start>".
    if (expiry !== undefined && start > expiry) return fail('COUPON_EXPIRATION_BEFORE_START', r.position - 14, 14);
  }
  if (!r.atEnd && r.next === '5') {
    r.position++;
    const serial = r.vliField(
      { allowedVli: null, offset: 6 },
      { missing: 'COUPON_MISSING_SERIAL_NUMBER_VLI', invalid: '', truncated: 'COUPON_TRUNCATED_SERIAL_NUMBER' },
    );
    if (isFailure(serial)) return serial;
  }
  if (!r.atEnd && r.next === '6') {
    r.position++;
    const retailer = r.vliField(
      { allowedVli: '1234567', offset: 6 },
      {
        missing: 'COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI',
        invalid: 'COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH',
        truncated: 'COUPON_TRUNCATED_RETAILER_GCP_OR_GLN',
      },
    );
    if (isFailure(retailer)) return retailer;
    const retailerGcp = r.gcp(retailer);
    if (retailerGcp) return retailerGcp;
  }
  if (!r.atEnd && r.next === '9') {
    r.position++;
    const fields: readonly [string | null, string, string][] = [
      ['01256', 'COUPON_MISSING_SAVE_VALUE_CODE', 'COUPON_INVALID_SAVE_VALUE_CODE'],
      ['012', 'COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM', 'COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM'],
      [null, 'COUPON_MISSING_STORE_COUPON_FLAG', ''],
      ['01', 'COUPON_MISSING_DONT_MULTIPLY_FLAG', 'COUPON_INVALID_DONT_MULTIPLY_FLAG'],
    ];
    for (const [allowed, missing, invalid] of fields) {
      const digit = r.digit(allowed, missing, invalid);
      if (isFailure(digit)) return digit;
    }
  }
  return r.atEnd ? undefined : fail('COUPON_EXCESS_DATA', r.position, value.length - r.position);
}

/** AI (8112): paperless coupon code for a positive offer. */
export function lintCouponPositiveOffer(value: string): LintFailure | undefined {
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  const r = new FieldReader(value);
  const format = r.digit('01', 'COUPON_MISSING_FORMAT_CODE', 'COUPON_INVALID_FORMAT_CODE');
  if (isFailure(format)) return format;
  const funder = r.vliField(
    { allowedVli: '0123456', offset: 6 },
    {
      missing: 'COUPON_MISSING_FUNDER_VLI',
      invalid: 'COUPON_INVALID_FUNDER_LENGTH',
      truncated: 'COUPON_TRUNCATED_FUNDER',
    },
  );
  if (isFailure(funder)) return funder;
  const funderGcp = r.gcp(funder);
  if (funderGcp) return funderGcp;
  const offer = r.take(6, 'COUPON_TRUNCATED_OFFER_CODE');
  if (isFailure(offer)) return offer;
  const serial = r.vliField(
    { allowedVli: null, offset: 6 },
    { missing: 'COUPON_MISSING_SERIAL_NUMBER_VLI', invalid: '', truncated: 'COUPON_TRUNCATED_SERIAL_NUMBER' },
  );
  if (isFailure(serial)) return serial;
  return r.atEnd ? undefined : fail('COUPON_EXCESS_DATA', r.position, value.length - r.position);
}
