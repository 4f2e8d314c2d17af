import { drawingSVG, qrcode } from 'bwip-js/browser';

/**
 * A QR code of `text` as an SVG document, drawn by bwip-js (a maintained encoder, issue 7). Only the
 * QR encoder is imported, so the bundle does not carry bwip-js's hundred other symbologies. BWIPP's
 * default error correction (M); a white quiet zone of 4 modules (a module is 2 points × scale, the
 * padding is in points × scale), as the standard asks, so a phone camera reads it off a screen.
 */
export function qrSvg(text: string): string {
  return qrcode(
    { bcid: 'qrcode', text, scale: 4, paddingwidth: 8, paddingheight: 8, backgroundcolor: 'FFFFFF' },
    drawingSVG(),
  );
}
