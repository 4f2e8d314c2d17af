import { v4 as uuidv4 } from 'uuid';
import type { LagerkollDb } from './db.ts';

export interface DeviceState {
  deviceId: string;
  /** The sequence number the next count event gets. */
  nextSeq: number;
}

const DEVICE_KEY = 'device';

/**
 * The device's identity and counter. Call inside a read-write transaction on `meta` so that the
 * sequence number is handed out in the same transaction as the event that uses it.
 */
export async function readOrCreateDevice(db: LagerkollDb): Promise<DeviceState> {
  const row = await db.meta.get(DEVICE_KEY);
  if (row) return row.value as DeviceState;
  const device: DeviceState = { deviceId: uuidv4(), nextSeq: 1 };
  await db.meta.put({ key: DEVICE_KEY, value: device });
  return device;
}

export async function saveDevice(db: LagerkollDb, device: DeviceState): Promise<void> {
  await db.meta.put({ key: DEVICE_KEY, value: device });
}

/** The device id when one has been made; reads only, so it may run inside a live query. */
export async function readDeviceId(db: LagerkollDb): Promise<string | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return row ? (row.value as DeviceState).deviceId : null;
}

/** The device id, made on first use and kept for the life of the installation. */
export async function getDeviceId(db: LagerkollDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => (await readOrCreateDevice(db)).deviceId);
}
