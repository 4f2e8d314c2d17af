import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountEvent, countEventSchema } from '../../src/domain/count-event.ts';
import { upgradeCountEvent } from '../../src/domain/count-event-upgrade.ts';
import { canonicalEventJson } from '../../src/server/storage/event-store.ts';
import { makeDeviceId, makeEvents } from '../support/events.ts';

/** The formula payloads have been stored with since the first release: a stored payload must still compare equal. */
const sortedKeysJson = (event: CountEvent) => JSON.stringify(event, Object.keys(event).sort());

describe('canonicalEventJson', () => {
  it('writes exactly what the sorted-keys formula wrote, for any current event', () => {
    const [template] = makeEvents(makeDeviceId(), 1) as [CountEvent];
    expect(Object.keys(template).sort()).toEqual(Object.keys(JSON.parse(canonicalEventJson(template))));
    fc.assert(
      fc.property(
        fc.record({
          quantity: fc.nat(1000),
          raw: fc.string({ minLength: 1, maxLength: 30 }),
          batch: fc.option(fc.string({ maxLength: 20 })),
          serial: fc.option(fc.string({ maxLength: 20 })),
          kind: fc.constantFrom('count', 'void'),
        }),
        (fields) => {
          const event = countEventSchema.parse({ ...template, ...fields });
          expect(canonicalEventJson(event)).toBe(sortedKeysJson(event));
          // Key order of the object does not matter.
          const shuffled = Object.fromEntries(Object.entries(event).reverse()) as CountEvent;
          expect(canonicalEventJson(shuffled)).toBe(sortedKeysJson(event));
        },
      ),
    );
  });

  it('gives an upgraded first-format event the same string as the same event sent in the current format', () => {
    const [current] = makeEvents(makeDeviceId(), 1) as [CountEvent];
    const { id, deviceId, seq, countedAt, raw, gtin, quantity } = current;
    const upgraded = upgradeCountEvent({ id, deviceId, seq, countedAt, raw, gtin, quantity });
    expect(canonicalEventJson(upgraded)).toBe(sortedKeysJson(upgraded));
  });
});
