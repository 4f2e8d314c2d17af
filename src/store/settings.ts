import { DEFAULT_NEAR_EXPIRY_DAYS } from '../domain/stock-take/expiry.ts';
import type { LagerkollDb } from './db.ts';

export interface DeviceSettings {
  /** Sounds and vibration on scan. */
  sounds: boolean;
  /** Packs expiring within this many days are flagged amber. */
  nearExpiryDays: number;
  /** A character a keyboard-wedge scanner sends in place of GS (0x1D), e.g. `~` or `|`; empty for none. */
  gsSubstitute: string;
}

export const DEFAULT_SETTINGS: DeviceSettings = {
  sounds: true,
  nearExpiryDays: DEFAULT_NEAR_EXPIRY_DAYS,
  gsSubstitute: '',
};

const SETTINGS_KEY = 'settings';

export async function readSettings(db: LagerkollDb): Promise<DeviceSettings> {
  const row = await db.meta.get(SETTINGS_KEY);
  return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<DeviceSettings> | undefined) };
}

export async function saveSettings(db: LagerkollDb, patch: Partial<DeviceSettings>): Promise<DeviceSettings> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readSettings(db)), ...patch };
    await db.meta.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
}
