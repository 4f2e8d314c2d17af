/**
 * The enrollment code in what the camera read: the QR code a supervisor shows holds the app's
 * address `…/enroll?code=XXXX-XXXX-XXXX` (so a phone's own camera opens the app with it), and a
 * plain code works too. Anything else (a product's code, another site's link) is not one: null.
 */
export function enrollmentCodeFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (/^[0-9A-Za-z]{4}([\s-]?[0-9A-Za-z]{4}){1,7}$/.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || !/\/enroll\/?$/.test(url.pathname)) return null;
  const code = url.searchParams.get('code')?.trim();
  return code ? code : null;
}
