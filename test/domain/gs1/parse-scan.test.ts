// Hand-written tests for parseScan, one group per point of issue 3.
import { describe, expect, test } from 'vitest';
import { type ParsedScan, parseScan, type ScanIssue } from '../../../src/domain/gs1/index.ts';

const GS = '\x1d';
const TODAY = new Date('2026-05-01T12:00:00Z');
const GTIN = '09506000134352';
const NTIN = '07046261234566';
const parse = (raw: string, today: Date = TODAY): ParsedScan => parseScan(raw, { today });
const codes = (issues: readonly ScanIssue[]) => issues.map((i) => i.code);
const pairs = (scan: ParsedScan) => scan.elements.map((e) => [e.ai, e.value]);

describe('a pharma pack in GS1 DataMatrix', () => {
  const raw = `]d201${GTIN}17290630101234AB${GS}21XYZ987`;

  test('gives the elements in scan order with their titles', () => {
    const scan = parse(raw);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('gs1');
    expect(scan.elements).toEqual([
      { ai: '01', value: GTIN, title: 'GTIN' },
      { ai: '17', value: '290630', title: 'USE BY or EXPIRY' },
      { ai: '10', value: '1234AB', title: 'BATCH/LOT' },
      { ai: '21', value: 'XYZ987', title: 'SERIAL' },
    ]);
    expect(scan.errors).toEqual([]);
    expect(scan.warnings).toEqual([]);
  });

  test('gives the normalised fields', () => {
    const scan = parse(raw);
    expect(scan.gtin).toBe(GTIN);
    expect(scan.gtinAi).toBe('01');
    expect(scan.batch).toBe('1234AB');
    expect(scan.serial).toBe('XYZ987');
    expect(scan.expiry).toEqual({ date: '2029-06-30', dayWasZero: false, raw: '290630' });
  });

  test('an expired product is not a parse error', () => {
    const scan = parse(`]d201${GTIN}17200131`);
    expect(scan.ok).toBe(true);
    expect(scan.expiry?.date).toBe('2020-01-31');
    expect(scan.errors).toEqual([]);
  });
});

describe('AIM symbology identifiers', () => {
  const data = `01${GTIN}10LOT7${GS}17290630`;

  test.each([
    [']d2', 'GS1 DataMatrix'],
    [']Q3', 'GS1 QR Code'],
    [']C1', 'GS1-128'],
    [']e0', 'GS1 DataBar'],
    [']J1', 'GS1 DotCode'],
  ])('%s reads GS1 data', (identifier, name) => {
    const scan = parse(identifier + data);
    expect(scan.ok).toBe(true);
    expect(scan.symbology).toEqual({ identifier, name });
    expect(pairs(scan)).toEqual([
      ['01', GTIN],
      ['10', 'LOT7'],
      ['17', '290630'],
    ]);
  });

  test(']d8 (rectangular Data Matrix from zxing-wasm) is read by its content', () => {
    const scan = parse(`]d8${GS}${data}`);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('gs1');
    expect(scan.symbology?.identifier).toBe(']d8');
    expect(scan.gtin).toBe(GTIN);
  });

  test('no identifier at all: GS1 data is recognised by its content', () => {
    expect(parse(data).gtin).toBe(GTIN);
    expect(parse(data).symbology).toBeUndefined();
  });

  test(']d1 and ]Q1 carry plain data such as a Digital Link URI', () => {
    for (const id of [']d1', ']Q1']) {
      const scan = parse(`${id}https://example.com/01/${GTIN}`);
      expect(scan.scheme).toBe('gs1-digital-link');
      expect(scan.gtin).toBe(GTIN);
    }
  });

  test('GS1 data in a symbol not marked as GS1 is read, with a warning', () => {
    const scan = parse(`]d1${data}`);
    expect(scan.ok).toBe(true);
    expect(codes(scan.warnings)).toEqual(['GS1_NOT_MARKED_AS_GS1']);
  });

  test('an unknown identifier is reported as a warning and the data read without it', () => {
    const scan = parse(`]X9${GS}${data}`);
    expect(scan.gtin).toBe(GTIN);
    expect(codes(scan.warnings)).toContain('UNKNOWN_SYMBOLOGY_IDENTIFIER');
  });

  test('an identifier without data is an error', () => {
    const scan = parse(']d2');
    expect(scan.ok).toBe(false);
    expect(codes(scan.errors)).toEqual(['NO_DATA_AFTER_IDENTIFIER']);
  });
});

describe('separators as they really arrive', () => {
  test('a leading GS (FNC1 in first position) is accepted', () => {
    const scan = parse(`${GS}01${GTIN}10ABC`);
    expect(scan.ok).toBe(true);
    expect(scan.batch).toBe('ABC');
  });

  test('a GS after a predefined-length AI is accepted', () => {
    const scan = parse(`]d201${GTIN}${GS}17290630${GS}10ABC`);
    expect(scan.ok).toBe(true);
    expect(pairs(scan)).toEqual([
      ['01', GTIN],
      ['17', '290630'],
      ['10', 'ABC'],
    ]);
  });

  test('a trailing GS is accepted', () => {
    const scan = parse(`]d201${GTIN}10ABC${GS}`);
    expect(scan.ok).toBe(true);
    expect(scan.warnings).toEqual([]);
  });

  test('a doubled GS is a warning', () => {
    const scan = parse(`]d201${GTIN}10ABC${GS}${GS}21XYZ`);
    expect(scan.ok).toBe(true);
    expect(scan.serial).toBe('XYZ');
    expect(codes(scan.warnings)).toEqual(['GS1_SEPARATOR_DOUBLED']);
  });

  test('the trailing CR/LF of a keyboard-wedge scanner is ignored', () => {
    expect(parse(`]d201${GTIN}10ABC\r\n`).batch).toBe('ABC');
  });

  test('the bracketed human-readable form', () => {
    const scan = parse(`(01)${GTIN}(17)290630(10)12\\(3)(21)S1`);
    expect(scan.ok).toBe(true);
    expect(pairs(scan)).toEqual([
      ['01', GTIN],
      ['17', '290630'],
      ['10', '12(3)'],
      ['21', 'S1'],
    ]);
  });
});

describe('a separator that seems to be missing', () => {
  test('a batch ending in 17 + a valid date is read as sent, with a warning', () => {
    const scan = parse(`]d201${GTIN}10AB1217290630`);
    expect(scan.ok).toBe(true);
    expect(scan.batch).toBe('AB1217290630');
    expect(scan.expiry).toBeUndefined();
    const warning = scan.warnings.find((w) => w.code === 'GS1_SEPARATOR_POSSIBLY_MISSING');
    expect(warning).toMatchObject({ ai: '10', position: 25, params: { text: '17290630', nextAi: '17' } });
    expect(warning?.message).toContain('expiry date (17)');
  });

  test('a serial swallowing expiry and batch is warned about', () => {
    const scan = parse(`]d201${GTIN}21XYZ172906301012`);
    expect(scan.serial).toBe('XYZ172906301012');
    expect(codes(scan.warnings)).toContain('GS1_SEPARATOR_POSSIBLY_MISSING');
  });

  test('no warning when the tail is not a valid date', () => {
    const scan = parse(`]d201${GTIN}10AB1217291399`);
    expect(scan.warnings).toEqual([]);
  });

  test('a value longer than allowed with more data after it is an error, not a split', () => {
    const scan = parse(`]d201${GTIN}10ABCDEFGHIJKLMNOPQRST17290630`);
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({ code: 'GS1_VALUE_TOO_LONG', ai: '10', position: 21 });
    expect(scan.batch).toBeUndefined();
  });
});

describe('validation', () => {
  test('GTIN check digit', () => {
    const scan = parse(`]d20109506000134353`);
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({
      code: 'GS1_CHECK_DIGIT',
      ai: '01',
      position: 18,
      params: { expected: '2' },
    });
    expect(scan.gtin).toBeUndefined();
  });

  test('SSCC and GLN check digits', () => {
    expect(parse(`]C100095060000000000015`).ok).toBe(true);
    expect(codes(parse(`]C100095060000000000016`).errors)).toEqual(['GS1_CHECK_DIGIT']);
    expect(parse(`]C14140950600013435${GS}`).errors.map((e) => e.ai)).toEqual(['414']);
  });

  test('month 13 is an error at the month', () => {
    const scan = parse(`]d201${GTIN}17291330`);
    expect(scan.ok).toBe(false);
    expect(scan.errors).toHaveLength(1);
    expect(scan.errors[0]).toMatchObject({
      code: 'GS1_INVALID_MONTH',
      position: 23,
      length: 2,
      lintCode: 'ILLEGAL_MONTH',
    });
    expect(scan.errors[0]?.message).toBe('Expiry date (17) has month 13, which does not exist.');
    expect(scan.expiry).toBeUndefined();
  });

  test('31 April is an error', () => {
    expect(codes(parse(`]d201${GTIN}17290431`).errors)).toEqual(['GS1_INVALID_DAY']);
  });

  test.each([
    ['280200', '2028-02-29'],
    ['270200', '2027-02-28'],
    ['290400', '2029-04-30'],
    ['291200', '2029-12-31'],
  ])('day 00 in %s is the last day of the month, %s, with a warning', (raw, date) => {
    const scan = parse(`]d201${GTIN}17${raw}`);
    expect(scan.ok).toBe(true);
    expect(scan.expiry).toEqual({ date, dayWasZero: true, raw });
    expect(codes(scan.warnings)).toEqual(['EXPIRY_DAY_ZERO']);
  });

  test('the century rule follows `today`', () => {
    // Reference year 2026: YY − 26 from 51 to 99 is the previous century, down to −50 the next.
    expect(parse(`]d201${GTIN}17760101`).expiry?.date).toBe('2076-01-01');
    expect(parse(`]d201${GTIN}17770101`).expiry?.date).toBe('1977-01-01');
    const late = new Date('2080-06-01T12:00:00Z');
    expect(parse(`]d201${GTIN}17300101`, late).expiry?.date).toBe('2130-01-01');
    expect(parse(`]d201${GTIN}17310101`, late).expiry?.date).toBe('2031-01-01');
  });

  test('29 February of 2100 (not a leap year) is an error when the century rule gives 2100', () => {
    const in2090 = new Date('2090-01-01T12:00:00Z');
    expect(codes(parse(`]d201${GTIN}17000229`, in2090).errors)).toEqual(['GS1_INVALID_DAY']);
    expect(parse(`]d201${GTIN}17000229`).expiry?.date).toBe('2000-02-29');
    expect(parse(`]d201${GTIN}17000200`, in2090).expiry?.date).toBe('2100-02-28');
  });

  test('character sets per the dictionary', () => {
    const scan = parse(`(01)${GTIN}(10)AB CD`);
    expect(scan.errors[0]).toMatchObject({ code: 'GS1_INVALID_CHARACTER', ai: '10', params: { char: ' ' } });
    expect(codes(parse(`(01)0950600013435X`).errors)).toEqual(['GS1_NOT_NUMERIC']);
  });

  test('lengths per the dictionary', () => {
    expect(codes(parse(`(01)${GTIN}(10)ABCDEFGHIJKLMNOPQRSTU`).errors)).toEqual(['GS1_VALUE_TOO_LONG']);
    expect(codes(parse(`]d2010950600013435`).errors)).toEqual(['GS1_VALUE_TOO_SHORT']);
    expect(codes(parse(`(01)${GTIN}(10)`).errors)).toEqual(['GS1_VALUE_MISSING']);
  });

  test('country and currency codes', () => {
    expect(codes(parse(`(01)${GTIN}(422)999`).errors)).toEqual(['GS1_INVALID_COUNTRY']);
    expect(parse(`(01)${GTIN}(422)752`).ok).toBe(true);
    expect(codes(parse(`(01)${GTIN}(3912)000100`).errors)).toEqual(['GS1_INVALID_CURRENCY']);
    expect(parse(`(01)${GTIN}(3912)752100`).errors).toEqual([]);
  });

  test('an unknown AI is an error with its position', () => {
    const scan = parse(`]d201${GTIN}891234`);
    expect(scan.ok).toBe(false);
    expect(scan.errors).toEqual([
      expect.objectContaining({
        code: 'GS1_UNKNOWN_AI',
        position: 19,
        params: expect.objectContaining({ text: '89' }),
      }),
    ]);
    expect(scan.errors[0]?.message).toBe('Unknown AI at character 20: no GS1 Application Identifier starts with "89".');
  });

  test('data ending inside an AI', () => {
    expect(codes(parse(`]d201${GTIN}7`).errors)).toEqual(['GS1_TRUNCATED_AI']);
  });
});

describe("the dictionary's pairing rules", () => {
  test('req= gives a warning, not an error', () => {
    const scan = parse(`]d210ABC${GS}17290630`);
    expect(scan.ok).toBe(true);
    expect(codes(scan.warnings)).toEqual(['GS1_REQUIRED_AI_MISSING', 'GS1_REQUIRED_AI_MISSING']);
    expect(scan.warnings[0]?.message).toBe(
      'Batch number (10) should be accompanied by one of: (01), (02), (03), (8006), (8026).',
    );
  });

  test('ex= gives a warning', () => {
    const scan = parse(`]d201${GTIN}02${GTIN}37${'12'}`);
    expect(scan.ok).toBe(true);
    expect(codes(scan.warnings)).toContain('GS1_AIS_EXCLUSIVE');
  });

  test('a case label (00) + (02) + (37) satisfies its rules', () => {
    const scan = parse(`]C100095060000000000015020950600013435237120${GS}10LOT1`);
    expect(scan.ok).toBe(true);
    expect(scan.warnings).toEqual([]);
    expect(scan.sscc).toBe('095060000000000015');
    expect(scan.gtin).toBe(GTIN);
    expect(scan.gtinAi).toBe('02');
    expect(scan.quantity).toBe(120);
  });

  test('the same AI twice with different values is an error', () => {
    const scan = parse(`(01)${GTIN}(10)A(10)B`);
    expect(scan.ok).toBe(false);
    expect(codes(scan.errors)).toEqual(['GS1_AI_REPEATED_DIFFERENTLY']);
  });
});

describe('national numbers and normalised extras', () => {
  test('an NTIN 0704626VVVVVVC gives the Nordic article number (Vnr)', () => {
    const scan = parse(`]d201${NTIN}17290630`);
    expect(scan.gtin).toBe(NTIN);
    expect(scan.vnr).toBe('123456');
    expect(parse(`]d201${GTIN}`).vnr).toBeUndefined();
  });

  test('AI 7001 gives the NATO stock number', () => {
    const scan = parse(`]d201${GTIN}70016515012345678${GS}10L1`);
    expect(scan.ok).toBe(true);
    expect(scan.nsn).toBe('6515012345678');
  });

  test.each(['710', '711', '712', '713', '714', '715', '716', '717'])('AI %s gives the national code', (ai) => {
    const scan = parse(`]d201${GTIN}${ai}12345678${GS}17290630`);
    expect(scan.ok).toBe(true);
    expect(scan.nationalCode).toEqual({ ai, value: '12345678' });
  });

  test('AI 30 gives the quantity', () => {
    expect(parse(`]d201${GTIN}3025`).quantity).toBe(25);
  });
});

describe('GS1 Digital Link', () => {
  const elementString = parse(`]d201${GTIN}10ABC${GS}21XYZ${GS}17290630`);

  test('gives the same elements as the element string would', () => {
    const scan = parse(`https://id.gs1.org/01/${GTIN}/10/ABC/21/XYZ?17=290630`);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('gs1-digital-link');
    expect(scan.elements).toEqual(elementString.elements);
    expect(scan.expiry).toEqual(elementString.expiry);
  });

  test('any host, a path prefix, upper-case scheme, percent-decoding and other parameters', () => {
    const scan = parse(`HTTPS://brand.example.com/products/eu/01/${GTIN}/10/A%2FB%2d1?utm=x&17=290630#top`);
    expect(scan.ok).toBe(true);
    expect(pairs(scan)).toEqual([
      ['01', GTIN],
      ['10', 'A/B-1'],
      ['17', '290630'],
    ]);
  });

  test('a mixed-case scheme is refused', () => {
    const scan = parse(`HtTpS://id.gs1.org/01/${GTIN}`);
    expect(scan.ok).toBe(false);
    expect(codes(scan.errors)).toEqual(['DL_MIXED_CASE_SCHEME']);
  });

  test('qualifiers in the wrong order are refused', () => {
    const scan = parse(`https://id.gs1.org/01/${GTIN}/21/XYZ/10/ABC`);
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({ code: 'DL_BAD_QUALIFIER', ai: '10' });
  });

  test('a qualifier given as a query parameter is refused', () => {
    expect(codes(parse(`https://id.gs1.org/01/${GTIN}?10=ABC`).errors)).toEqual(['DL_QUALIFIER_IN_QUERY']);
  });

  test('a GTIN-13 in the path is padded, with a warning', () => {
    const scan = parse('https://example.com/01/9506000134352');
    expect(scan.gtin).toBe(GTIN);
    expect(codes(scan.warnings)).toEqual(['DL_ZERO_SUPPRESSED_GTIN']);
  });

  test('a bad check digit in the URI is reported like in an element string', () => {
    expect(codes(parse('https://example.com/01/09506000134353').errors)).toEqual(['GS1_CHECK_DIGIT']);
  });

  test('a web address without a GS1 key', () => {
    expect(codes(parse('https://example.com/about').errors)).toEqual(['DL_NO_PRIMARY_KEY']);
  });
});

describe('EAN and UPC', () => {
  test.each([
    ['5901234123457', '05901234123457'],
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    [']E05901234123457', '05901234123457'],
    [']E496385074', '00000096385074'],
  ])('%s → GTIN %s', (raw, gtin) => {
    const scan = parse(raw);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('ean-upc');
    expect(scan.gtin).toBe(gtin);
  });

  test('UPC-E is expanded to UPC-A before its check digit is verified', () => {
    // 0123456|5 → UPC-A 0 12345 00006 5
    const scan = parse(']E001234565');
    expect(scan.ok).toBe(true);
    expect(scan.gtin).toBe('00012345000065');
    expect(codes(parse(']E001234564').errors)).toEqual(['EAN_CHECK_DIGIT']);
  });

  test('a wrong EAN-13 check digit is an error with the expected digit', () => {
    const scan = parse('5901234123458');
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({ code: 'EAN_CHECK_DIGIT', position: 12, params: { expected: '7' } });
  });

  test('an EAN with a GS1 composite component', () => {
    const scan = parse(`]E05901234123457|]e010LOT1${GS}17290630`);
    expect(scan.ok).toBe(true);
    expect(scan.gtin).toBe('05901234123457');
    expect(scan.batch).toBe('LOT1');
  });

  test('ITF-14: fourteen digits with a valid check digit', () => {
    expect(parse(`]I1${GTIN}`).gtin).toBe(GTIN);
  });
});

describe('HIBC', () => {
  test('primary: +A123BJC5D6E71 has check character G', () => {
    const scan = parse('+A123BJC5D6E71G');
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('hibc');
    expect(scan.hibc).toEqual({ labelerId: 'A123', productNumber: 'BJC5D6E7', unitOfMeasure: 1, structure: 'primary' });
  });

  test('a wrong check character is an error naming the right one', () => {
    const scan = parse('+A123BJC5D6E71H');
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({ code: 'HIBC_CHECK_CHARACTER', position: 14, params: { expected: 'G' } });
  });

  test('secondary: expiry YYMMDD and lot, linked to the primary by its check character', () => {
    const scan = parse('+$$3290630LOT123GN');
    expect(scan.ok).toBe(true);
    expect(scan.hibc).toEqual({ structure: 'secondary', linkCharacter: 'G' });
    expect(scan.batch).toBe('LOT123');
    expect(scan.expiry).toEqual({ date: '2029-06-30', dayWasZero: false, raw: '290630' });
    expect(codes(scan.warnings)).toEqual(['HIBC_SECONDARY_ONLY']);
  });

  test('concatenated primary and secondary', () => {
    const scan = parse('+A123BJC5D6E71/$$3290630LOT123M');
    expect(scan.ok).toBe(true);
    expect(scan.hibc?.structure).toBe('concatenated');
    expect(scan.hibc?.labelerId).toBe('A123');
    expect(scan.batch).toBe('LOT123');
    expect(scan.expiry?.date).toBe('2029-06-30');
  });

  test('malformed HIBC data is explained', () => {
    expect(codes(parse('+a123BJC5D6E71G').errors)).toEqual(['HIBC_INVALID_CHARACTER']);
    expect(codes(parse('+$$3291340LOT1G0').errors)).toEqual(['HIBC_CHECK_CHARACTER']);
    // Month 13, with a correct check character (H).
    expect(parse('+$$3291340LOT1GH').errors[0]).toMatchObject({ code: 'HIBC_INVALID_DATE', params: { raw: '291340' } });
    expect(codes(parse('+A1').errors)).toEqual(['HIBC_MALFORMED']);
  });

  test.each([
    [
      '+A123BJC5D6E71/$$0629LOT1B',
      { batch: 'LOT1', expiry: { date: '2029-06-30', dayWasZero: false, monthOnly: true, raw: '0629' } },
    ],
    [
      '+A123BJC5D6E71/$$+3290630SER9I',
      { serial: 'SER9', expiry: { date: '2029-06-30', dayWasZero: false, raw: '290630' } },
    ],
    ['+A123BJC5D6E71/$$8053290630LOT1U', { quantity: 5, batch: 'LOT1' }],
    ['+A123BJC5D6E71/$LOT96', { batch: 'LOT9' }],
    ['+A123BJC5D6E71/29181LOT7T', { batch: 'LOT7', expiry: { date: '2029-06-30', dayWasZero: false, raw: '29181' } }],
    ['+A123BJC5D6E71/$$3290630LOT1/S12345E', { batch: 'LOT1', serial: '12345' }],
    [
      '+A123BJC5D6E71/$$3290630LOT1/14D20290701A',
      { expiry: { date: '2029-07-01', dayWasZero: false, raw: '20290701' } },
    ],
  ])('%s', (raw, expected) => {
    const scan = parse(raw);
    expect(scan.errors).toEqual([]);
    expect(scan).toMatchObject(expected);
  });
});

describe('IFA PPN (ISO/IEC 15434 format 06)', () => {
  const RS = '\x1e';
  const EOT = '\x04';
  const ppnScan = `]d1[)>${RS}06${GS}9N110375286414${GS}1TABC123${GS}D290630${GS}S12345XYZ${RS}${EOT}`;

  test('9N, 1T, D and S become the same normalised fields as GS1 data', () => {
    const scan = parse(ppnScan);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('ppn');
    expect(scan.ppn).toBe('110375286414');
    expect(scan.batch).toBe('ABC123');
    expect(scan.serial).toBe('12345XYZ');
    expect(scan.expiry).toEqual({ date: '2029-06-30', dayWasZero: false, raw: '290630' });
    // The PZN is the German national number (AI 710); its NTIN is 4150 + PZN + check digit.
    expect(scan.nationalCode).toEqual({ ai: '710', value: '03752864' });
    expect(scan.gtin).toBe('04150037528643');
  });

  test('without identifier and without the RS/EOT trailer', () => {
    const scan = parse(`[)>${RS}06${GS}9N110375286414${GS}1TABC123`);
    expect(scan.ok).toBe(true);
    expect(scan.batch).toBe('ABC123');
  });

  test('a wrong PPN check is an error with the right digits', () => {
    const scan = parse(`[)>${RS}06${GS}9N110375286415${GS}1TABC123${RS}${EOT}`);
    expect(scan.ok).toBe(false);
    expect(scan.errors[0]).toMatchObject({ code: 'PPN_CHECK_DIGITS', params: { expected: '14' } });
  });

  test('bad fields are named like the GS1 fields they correspond to', () => {
    const scan = parse(`[)>${RS}06${GS}9N110375286414${GS}1TAB C${GS}D291340`);
    expect(codes(scan.errors)).toEqual(['PPN_INVALID_VALUE', 'PPN_INVALID_VALUE']);
    expect(scan.errors[1]?.message).toBe(
      'The expiry date in the IFA code is not valid ("291340" is not a date in the form YYMMDD).',
    );
    expect(codes(parse(`[)>${RS}069N110375286414`).errors)).toEqual(['PPN_MALFORMED']);
    expect(codes(parse(`[)>${RS}06${GS}1TABC`).errors)).toEqual(['PPN_NO_PRODUCT']);
  });

  test('format 05 carries GS1 element strings', () => {
    const scan = parse(`[)>${RS}05${GS}01${GTIN}10LOT1${RS}${EOT}`);
    expect(scan.ok).toBe(true);
    expect(scan.scheme).toBe('gs1');
    expect(scan.batch).toBe('LOT1');
  });
});

describe('unreadable input', () => {
  test('an empty scan', () => {
    expect(codes(parse('').errors)).toEqual(['EMPTY_SCAN']);
  });

  test('text that is no known format', () => {
    const scan = parse('hello world');
    expect(scan.ok).toBe(false);
    expect(scan.scheme).toBe('unknown');
    expect(codes(scan.errors)).toEqual(['UNRECOGNISED_FORMAT']);
  });

  test('defaults `today` to the current date', () => {
    expect(parseScan(`]d201${GTIN}17290630`).expiry?.date).toBe('2029-06-30');
  });
});
