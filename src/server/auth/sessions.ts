import { SESSION_TTL_MS, type Session, type SessionUser } from '../../domain/auth/api.ts';
import type { AccountRecord, AuthStore } from '../storage/auth-store.ts';
import type { EventStore } from '../storage/event-store.ts';
import { hashSecret, newToken } from './tokens.ts';

export function sessionUserOf(account: AccountRecord): SessionUser {
  return { id: account.userId, username: account.username, name: account.name, role: account.role };
}

/** A new session for the account (on the device, if one is given): the token goes to the user once, its hash to the store. */
export async function startSession(
  auth: AuthStore,
  account: AccountRecord,
  deviceId: string | null,
  now = new Date(),
): Promise<Session> {
  const token = newToken('session');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await auth.createSession({
    tokenHash: hashSecret(token),
    userId: account.userId,
    deviceId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt, user: sessionUserOf(account) };
}

/** Devices learn names and roles from the `users` reference dataset: every account change writes its row. */
export async function publishUser(store: EventStore, account: AccountRecord): Promise<void> {
  await store.writeReference([
    {
      dataset: 'users',
      key: account.userId,
      row: {
        id: account.userId,
        name: account.name,
        role: account.role,
        ...(account.revokedAt ? { revokedAt: account.revokedAt } : {}),
      },
    },
  ]);
}
