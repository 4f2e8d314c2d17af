import type { CountEvent } from '../count-event.ts';
import { activeCounts } from './corrections.ts';

/**
 * A pack with a serial number is one physical pack: the same GTIN + serial counted again anywhere in
 * the stock-take is the same pack. Returns the standing count of that pack, if any.
 */
export function findCountedSerial<E extends CountEvent>(
  events: readonly E[],
  gtin: string | null,
  serial: string | null,
): E | undefined {
  if (!gtin || !serial) return undefined;
  return activeCounts(events).find((e) => e.gtin === gtin && e.serial === serial);
}
