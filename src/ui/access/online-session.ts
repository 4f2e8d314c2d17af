import { whoAmISchema } from '../../domain/auth/api.ts';
import type { ApiErrorCode } from '../../domain/sync-protocol.ts';
import type { KnownUser, LagerkollDb } from '../../store/db.ts';
import { clearPin, confirmOnline, forgetSession } from '../../store/known-users.ts';
import type { ApiClient } from '../api-client.ts';
import type { SyncHandle } from '../deferred-sync.ts';
import { validSessionToken } from './use-access.ts';

/** Any answer (or none) will do: sign-out's body says nothing the app needs. */
const anyAnswer = { safeParse: () => ({ success: true as const, data: null }) };

/**
 * Asks the server whether the signed-in user's session still holds; if it does, that is an online
 * confirmation and the offline period starts over. Offline, or refused (handled by the API client's
 * 401 handling), nothing changes here.
 */
export async function confirmOnlineNow(db: LagerkollDb, api: ApiClient, userId: string): Promise<void> {
  try {
    const me = await api.get('/auth/me', whoAmISchema);
    if (me.user?.id === userId) await confirmOnline(db, userId, new Date());
  } catch {
    // No answer is no confirmation; the PIN keeps working until the offline maximum.
  }
}

/** Ends the user's online session on the server too (when there is a network), and forgets it here. */
export async function signOutOnline(db: LagerkollDb, api: ApiClient, user: KnownUser): Promise<void> {
  if (validSessionToken(user)) {
    try {
      await api.send('POST', '/auth/sign-out', {}, anyAnswer);
    } catch {
      // Offline: the session ends by itself on the server (SESSION_TTL_MS); here it is forgotten now.
    }
  }
  await forgetSession(db, user.userId);
}

/**
 * The API refused the signed-in user (401): a revoked user loses their offline sign-in on this device
 * at once; an expired session is forgotten (the PIN still works, the coordinator screens ask for the
 * password). A revoked device is learnt through sync, which reads the server's reason.
 */
export async function handleUnauthorized(
  db: LagerkollDb,
  sync: SyncHandle,
  user: KnownUser | null,
  code: ApiErrorCode | null,
): Promise<void> {
  if (code === 'device_revoked') {
    await sync.syncNow();
    return;
  }
  if (!user) return;
  if (code === 'user_revoked') await clearPin(db, user.userId, { alsoSession: true });
  else await forgetSession(db, user.userId);
}
