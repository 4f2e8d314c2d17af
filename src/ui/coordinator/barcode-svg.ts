import { code128, datamatrix, drawingSVG } from 'bwip-js/browser';

/**
 * A location label's barcode as SVG text. The counting app takes a scan as a location when the
 * scanned text equals a location's code exactly (src/ui/counting/record-scan.ts, LocationsScreen),
 * so the barcode carries the bare code: Code 128 (every hand scanner and the camera read it) or
 * DataMatrix (compact, for long codes; 2D scanners and the camera).
 * Loaded on demand: bwip-js stays out of every other screen's code.
 */
export type Symbology = 'code128' | 'datamatrix';

export function barcodeSvg(code: string, symbology: Symbology): string {
  if (symbology === 'code128') {
    // 10 modules of quiet zone on each side, part of the drawing so it scales with the bars.
    const svg = code128({ bcid: 'code128', text: code, scale: 1, height: 10, paddingwidth: 10 }, drawingSVG());
    // Bars may stretch to fill the label's barcode area: a linear code reads the same taller.
    return svg.replace('<svg ', '<svg preserveAspectRatio="none" ');
  }
  return datamatrix({ bcid: 'datamatrix', text: code, scale: 1, paddingwidth: 1, paddingheight: 1 }, drawingSVG());
}
