import { useEffect } from 'preact/hooks';
import { InactivityLock } from '../../identity/inactivity-lock.ts';
import { lockSession } from '../../identity/session.ts';
import type { LagerkollDb } from '../../store/db.ts';
import { type CurrentSession, updateCurrentSession } from '../../store/identity.ts';
import { ACTIVITY_EVENT } from './activity.ts';

/** The last activity is written this often at most, so a reload after a long pause comes back locked. */
const PERSIST_EVERY_MS = 30_000;

/**
 * Locks the app after INACTIVITY_LOCK_MS without a touch, a key (hand scanners are keyboards) or a
 * camera scan, while `session` (of a user on an enrolled device; null otherwise) is open. The lock
 * is written to the database first, so a reload cannot step around it.
 */
export function useInactivityLock(db: LagerkollDb, session: CurrentSession | null, onLocked: () => void): void {
  const open = session && !session.locked ? session : null;
  const userId = open?.userId ?? null;
  // A new timer per sign-in and per unlock; the activity time written meanwhile is not a new session.
  const lastActivityAt = open?.lastActivityAt ?? null;
  const since = open ? `${open.signedInAt}|${open.locked}` : null;
  useEffect(() => {
    if (!userId || !lastActivityAt) return;
    let persistedAt = Date.parse(lastActivityAt);
    const lock = new InactivityLock({
      lastActivityAt: persistedAt,
      onIdle: () => void lockSession(db, userId).then(onLocked),
    });
    const onActivity = () => {
      lock.touch();
      if (lock.lastActivityAt - persistedAt < PERSIST_EVERY_MS) return;
      persistedAt = lock.lastActivityAt;
      void updateCurrentSession(db, userId, { lastActivityAt: new Date(persistedAt).toISOString() });
    };
    const onVisible = () => document.visibilityState === 'visible' && lock.check();
    const events = ['pointerdown', 'keydown', 'wheel', ACTIVITY_EVENT] as const;
    for (const type of events) addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    lock.start();
    return () => {
      lock.stop();
      for (const type of events) removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
    // lastActivityAt is read when the session (or an unlock) starts, not again on every write of it.
  }, [db, userId, since, onLocked]);
}

/**
 * The lock as a component that draws nothing, so that it loads with the signed-in chrome after the
 * first paint (its timing needs the identity API's limits).
 */
export function InactivityLockGuard({
  db,
  session,
  onLocked,
}: {
  db: LagerkollDb;
  session: CurrentSession | null;
  onLocked: () => void;
}) {
  useInactivityLock(db, session, onLocked);
  return null;
}
