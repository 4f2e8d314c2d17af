import { expect } from 'vitest';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import type { LagerkollDb } from '../../src/store/db.ts';
import { countPending, toWireEvent } from '../../src/store/events.ts';
import { type PushOptions, pushPending, SyncError } from '../../src/sync/push.ts';

/** Pushes until nothing is pending, retrying what the protocol says to retry; fails after `maxAttempts`. */
export async function pushUntilDone(db: LagerkollDb, options: PushOptions, maxAttempts = 200): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await pushPending(db, options);
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable) throw error;
    }
    if ((await countPending(db)) === 0) return attempt;
  }
  throw new Error(`Still ${await countPending(db)} pending after ${maxAttempts} attempts`);
}

/** Nothing lost, nothing doubled: the server holds exactly the device's events, with the same content. */
export async function expectServerHoldsExactly(store: EventStore, devices: readonly LagerkollDb[]): Promise<void> {
  let total = 0;
  for (const db of devices) {
    const local = (await db.events.orderBy('seq').toArray()).map(toWireEvent);
    const deviceId = local[0]?.deviceId;
    if (!deviceId) continue;
    const stored = (await store.eventsOfDevice(deviceId)).map((r) => r.event);
    expect(stored.length, `events stored for device ${deviceId}`).toBe(local.length);
    expect(stored).toEqual(local);
    expect(await countPending(db)).toBe(0);
    total += local.length;
  }
  expect(await store.countEvents(), 'events stored in all').toBe(total);
}
