import type { MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import { OLDEST_UNSENT_HEADER } from '../../domain/auth/api.ts';
import { APP_VERSION_HEADER } from '../../domain/sync-protocol.ts';
import { apiError } from '../api/errors.ts';
import type { AuthStore } from '../storage/auth-store.ts';
import type { AuthEnv } from './context.ts';

/** The device list needs the last contact to the minute, not a write per push: at most one per device this often. */
export const CONTACT_WRITE_INTERVAL_MS = 30_000;

interface Contact {
  appVersion: string | null;
  oldestUnsentAt: string | null;
}

/**
 * Keeps each enrolled device's last contact, app version and oldest unsent count (what supervisors
 * see in the device list). Writes are throttled per device in this process's memory, except when
 * the app version or the oldest unsent count changed: those are written at once.
 */
export class DeviceContactRecorder {
  private readonly written = new Map<string, Contact & { atMs: number }>();

  constructor(
    private readonly auth: AuthStore,
    private readonly intervalMs = CONTACT_WRITE_INTERVAL_MS,
  ) {}

  async record(deviceId: string, contact: Contact, nowMs = Date.now()): Promise<void> {
    const last = this.written.get(deviceId);
    const changed = !last || last.appVersion !== contact.appVersion || last.oldestUnsentAt !== contact.oldestUnsentAt;
    if (!changed && nowMs - last.atMs < this.intervalMs) return;
    await this.auth.recordDeviceContact(deviceId, { at: new Date(nowMs).toISOString(), ...contact });
    this.written.set(deviceId, { ...contact, atMs: nowMs });
  }
}

const oldestUnsentSchema = z.iso.datetime({ offset: false });

/**
 * After requireDevice on the sync routes: records the contact. The Lagerkoll-Oldest-Unsent header
 * is an ISO instant, or absent when the device has nothing unsent; anything else is a 400.
 */
export function recordContact(recorder: DeviceContactRecorder): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const device = c.get('device');
    const header = c.req.header(OLDEST_UNSENT_HEADER)?.trim();
    const oldest = header ? oldestUnsentSchema.safeParse(header) : null;
    if (oldest && !oldest.success) {
      return apiError(
        c,
        400,
        'invalid_request',
        `The ${OLDEST_UNSENT_HEADER} header must be an ISO instant (2026-11-22T10:00:00.000Z), or absent when nothing is unsent.`,
      );
    }
    if (device) {
      await recorder.record(device.deviceId, {
        appVersion: c.req.header(APP_VERSION_HEADER)?.slice(0, 64) ?? null,
        oldestUnsentAt: oldest?.success ? new Date(oldest.data).toISOString() : null,
      });
    }
    await next();
  };
}
