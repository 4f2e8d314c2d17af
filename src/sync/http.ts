import { type RevocationDetails, revocationDetailsOf } from '../domain/auth/api.ts';
import {
  APP_VERSION_HEADER,
  type ApiErrorCode,
  apiErrorSchema,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  upgradeRequiredSchema,
} from '../domain/sync-protocol.ts';
import { type ClockSample, clockSample } from './clock.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How the device reaches the server; shared by push and pull. */
export interface ServerOptions {
  /** Base URL of the server ('' for the same origin the app came from). */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Give up on a request that has not answered within this many milliseconds. */
  timeoutMs?: number;
  /** The app's version, sent with every request (the server may answer 426 to an old one). */
  appVersion?: string;
  /** Called with each answer's clock reading (from its `Date` header). */
  onClockSample?: (sample: ClockSample) => void;
  /**
   * More headers for every request, read just before it is sent: the device credential and when its
   * oldest unsent count was made (src/sync/device-headers.ts; push and pull add them by themselves).
   */
  headers?: () => Promise<Record<string, string>>;
}

/**
 * A request that did not get a usable answer: the network failed, the server answered 5xx, 408 or
 * 429, or the answer could not be read (retryable: nothing was marked done, the same ids go again);
 * or the server refused the request as a whole (not retryable until something changes — e.g. 426,
 * the app must be updated). A refusal of single events is not an error: it comes in a 200 answer.
 */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** The server answered 426: this app is too old; update it. */
    readonly upgradeRequired = false,
    /** The error code of the server's answer (e.g. `device_revoked` with a 401), when it sent one. */
    readonly code: ApiErrorCode | null = null,
    /** With a revocation: who revoked, when and why, to say in the person's language. */
    readonly revocation: RevocationDetails | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Sends one request of the sync protocol; answers the response when it is 2xx, throws SyncError otherwise. */
export async function syncRequest(
  options: ServerOptions,
  path: string,
  init: { method: 'GET' | 'POST'; body?: string; acceptStatus?: readonly number[] },
): Promise<Response> {
  const doFetch = options.fetch ?? ((input, requestInit) => fetch(input, requestInit));
  const headers: Record<string, string> = {
    ...(await options.headers?.()),
    [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION),
    [APP_VERSION_HEADER]: options.appVersion ?? builtAppVersion(),
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const sentAtMs = Date.now();
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
      method: init.method,
      headers,
      body: init.body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new SyncError(`No connection to the server (${describe(error)}).`, true);
  }
  const sample = clockSample(response.headers.get('date'), sentAtMs, Date.now());
  if (sample) options.onClockSample?.(sample);
  if (response.ok || init.acceptStatus?.includes(response.status)) return response;

  const detail = await readJson(response);
  if (response.status === 426) {
    const upgrade = upgradeRequiredSchema.safeParse(detail);
    const message = upgrade.success ? upgrade.data.message : 'This version of the app is too old: update it.';
    throw new SyncError(message, false, 426, undefined, true);
  }
  const error = apiErrorSchema.safeParse(detail);
  const code = error.success ? error.data.error : null;
  if (response.status === 401) {
    // Not enrolled, revoked, or a credential the server does not know: trying again changes nothing
    // until a person acts. The server's words (who revoked the device, when, why) are kept as they are.
    throw new SyncError(
      error.success ? error.data.message : 'The server refused this device.',
      false,
      401,
      undefined,
      false,
      code,
      revocationDetailsOf(detail),
    );
  }
  const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
  const message =
    detail && typeof detail === 'object' && 'message' in detail ? String(detail.message) : response.statusText;
  throw new SyncError(
    `The server answered ${response.status}: ${message}`,
    retryable,
    response.status,
    parseRetryAfter(response.headers.get('retry-after')),
    false,
    code,
  );
}

/** The version of the running build (`<meta name="lagerkoll-build">`, e.g. 0.1.0+abc123), or 'dev'. */
export function builtAppVersion(): string {
  // Typed structurally: this also runs in the service worker, where there is no document.
  const doc = (globalThis as { document?: { querySelector(selector: string): { content?: string } | null } }).document;
  return doc?.querySelector('meta[name="lagerkoll-build"]')?.content || 'dev';
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
