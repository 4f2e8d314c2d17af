import { INACTIVITY_LOCK_MS } from '../domain/auth/api.ts';

export interface InactivityLockOptions {
  /** Called once, when nothing has happened for `timeoutMs`. */
  onIdle: () => void;
  timeoutMs?: number;
  now?: () => number;
  /** When the last activity was (e.g. read back after a reload); default: now. */
  lastActivityAt?: number;
}

/**
 * The soft lock of a shared tablet: after INACTIVITY_LOCK_MS without a touch, a key or a scan the
 * app locks, and the signed-in user's PIN (or another user) opens it. `touch` only notes the time, so
 * it is cheap enough for every pointer event; one timer checks when the quiet time could be over
 * and, if something happened meanwhile, waits for the rest.
 */
export class InactivityLock {
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private last: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fired = false;

  constructor(private readonly options: InactivityLockOptions) {
    this.timeoutMs = options.timeoutMs ?? INACTIVITY_LOCK_MS;
    this.now = options.now ?? (() => Date.now());
    this.last = options.lastActivityAt ?? this.now();
  }

  start(): void {
    this.check();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Something happened (a touch, a key, a scan). */
  touch(): void {
    if (!this.fired) this.last = this.now();
  }

  get lastActivityAt(): number {
    return this.last;
  }

  /**
   * Locks now if the quiet time is over, else waits for the rest. Call it too when the app comes back
   * to the screen: a hidden page's timers may have been held back by the browser.
   */
  check(): void {
    if (this.fired) return;
    clearTimeout(this.timer);
    const quiet = this.now() - this.last;
    if (quiet >= this.timeoutMs) {
      this.fired = true;
      this.timer = undefined;
      this.options.onIdle();
      return;
    }
    this.timer = setTimeout(() => this.check(), this.timeoutMs - quiet);
  }
}

/** True when a session last active at `lastActivityAt` should open locked (e.g. after a reload). */
export function idleTooLong(lastActivityAt: string, now: Date, timeoutMs: number = INACTIVITY_LOCK_MS): boolean {
  return now.getTime() - Date.parse(lastActivityAt) >= timeoutMs;
}
