import type { DeviceSummary } from '../../../domain/auth/api.ts';

/**
 * The order of the device list: active devices before revoked ones; among them, the oldest unsent
 * count first (the device to chase), devices with nothing waiting after, then by label.
 */
export function devicesByUrgency(devices: readonly DeviceSummary[]): DeviceSummary[] {
  return [...devices].sort((a, b) => {
    const revoked = Number(a.revokedAt !== null) - Number(b.revokedAt !== null);
    if (revoked !== 0) return revoked;
    if (a.oldestUnsentAt !== b.oldestUnsentAt) {
      if (a.oldestUnsentAt === null) return 1;
      if (b.oldestUnsentAt === null) return -1;
      return Date.parse(a.oldestUnsentAt) - Date.parse(b.oldestUnsentAt);
    }
    return a.label.localeCompare(b.label);
  });
}
