import { describe, expect, it } from 'vitest';
import { barcodeSvg } from '../../../src/ui/coordinator/barcode-svg.ts';

describe('location label barcodes', () => {
  it('draws Code 128 as SVG that may stretch to the label, with its quiet zone inside the drawing', () => {
    const svg = barcodeSvg('SSL-MITT-R1-H1', 'code128');
    expect(svg).toMatch(/^<svg preserveAspectRatio="none" viewBox="0 0 (\d+) \d+"/);
    // 14 characters: start, 14 symbols (11 modules), check, stop (13) = 189 modules, plus 2 × 10 quiet.
    expect(svg.match(/viewBox="0 0 (\d+) /)?.[1]).toBe('209');
  });

  it('draws DataMatrix square and keeps its proportions', () => {
    const svg = barcodeSvg('SSL-MITT-R1-H1', 'datamatrix');
    const [, w, h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/) ?? [];
    expect(w).toBe(h);
    expect(svg).not.toContain('preserveAspectRatio');
  });

  it('refuses a code that the symbology cannot carry, rather than drawing something else', () => {
    expect(() => barcodeSvg('', 'code128')).toThrow();
  });
});
