import type { CountEvent } from '../count-event.ts';
import { activeCounts } from '../stock-take/corrections.ts';
import type { DrillBatch } from './model.ts';

export type DrillInput = Pick<
  CountEvent,
  | 'id'
  | 'kind'
  | 'corrects'
  | 'deviceId'
  | 'userId'
  | 'countedAt'
  | 'locationCode'
  | 'serial'
  | 'gtin'
  | 'batch'
  | 'expiry'
  | 'quantity'
> & { receivedAt: string };

/**
 * The batches of one product in one stock-take with the standing count events behind each: who,
 * when, on which device, where. Pass every event of the stock-take (corrections may not name the
 * product). Batches by expiry, then batch; events by the time they were counted.
 */
export function drillBatches(events: readonly DrillInput[], gtin: string): DrillBatch[] {
  const batches = new Map<string, DrillBatch>();
  for (const e of activeCounts(events)) {
    if (e.gtin !== gtin) continue;
    const key = JSON.stringify([e.batch, e.expiry]);
    const batch = batches.get(key) ?? { batch: e.batch, expiry: e.expiry, quantity: 0, events: [] };
    batch.quantity += e.quantity;
    batch.events.push({
      eventId: e.id,
      deviceId: e.deviceId,
      userId: e.userId,
      countedAt: e.countedAt,
      receivedAt: e.receivedAt,
      locationCode: e.locationCode,
      serial: e.serial,
      quantity: e.quantity,
    });
    batches.set(key, batch);
  }
  for (const batch of batches.values()) batch.events.sort((a, b) => a.countedAt.localeCompare(b.countedAt));
  return [...batches.values()].sort(
    (a, b) => (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') || (a.batch ?? '').localeCompare(b.batch ?? ''),
  );
}
