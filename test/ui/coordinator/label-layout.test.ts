import { describe, expect, it } from 'vitest';
import {
  LABEL_LAYOUTS,
  labelAreas,
  labelPosition,
  labelsPerPage,
  pageCss,
  paginate,
} from '../../../src/ui/coordinator/label-layout.ts';

const a4 = LABEL_LAYOUTS['a4-3x8'];
const roll = LABEL_LAYOUTS['roll-62x29'];

describe('label layouts', () => {
  it('fits every layout inside its page', () => {
    for (const layout of Object.values(LABEL_LAYOUTS)) {
      const last = labelPosition(labelsPerPage(layout) - 1, layout);
      expect(last.left + layout.label.width).toBeLessThanOrEqual(layout.page.width);
      expect(last.top + layout.label.height).toBeLessThanOrEqual(layout.page.height);
    }
  });

  it('places 24 labels of 70 × 37 mm on an A4 sheet, row by row, centred vertically', () => {
    expect(labelsPerPage(a4)).toBe(24);
    expect(labelPosition(0, a4)).toEqual({ top: 0.5, left: 0 });
    expect(labelPosition(2, a4)).toEqual({ top: 0.5, left: 140 });
    expect(labelPosition(3, a4)).toEqual({ top: 37.5, left: 0 });
    expect(labelPosition(23, a4)).toEqual({ top: 259.5, left: 140 });
    // The 25th label starts the next sheet at its first place.
    expect(labelPosition(24, a4)).toEqual({ top: 0.5, left: 0 });
  });

  it('splits the labels into pages: 24 a sheet, one a page on a roll', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `LOC-${i}`);
    expect(paginate(codes, a4).map((p) => p.length)).toEqual([24, 24, 2]);
    expect(paginate(codes, roll)).toHaveLength(50);
    expect(paginate([], a4)).toEqual([]);
  });

  it('sets the printed page to the paper with no margin', () => {
    expect(pageCss(a4)).toBe('@page { size: 210mm 297mm; margin: 0; }');
    expect(pageCss(roll)).toBe('@page { size: 62mm 29mm; margin: 0; }');
  });

  it('leaves the barcode most of the label and the two text lines readable', () => {
    for (const layout of Object.values(LABEL_LAYOUTS)) {
      const areas = labelAreas(layout);
      expect(areas.textLine).toBeGreaterThanOrEqual(3);
      expect(areas.barcode.height + 2 * areas.textLine).toBeCloseTo(layout.label.height - 2 * layout.padding, 5);
      expect(areas.barcode.height).toBeGreaterThan(layout.label.height / 2 - layout.padding);
    }
  });
});
