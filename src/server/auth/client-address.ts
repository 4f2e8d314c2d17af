import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Where a request came from, for the rate limits' keys. By default the socket's address; with
 * TRUST_PROXY (a reverse proxy terminating TLS in front, which appends the address it saw to
 * X-Forwarded-For), the last address of that header — the one the proxy itself saw, which a client
 * cannot forge. Without a socket (in-process requests in tests) it is "local".
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * The origin the person's browser used (for links such as the enrollment QR code): the request's own,
 * or with TRUST_PROXY the proxy's X-Forwarded-Proto and X-Forwarded-Host.
 */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host && /^[A-Za-z0-9.:[\]-]+$/.test(host)) url.host = host;
  }
  return url.origin;
}
