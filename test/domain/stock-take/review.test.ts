import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../../src/domain/reference-data.ts';
import { daysBetween, expiryStatus } from '../../../src/domain/stock-take/expiry.ts';
import { reviewToCsv } from '../../../src/domain/stock-take/export.ts';
import { buildReview } from '../../../src/domain/stock-take/review.ts';
import { ev, voidOf } from './fixtures.ts';

const TODAY = '2026-11-22';
const TXA = '07046261000000';
const FIB = '09506000100739';
const KET = '09506000101460';

const expectations: Expectation[] = [
  { id: 'x1', stockTakeId: 'st-1', locationCode: 'R1-H1', gtin: TXA, batch: 'B1', quantity: 10 },
  { id: 'x2', stockTakeId: 'st-1', locationCode: 'R1-H1', gtin: TXA, batch: 'B2', quantity: 4 },
  { id: 'x3', stockTakeId: 'st-1', locationCode: 'R1-H2', gtin: KET, batch: null, quantity: 6 },
];

function sampleEvents() {
  const a = ev({ gtin: TXA, batch: 'B1', expiry: '2027-06-30', quantity: 8, locationCode: 'R1-H1' });
  const b = ev({ gtin: TXA, batch: 'B1', expiry: '2027-06-30', quantity: 3, locationCode: 'R1-H2' });
  const c = ev({ gtin: TXA, batch: 'B2', expiry: '2026-10-31', quantity: 4, locationCode: 'R1-H1' });
  const d = ev({ gtin: FIB, batch: 'F9', expiry: '2027-01-15', serial: 'S1', quantity: 1, locationCode: 'R1-H1' });
  const mistake = ev({ gtin: FIB, batch: 'F9', expiry: '2027-01-15', quantity: 99, locationCode: 'R1-H1' });
  return [a, b, c, d, mistake, voidOf(mistake)];
}

describe('expiryStatus', () => {
  it('is expired from the day after the expiry date, near within the threshold, else ok', () => {
    expect(expiryStatus('2026-11-21', TODAY)).toBe('expired');
    expect(expiryStatus('2026-11-22', TODAY)).toBe('near');
    expect(expiryStatus('2027-02-20', TODAY)).toBe('near'); // 90 days
    expect(expiryStatus('2027-02-21', TODAY)).toBe('ok');
    expect(expiryStatus('2027-02-21', TODAY, 120)).toBe('near');
    expect(expiryStatus(null, TODAY)).toBe('unknown');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('buildReview', () => {
  it('groups standing counts by product, then batch and expiry, with totals', () => {
    const review = buildReview(sampleEvents(), { mode: 'blind', today: TODAY });
    expect(review.totalPacks).toBe(16);
    expect(review.lines.map((l) => [l.gtin, l.quantity])).toEqual([
      [TXA, 15],
      [FIB, 1],
    ]);
    const txa = review.lines[0];
    expect(txa?.batches.map((b) => [b.batch, b.expiry, b.quantity, b.locationCodes, b.expiryStatus])).toEqual([
      ['B2', '2026-10-31', 4, ['R1-H1'], 'expired'],
      ['B1', '2027-06-30', 11, ['R1-H1', 'R1-H2'], 'ok'],
    ]);
    expect(review.expired).toEqual([
      { gtin: TXA, batch: 'B2', expiry: '2026-10-31', quantity: 4, locationCodes: ['R1-H1'] },
    ]);
    expect(review.nearExpiry.map((p) => p.gtin)).toEqual([FIB]);
  });

  it('summarises one location', () => {
    const review = buildReview(sampleEvents(), { mode: 'blind', today: TODAY, locationCode: 'R1-H2' });
    expect(review.totalPacks).toBe(3);
  });

  it('in guided mode shows expected quantities and differences, including expected products not found', () => {
    const review = buildReview(sampleEvents(), { mode: 'guided', expectations, today: TODAY });
    if (review.mode !== 'guided') throw new Error('expected a guided review');
    expect(review.totalExpected).toBe(20);
    const byGtin = new Map(review.lines.map((l) => [l.gtin, l]));
    expect(byGtin.get(TXA)).toMatchObject({ quantity: 15, expected: 14, difference: 1 });
    expect(byGtin.get(TXA)?.batches.map((b) => [b.batch, b.expected, b.difference])).toEqual([
      ['B2', 4, 0],
      ['B1', 10, 1],
    ]);
    expect(byGtin.get(KET)).toMatchObject({ quantity: 0, expected: 6, difference: -6, batches: [] });
    expect(byGtin.get(FIB)).toMatchObject({ quantity: 1, expected: 0, difference: 1 });
  });

  it('in blind mode never carries an expected quantity, even when expectations are passed', () => {
    const review = buildReview(sampleEvents(), { mode: 'blind', expectations, today: TODAY });
    const json = JSON.stringify(review);
    expect(json).not.toMatch(/expected|difference/i);
    expect(review.lines.map((l) => l.gtin)).not.toContain(KET); // not even as a zero line
    const csv = reviewToCsv(review, () => 'x', 'sv');
    expect(csv).not.toMatch(/Förväntat|Avvikelse/);
    expect(csv.split('\r\n')[0]?.split(';')).toHaveLength(6);
  });
});

describe('reviewToCsv', () => {
  it('writes Swedish-Excel CSV: BOM, semicolons, CRLF, ISO dates, quoted fields', () => {
    const review = buildReview(sampleEvents(), { mode: 'guided', expectations, today: TODAY });
    const csv = reviewToCsv(review, (gtin) => (gtin === TXA ? 'Tranexamsyra; 100 mg/ml' : 'Okänd "produkt"'), 'sv');
    expect(
      csv.startsWith('\uFEFFGTIN;Produkt;Batchnummer;Utgångsdatum;Lagerplatser;Antal;Förväntat antal;Avvikelse\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toContain(`${TXA};"Tranexamsyra; 100 mg/ml";B1;2027-06-30;R1-H1, R1-H2;11;10;1`);
    expect(lines).toContain(`${KET};"Okänd ""produkt""";;;;0;6;-6`);
  });

  it('neutralises spreadsheet formulas in text fields', () => {
    const review = buildReview([ev({ batch: '=HYPERLINK("x")' })], { mode: 'blind', today: TODAY });
    expect(reviewToCsv(review, () => '+cmd', 'en')).toContain(`;'+cmd;"'=HYPERLINK(""x"")";`);
  });
});
