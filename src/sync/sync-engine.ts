import { CLOCK_SKEW_TOLERANCE_MS } from '../domain/sync-protocol.ts';
import type { LagerkollDb } from '../store/db.ts';
import { countPending } from '../store/events.ts';
import { readDeviceCredential, readRevocation, saveRevocation } from '../store/identity.ts';
import { isStorageFull } from '../store/storage-full.ts';
import { retryDelayMs } from './backoff.ts';
import type { ClockSample } from './clock.ts';
import { SyncError } from './http.ts';
import { defaultLockManager, type LockManagerLike, SYNC_LOCK_NAME } from './locks.ts';
import { type PullOptions, pullAll } from './pull.ts';
import { type PushOptions, pushPending } from './push.ts';
import { INITIAL_SYNC_STATUS, pendingAgeLevel, type SyncStatus } from './status.ts';

/**
 * - idle: nothing going on (all sent, or waiting for the next trigger);
 * - syncing: a push or pull is running in this tab;
 * - offline: the server could not be reached or was busy; retried with backoff;
 * - error: the server refused the request as a whole; tried again on the next trigger;
 * - update-required: the server answered 426: the app must be updated before anything is sent;
 * - not-enrolled: no device credential yet: the server is not asked at all;
 * - revoked: the server refused the device (401 device_revoked): it is not asked again, and every
 *   count stays on the device (to be exported);
 * - storage-full: the device's storage is full, so what the sync brought could not be written;
 *   retried with backoff (a push the server took is simply taken again, by its ids).
 */
export type { SyncPhase, SyncStatus } from './status.ts';

export interface SyncEngineOptions extends PushOptions, PullOptions {
  /** Delay after a save before pushing, so a burst of scans goes in one batch. */
  afterSaveDelayMs?: number;
  /** Sync every so often while the app is visible, even without any trigger. */
  intervalMs?: number;
  random?: () => number;
  /** Cross-tab lock (default: Web Locks where the browser has them). */
  locks?: LockManagerLike;
  /** The device clock (tests simulate days passing). */
  now?: () => Date;
  /**
   * Called when counts wait for the network after a failed push. Register Background Sync here
   * (src/sync/background-sync.ts) once the app has a service worker.
   */
  onWaitingForNetwork?: () => void;
}

const LAST_CONTACT_KEY = 'sync.lastContact';
const CLOCK_OFFSET_KEY = 'sync.clockOffsetMs';
/** A clock sample taken over a slower round trip than this is too blurred to keep. */
const MAX_SAMPLE_ROUND_TRIP_MS = 5_000;

/**
 * Decides when to sync, and keeps the status the app shows. Triggers: start, the browser's
 * `online` event, the app becoming visible, a short while after each save (push only), an interval
 * while visible, and retries with backoff after a failure. A sync pushes first, then pulls: counts
 * are what must never wait. One sync at a time per tab, and one tab at a time (Web Locks); a
 * trigger during a sync runs one more right after it. `navigator.onLine` is never trusted: a
 * request that fails is the truth.
 */
export class SyncEngine {
  private status: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private againWithPull = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly cleanups: Array<() => void> = [];
  private readonly locks: LockManagerLike;
  private readonly requestOptions: SyncEngineOptions;

  constructor(
    private readonly db: LagerkollDb,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.locks = options.locks ?? defaultLockManager();
    this.requestOptions = { ...options, onClockSample: (sample) => this.noteClock(sample) };
  }

  /** Attaches the triggers and syncs once. */
  async start(): Promise<void> {
    const lastContact = (await this.db.meta.get(LAST_CONTACT_KEY))?.value;
    const offset = (await this.db.meta.get(CLOCK_OFFSET_KEY))?.value;
    this.update({
      lastContact: typeof lastContact === 'string' ? lastContact : null,
      ...clockFields(typeof offset === 'number' ? offset : null),
    });
    this.listen(globalThis, 'online', () => void this.syncNow());
    if (typeof document !== 'undefined') {
      this.listen(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') void this.syncNow();
      });
    }
    this.interval = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState === 'visible') void this.syncNow();
    }, this.options.intervalMs ?? 60_000);
    await this.syncNow();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.interval);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Call after a count is saved: pushes shortly, so that a quick run of scans travels together. */
  async noteSaved(): Promise<void> {
    await this.refreshQueue();
    this.schedule(this.options.afterSaveDelayMs ?? 2_000, false);
  }

  /**
   * Pushes, then pulls (unless `pull` is false), now or right after the sync in progress. Resolves
   * when done or failed; a failure shows in the status and is retried with backoff.
   */
  syncNow({ pull = true }: { pull?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.again = true;
      this.againWithPull ||= pull;
      return this.running;
    }
    clearTimeout(this.timer);
    this.running = this.run(pull).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(pull: boolean): Promise<void> {
    let withPull = pull;
    do {
      this.again = false;
      this.againWithPull = false;
      const ok = await this.locks.request(SYNC_LOCK_NAME, () => this.syncOnce(withPull));
      if (!ok) return;
      withPull = this.againWithPull;
    } while (this.again);
  }

  /** One sync while holding the cross-tab lock. Returns false when it failed (a retry is scheduled). */
  private async syncOnce(pull: boolean): Promise<boolean> {
    const [credential, revocation] = await Promise.all([readDeviceCredential(this.db), readRevocation(this.db)]);
    if (revocation || !credential) {
      // Nothing to try: the person must enroll the device (or it was revoked). Counts wait on it.
      await this.refreshQueue();
      this.update(
        revocation ? { phase: 'revoked', lastError: revocation.message } : { phase: 'not-enrolled', lastError: null },
      );
      return false;
    }
    this.update({ phase: 'syncing' });
    await this.refreshQueue();
    try {
      await pushPending(this.db, this.requestOptions);
      if (pull) await pullAll(this.db, this.requestOptions);
      this.attempt = 0;
      const now = this.now().toISOString();
      await this.db.meta.put({ key: LAST_CONTACT_KEY, value: now });
      this.update({ phase: 'idle', lastContact: now, lastError: null });
      await this.refreshQueue();
      return true;
    } catch (error) {
      await this.refreshQueue();
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof SyncError && error.upgradeRequired) {
        this.update({ phase: 'update-required', lastError: message });
        return false;
      }
      if (error instanceof SyncError && error.code === 'device_revoked') {
        // Kept, so the app shows it after a restart too and never asks the server again. On a full
        // disk it cannot be kept: the device is revoked for this run anyway, and the next start
        // asks once more and hears the same answer.
        await saveRevocation(this.db, { message, at: this.now().toISOString(), details: error.revocation }).catch(
          () => {},
        );
        this.update({ phase: 'revoked', lastError: message });
        return false;
      }
      const retryable = !(error instanceof SyncError) || error.retryable;
      const phase = isStorageFull(error) ? 'storage-full' : retryable ? 'offline' : 'error';
      this.update({ phase, lastError: message });
      if (retryable) {
        const retryAfterMs = error instanceof SyncError ? error.retryAfterMs : undefined;
        this.schedule(retryDelayMs(this.attempt++, { retryAfterMs, random: this.options.random }), true);
        if (phase === 'offline' && this.status.pending > 0) this.options.onWaitingForNetwork?.();
      }
      return false;
    }
  }

  /** Pending and rejected counts, and the age of the oldest pending one. */
  private async refreshQueue(): Promise<void> {
    const db = this.db;
    const [pending, rejected, oldest] = await db.transaction('r', db.events, () =>
      Promise.all([
        countPending(db),
        db.events.where('[sync+seq]').between(['rejected', 0], ['rejected', Number.MAX_SAFE_INTEGER]).count(),
        db.events.where('[sync+seq]').between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER]).first(),
      ]),
    );
    const oldestPendingAt = oldest?.countedAt ?? null;
    this.update({ pending, rejected, oldestPendingAt, pendingAge: pendingAgeLevel(oldestPendingAt, this.now()) });
  }

  private noteClock(sample: ClockSample): void {
    if (sample.roundTripMs > MAX_SAMPLE_ROUND_TRIP_MS) return;
    this.update(clockFields(sample.offsetMs));
    void this.db.meta.put({ key: CLOCK_OFFSET_KEY, value: sample.offsetMs });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private schedule(delayMs: number, pull: boolean): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow({ pull }), delayMs);
  }

  private listen(target: EventTarget, type: string, handler: () => void): void {
    if (typeof target.addEventListener !== 'function') return;
    target.addEventListener(type, handler);
    this.cleanups.push(() => target.removeEventListener(type, handler));
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}

function clockFields(offsetMs: number | null): Pick<SyncStatus, 'clockOffsetMs' | 'clockSkewed'> {
  return { clockOffsetMs: offsetMs, clockSkewed: offsetMs !== null && Math.abs(offsetMs) > CLOCK_SKEW_TOLERANCE_MS };
}
