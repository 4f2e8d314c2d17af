import { readSymbologyIdentifier } from '../gs1/aim.ts';

/**
 * The location a scanned label names, if any. A label carries the bare location code (Code 128 or
 * Data Matrix, printed by the labels screen); the camera and scanners set to send AIM symbology
 * identifiers put one in front (`]C0`, `]d1`, `]Q1`…), which is dropped — unless the identifier says
 * GS1 data, which is a product, never a label.
 */
export function locationOfLabel<L extends { code: string }>(raw: string, locations: readonly L[]): L | undefined {
  const text = raw.trim();
  const identifier = readSymbologyIdentifier(text);
  const code = identifier && identifier.mode !== 'gs1' ? text.slice(3) : text;
  return locations.find((location) => location.code === code);
}
