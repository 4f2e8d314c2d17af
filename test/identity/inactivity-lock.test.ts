import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INACTIVITY_LOCK_MS } from '../../src/domain/auth/api.ts';
import { InactivityLock, idleTooLong } from '../../src/identity/inactivity-lock.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-20T08:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

function lock(options: { lastActivityAt?: number } = {}) {
  const onIdle = vi.fn();
  const created = new InactivityLock({ onIdle, ...options });
  created.start();
  return { lock: created, onIdle };
}

describe('the inactivity lock', () => {
  it(`locks after ${INACTIVITY_LOCK_MS / 60_000} minutes without activity, not a moment before, and only once`, () => {
    const { onIdle } = lock();
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS * 3);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts the quiet time from the last touch, key or scan', () => {
    const { lock: timer, onIdle } = lock();
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1000);
    timer.touch();
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks at once when the page comes back after its timers were held back', () => {
    const { lock: timer, onIdle } = lock();
    // The browser held the hidden page's timers: the clock moved, no timer ran.
    vi.setSystemTime(Date.now() + INACTIVITY_LOCK_MS + 5000);
    timer.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts from an activity time read back after a reload', () => {
    const { onIdle } = lock({ lastActivityAt: Date.now() - INACTIVITY_LOCK_MS + 10_000 });
    vi.advanceTimersByTime(9_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped (signed out)', () => {
    const { lock: timer, onIdle } = lock();
    timer.stop();
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS * 2);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('tells whether a session stored at some time should open locked', () => {
    const now = new Date();
    expect(idleTooLong(new Date(now.getTime() - INACTIVITY_LOCK_MS + 1).toISOString(), now)).toBe(false);
    expect(idleTooLong(new Date(now.getTime() - INACTIVITY_LOCK_MS).toISOString(), now)).toBe(true);
  });
});
