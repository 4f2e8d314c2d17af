import type { CountEvent } from '../../../src/domain/count-event.ts';

let counter = 0;
/** A count event of format 2 with sensible defaults; ids are valid UUIDv7 and increase. */
export function ev(fields: Partial<CountEvent> = {}): CountEvent {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    id: `019aa0c0-0000-7000-8000-${hex}`,
    deviceId: '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d6e',
    seq: counter,
    countedAt: new Date(Date.UTC(2026, 10, 22, 8, 0, 0) + counter * 1000).toISOString(),
    raw: '0107046261000000',
    gtin: '07046261000000',
    quantity: 1,
    schema: 2,
    kind: 'count',
    corrects: null,
    stockTakeId: 'st-1',
    locationCode: 'R1-H1',
    batch: null,
    expiry: null,
    serial: null,
    unitLevel: 'pack',
    userId: null,
    ...fields,
  };
}

export const voidOf = (target: CountEvent, fields: Partial<CountEvent> = {}) =>
  ev({
    kind: 'void',
    corrects: target.id,
    quantity: 0,
    gtin: target.gtin,
    locationCode: target.locationCode,
    ...fields,
  });
