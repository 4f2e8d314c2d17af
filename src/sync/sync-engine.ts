import type { LagerkollDb } from '../store/db.ts';
import { countPending } from '../store/events.ts';
import { retryDelayMs } from './backoff.ts';
import { PushError, type PushOptions, pushPending } from './push.ts';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  pending: number;
  /** Last time the server answered a push (ISO), kept across reloads. */
  lastContact: string | null;
  /** What went wrong last, in words for the person holding the device. */
  lastError: string | null;
}

export interface SyncEngineOptions extends PushOptions {
  /** Delay after a save before pushing, so a burst of scans goes in one batch. */
  afterSaveDelayMs?: number;
  /** Push every so often while the app is visible, even without any trigger. */
  intervalMs?: number;
  random?: () => number;
}

const LAST_CONTACT_KEY = 'sync.lastContact';

/**
 * Decides when to push. Triggers: start, the browser's `online` event, the app becoming visible, a
 * short while after each save, an interval while visible, and retries with backoff after a failure.
 * Only one push runs at a time; a trigger during a push runs one more push right after it.
 * `navigator.onLine` is never trusted: a request that fails is the truth.
 */
export class SyncEngine {
  private status: SyncStatus = { phase: 'idle', pending: 0, lastContact: null, lastError: null };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly db: LagerkollDb,
    private readonly options: SyncEngineOptions = {},
  ) {}

  /** Attaches the triggers and pushes once. */
  async start(): Promise<void> {
    const lastContact = (await this.db.meta.get(LAST_CONTACT_KEY))?.value;
    this.update({ lastContact: typeof lastContact === 'string' ? lastContact : null });
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
    this.update({ pending: await countPending(this.db) });
    this.schedule(this.options.afterSaveDelayMs ?? 1_500);
  }

  /** Pushes now (or right after the push in progress). Resolves when the pending events are settled or it failed. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.timer);
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      this.update({ phase: 'syncing', pending: await countPending(this.db) });
      try {
        await pushPending(this.db, this.options);
        this.attempt = 0;
        const now = new Date().toISOString();
        await this.db.meta.put({ key: LAST_CONTACT_KEY, value: now });
        this.update({ phase: 'idle', lastContact: now, lastError: null, pending: await countPending(this.db) });
      } catch (error) {
        const pending = await countPending(this.db);
        const retryable = !(error instanceof PushError) || error.retryable;
        const message = error instanceof Error ? error.message : String(error);
        this.update({ phase: retryable ? 'offline' : 'error', lastError: message, pending });
        if (retryable && pending > 0) {
          const retryAfterMs = error instanceof PushError ? error.retryAfterMs : undefined;
          this.schedule(retryDelayMs(this.attempt++, { retryAfterMs, random: this.options.random }));
        }
        return;
      }
    } while (this.again);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
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
