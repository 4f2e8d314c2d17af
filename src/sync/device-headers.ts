import { DEVICE_CREDENTIAL_HEADER, OLDEST_UNSENT_HEADER } from '../domain/auth/api.ts';
import type { LagerkollDb } from '../store/db.ts';
import { readDeviceCredential } from '../store/identity.ts';

/**
 * What an enrolled device says about itself on every sync request: its credential (the server
 * refuses sync without one), and when its oldest count not yet on the server was made, so a
 * supervisor sees a device that has been away too long with counts on board.
 */
export async function deviceHeaders(db: LagerkollDb): Promise<Record<string, string>> {
  const [credential, oldest] = await db.transaction('r', db.meta, db.events, () =>
    Promise.all([
      readDeviceCredential(db),
      db.events.where('[sync+seq]').between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER]).first(),
    ]),
  );
  const headers: Record<string, string> = {};
  if (credential) headers[DEVICE_CREDENTIAL_HEADER] = credential.credential;
  if (oldest) headers[OLDEST_UNSENT_HEADER] = oldest.countedAt;
  return headers;
}

/** The request options of a device's sync: its own headers first, then any the caller adds. */
export function withDeviceHeaders<T extends { headers?: () => Promise<Record<string, string>> }>(
  db: LagerkollDb,
  options: T,
): T {
  const extra = options.headers;
  return { ...options, headers: async () => ({ ...(await deviceHeaders(db)), ...(await extra?.()) }) };
}
