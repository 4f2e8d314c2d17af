import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { apiError } from '../api/errors.ts';

/** At most `limit` refused attempts per key within `windowMs`; the next one gets 429 until the window ends. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Set-up attempts per client address. */
  setupPerAddress: RateLimit;
  /** Sign-ins per client address (password spraying over many usernames). */
  signInPerAddress: RateLimit;
  /** Sign-ins per username (guessing one person's password, from anywhere). */
  signInPerUsername: RateLimit;
  /** Enrollments per client address (guessing codes). */
  enrollPerAddress: RateLimit;
}

const MINUTES = 60_000;
/**
 * Only refused attempts count (a request answered 4xx/5xx): a warehouse enrolling forty tablets
 * behind one address, or a shift signing in at seven, never trips them; someone guessing does.
 * The codes (60 bits) and passwords (≥ 10 characters, scrypt) make guessing hopeless anyway; the
 * limits keep it from costing the server its CPU.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  setupPerAddress: { limit: 10, windowMs: 15 * MINUTES },
  signInPerAddress: { limit: 30, windowMs: 15 * MINUTES },
  signInPerUsername: { limit: 10, windowMs: 15 * MINUTES },
  enrollPerAddress: { limit: 20, windowMs: 15 * MINUTES },
};

/**
 * A limit on refused attempts per key, counted in this process's memory (hono-rate-limiter's
 * MemoryStore): several server instances on one PostgreSQL database each count their own, so the
 * effective limit is the instances times this. `key` answers null for a request it does not
 * count (e.g. a body without a username).
 */
export function limitRefusedAttempts(
  { limit, windowMs }: RateLimit,
  key: (c: Context) => string | null | Promise<string | null>,
  what: string,
): MiddlewareHandler {
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: false,
    skipSuccessfulRequests: true,
    skip: async (c) => (await key(c)) === null,
    keyGenerator: async (c) => (await key(c)) ?? '',
    handler: (c) => {
      const info = (c.var as { rateLimit?: { resetTime?: Date } }).rateLimit;
      const resetAt = info?.resetTime?.getTime() ?? Date.now() + windowMs;
      const seconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
      c.header('Retry-After', String(seconds));
      const minutes = Math.ceil(seconds / 60);
      return apiError(
        c,
        429,
        'rate_limited',
        `Too many refused attempts ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    },
  });
}
