import { createHash, randomBytes } from 'node:crypto';
import { DEVICE_CREDENTIAL_PREFIX, SESSION_TOKEN_PREFIX } from '../../domain/auth/api.ts';

/**
 * Bearer secrets: device credentials (lkd_…) and user sessions (lks_…). 256 random bits, base64url,
 * behind a prefix that names the kind, so one pasted in the wrong header is recognised. The server
 * stores only their SHA-256: random secrets this long need no salt or slow hash, and a lookup by
 * hash is one index read.
 */
const TOKEN_BYTES = 32;
const TOKEN_BODY = /^[A-Za-z0-9_-]{43}$/;

export type TokenKind = 'device' | 'session';
const PREFIX: Record<TokenKind, string> = { device: DEVICE_CREDENTIAL_PREFIX, session: SESSION_TOKEN_PREFIX };

export function newToken(kind: TokenKind): string {
  return `${PREFIX[kind]}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** Which kind a presented token looks like, or null when it is no token of ours at all. */
export function tokenKind(token: string): TokenKind | null {
  for (const kind of ['device', 'session'] as const) {
    const prefix = PREFIX[kind];
    if (token.startsWith(prefix) && TOKEN_BODY.test(token.slice(prefix.length))) return kind;
  }
  return null;
}

/** What is stored for a secret (token, credential, one-time code): its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
