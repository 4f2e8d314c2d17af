import type { FetchLike } from '../../src/sync/http.ts';

/** Every request path a fetch saw, in order (method and path, without the query's details). */
export function recordingFetch(inner: FetchLike) {
  const calls: string[] = [];
  const fetch: FetchLike = (input, init) => {
    const url = new URL(input, 'http://device.invalid');
    const dataset = url.searchParams.get('dataset');
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${dataset ? ` ${dataset}` : ''}`);
    return inner(input, init);
  };
  return { fetch, calls };
}

/** Adds a `Date` header as a server whose clock is `offsetMs` from this machine's would send it. */
export function withServerClock(inner: FetchLike, offsetMs: number): FetchLike {
  return async (input, init) => {
    const response = await inner(input, init);
    const headers = new Headers(response.headers);
    headers.set('date', new Date(Date.now() + offsetMs).toUTCString());
    return new Response(response.body, { status: response.status, headers });
  };
}

/** Counts how many requests run at the same time, and the most ever seen. */
export function concurrencyProbe(inner: FetchLike) {
  let inFlight = 0;
  const probe = {
    max: 0,
    fetch: (async (input, init) => {
      inFlight++;
      probe.max = Math.max(probe.max, inFlight);
      try {
        // Yield so that another tab's request, if allowed, would overlap this one.
        await new Promise((resolve) => setTimeout(resolve, 2));
        return await inner(input, init);
      } finally {
        inFlight--;
      }
    }) as FetchLike,
  };
  return probe;
}

export const unreachable: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
