/**
 * Location labels on paper: an A4 sheet of 3 × 8 labels (70 × 37 mm, the common office label
 * sheet) or one label per page on a label printer's roll (62 × 29 mm, 100 × 50 mm). All sizes in
 * millimetres; the print CSS sets the page to exactly the paper, so Print puts each label on its label.
 */

export type LabelLayoutId = 'a4-3x8' | 'roll-62x29' | 'roll-100x50';

export interface LabelLayout {
  id: LabelLayoutId;
  page: { width: number; height: number };
  label: { width: number; height: number };
  columns: number;
  rows: number;
  /** Where the first label's top-left corner sits on the page. */
  offset: { top: number; left: number };
  /** Blank border inside each label that the printer may not reach. */
  padding: number;
}

export const LABEL_LAYOUTS: Record<LabelLayoutId, LabelLayout> = {
  // 8 × 37 = 296 mm: half a millimetre left over at the top and at the bottom.
  'a4-3x8': {
    id: 'a4-3x8',
    page: { width: 210, height: 297 },
    label: { width: 70, height: 37 },
    columns: 3,
    rows: 8,
    offset: { top: 0.5, left: 0 },
    padding: 3,
  },
  'roll-62x29': {
    id: 'roll-62x29',
    page: { width: 62, height: 29 },
    label: { width: 62, height: 29 },
    columns: 1,
    rows: 1,
    offset: { top: 0, left: 0 },
    padding: 2,
  },
  'roll-100x50': {
    id: 'roll-100x50',
    page: { width: 100, height: 50 },
    label: { width: 100, height: 50 },
    columns: 1,
    rows: 1,
    offset: { top: 0, left: 0 },
    padding: 3,
  },
};

export function labelsPerPage(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** The items split into pages of the layout (an empty list makes no pages). */
export function paginate<T>(items: readonly T[], layout: LabelLayout): T[][] {
  const size = labelsPerPage(layout);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** The top-left corner (mm from the page's corner) of the label at `index` on its page, row by row. */
export function labelPosition(index: number, layout: LabelLayout): { top: number; left: number } {
  const onPage = index % labelsPerPage(layout);
  const row = Math.floor(onPage / layout.columns);
  const column = onPage % layout.columns;
  return {
    top: layout.offset.top + row * layout.label.height,
    left: layout.offset.left + column * layout.label.width,
  };
}

/**
 * The printable area inside a label, split between the barcode and two lines of text (the code and
 * the location's name) below it. Text lines are a fixed share of the height, at least 3 mm each.
 */
export function labelAreas(layout: LabelLayout): { barcode: { width: number; height: number }; textLine: number } {
  const inner = { width: layout.label.width - 2 * layout.padding, height: layout.label.height - 2 * layout.padding };
  const textLine = Math.max(3, round(inner.height * 0.16));
  return { barcode: { width: inner.width, height: round(inner.height - 2 * textLine) }, textLine };
}

/** The @page rule that makes the printed page exactly the paper, without the browser's margins. */
export function pageCss(layout: LabelLayout): string {
  return `@page { size: ${layout.page.width}mm ${layout.page.height}mm; margin: 0; }`;
}

function round(mm: number): number {
  return Math.round(mm * 10) / 10;
}
