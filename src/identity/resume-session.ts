import type { LagerkollDb } from '../store/db.ts';
import { clearCurrentSession, readCurrentSession, saveCurrentSession } from '../store/identity.ts';
import { getKnownUser } from '../store/known-users.ts';
import { idleTooLong } from './inactivity-lock.ts';
import { offlineTooLong, revokedOnServer } from './pin-rules.ts';
import type { ActiveSession } from './session.ts';

/**
 * The session to go on with when the app starts (or comes back): none when nobody is signed in, the
 * user is gone or revoked (as the last pull of the users says), or their time away from the server is over (on an enrolled device: the offline
 * session's maximum age; in a coordinator's browser: the online session's end); locked when the
 * app has been left alone too long.
 */
export async function resumeSession(
  db: LagerkollDb,
  { enrolled, now = new Date() }: { enrolled: boolean; now?: Date },
): Promise<ActiveSession | null> {
  const session = await readCurrentSession(db);
  if (!session) return null;
  const user = await getKnownUser(db, session.userId);
  const over =
    !user ||
    (await revokedOnServer(db, session.userId)) ||
    (enrolled
      ? offlineTooLong(user, now)
      : !user.sessionExpiresAt || Date.parse(user.sessionExpiresAt) <= now.getTime());
  if (over) {
    await clearCurrentSession(db);
    return null;
  }
  // A coordinator's browser has no PIN to open a lock with; its online session ends by itself.
  if (enrolled && !session.locked && idleTooLong(session.lastActivityAt, now)) {
    const locked = { ...session, locked: true };
    await saveCurrentSession(db, locked);
    return { session: locked, user };
  }
  return { session, user };
}
