import type { CountEvent, CountEventV1 } from './count-event.ts';

// Kept apart from the schemas in count-event.ts: the device database upgrades stored events with it
// on the first-paint path, and importing it from there would pull zod into the first paint.

/** Brings an event of any accepted format to the current one. */
export function upgradeCountEvent(event: CountEventV1 | CountEvent): CountEvent {
  if ('schema' in event) return event;
  return {
    ...event,
    schema: 2,
    kind: 'count',
    corrects: null,
    stockTakeId: null,
    locationCode: null,
    batch: null,
    expiry: null,
    serial: null,
    unitLevel: 'pack',
    userId: null,
  };
}
