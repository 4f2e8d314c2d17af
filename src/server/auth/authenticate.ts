import type { Context, MiddlewareHandler } from 'hono';
import { DEVICE_CREDENTIAL_HEADER, type RevocationDetails } from '../../domain/auth/api.ts';
import { apiError } from '../api/errors.ts';
import type { AuthStore } from '../storage/auth-store.ts';
import type { AuthEnv } from './context.ts';
import { hashSecret, tokenKind } from './tokens.ts';

/**
 * Reads both credentials of an API request and leaves who it is on the context: `device` for a
 * valid device credential (Lagerkoll-Device-Credential), `user` and `session` for a valid session
 * (Authorization: Bearer). A request without either passes as anonymous (the route's guard decides);
 * a credential that is present but not good is refused here with 401 and the reason:
 * unauthenticated (unknown or malformed), session_expired, device_revoked or user_revoked — the
 * message of a revocation says when, by whom and why. Secrets are never logged. With `sessions:
 * false` the Authorization header is not read (sign-in: an expired session must not stop a new one).
 */
export function authenticate(
  auth: AuthStore,
  { sessions = true }: { sessions?: boolean } = {},
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const now = new Date().toISOString();

    const credential = c.req.header(DEVICE_CREDENTIAL_HEADER)?.trim();
    if (credential) {
      if (tokenKind(credential) !== 'device') {
        const hint =
          tokenKind(credential) === 'session' ? ' (that is a session token: send it as Authorization: Bearer)' : '';
        return apiError(
          c,
          401,
          'unauthenticated',
          `The ${DEVICE_CREDENTIAL_HEADER} header is not a device credential${hint}.`,
        );
      }
      const device = await auth.deviceByCredentialHash(hashSecret(credential));
      if (!device) {
        return apiError(
          c,
          401,
          'unauthenticated',
          'The server does not know this device credential: enroll the device again.',
        );
      }
      if (device.revokedAt) {
        const revocation = await revocationOf(auth, device);
        return c.json(
          {
            error: 'device_revoked',
            message: `This device was revoked ${describeRevocation(revocation)}. Its unsent counts stay on it; ask a supervisor for a new enrollment code.`,
            revocation,
          },
          401,
        );
      }
      c.set('device', { deviceId: device.deviceId, label: device.label });
    }

    const authorization = sessions ? c.req.header('authorization')?.trim() : undefined;
    if (authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!token || tokenKind(token) !== 'session') {
        const hint =
          token && tokenKind(token) === 'device'
            ? ` (that is a device credential: send it as ${DEVICE_CREDENTIAL_HEADER})`
            : '';
        return apiError(
          c,
          401,
          'unauthenticated',
          `The Authorization header must be "Bearer" and a session token${hint}.`,
        );
      }
      const tokenHash = hashSecret(token);
      const session = await auth.sessionByTokenHash(tokenHash);
      const account = session ? await auth.accountById(session.userId) : null;
      if (!session || !account) return apiError(c, 401, 'unauthenticated', 'This session is not known: sign in again.');
      if (account.revokedAt) {
        const revocation = await revocationOf(auth, account);
        return c.json(
          {
            error: 'user_revoked',
            message: `Your account was revoked ${describeRevocation(revocation)}. Ask a supervisor.`,
            revocation,
          },
          401,
        );
      }
      if (session.expiresAt <= now)
        return apiError(c, 401, 'session_expired', 'Your session has ended: sign in again.');
      // A session made on an enrolled device is that device's: it works only together with its credential.
      if (session.deviceId !== null && session.deviceId !== c.get('device')?.deviceId) {
        return apiError(
          c,
          401,
          'unauthenticated',
          `This session was signed in on an enrolled device; send it with that device's ${DEVICE_CREDENTIAL_HEADER}.`,
        );
      }
      c.set('user', { id: account.userId, username: account.username, name: account.name, role: account.role });
      c.set('session', { tokenHash, deviceId: session.deviceId });
    }
    await next();
  };
}

/** Who revoked a device or account, when and why, with the name of who did it. */
async function revocationOf(
  auth: AuthStore,
  record: { revokedAt: string | null; revokedBy: string | null; revokedReason: string | null },
): Promise<RevocationDetails> {
  const by = record.revokedBy ? await auth.accountById(record.revokedBy) : null;
  return { revokedAt: record.revokedAt, revokedBy: by?.name ?? null, reason: record.revokedReason };
}

/** "on 2026-11-22 10:00 UTC by Bo Arbetsledare: lost on the ward". */
function describeRevocation({ revokedAt, revokedBy, reason }: RevocationDetails): string {
  const when = revokedAt ? `on ${revokedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  const who = revokedBy ? ` by ${revokedBy}` : '';
  const why = reason ? `: ${reason}` : '';
  return `${when}${who}${why}`;
}

/** The user id and device id of a request, for its audit line. */
export function actorOf(c: Context<AuthEnv>): { userId: string | null; deviceId: string | null } {
  return { userId: c.get('user')?.id ?? null, deviceId: c.get('device')?.deviceId ?? null };
}
