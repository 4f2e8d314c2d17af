import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionUser } from '../../domain/auth/api.ts';
import { type Access, type AccessFacts, decideAccess } from '../../identity/access.ts';
import type { KnownUser, LagerkollDb } from '../../store/db.ts';
import { type DeviceCredential, readDeviceCredential, readRevocation } from '../../store/identity.ts';
import type { SyncHandle } from '../deferred-sync.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';

// The rules that resume a session need the identity API's limits (and with them its schemas): a
// chunk of their own, fetched at once beside the first paint instead of inside it.
const resumeRules = () => import('../../identity/resume-session.ts');

/** How long the first start waits to hear whether the server needs setting up before it goes on without. */
const STATUS_TIMEOUT_MS = 4_000;

export interface AccessController {
  /** null while the device's state is read (the first few milliseconds). */
  access: Access | null;
  credential: DeviceCredential | null;
  /** The person using the app, when someone is signed in and the app is not locked. */
  user: KnownUser | null;
  /** Reads the device's identity state again and decides anew (after every sign-in, lock, enrollment…). */
  refresh: () => Promise<void>;
  /** The set-up flow has made the first administrator: the server no longer needs it. */
  setupDone: () => void;
}

/**
 * The access gate's state: what the device knows (database) and, when online, whether the server
 * still needs its first administrator. A device with nothing on it waits briefly for that answer,
 * so a newcomer is not shown the welcome screen first; a device in use never waits for the network.
 */
export function useAccess(db: LagerkollDb, sync: SyncHandle): AccessController {
  const [facts, setFacts] = useState<Omit<AccessFacts, 'setupRequired'> | null>(null);
  const [setupRequired, setSetupRequired] = useState<boolean | null>(null);
  const [statusKnown, setStatusKnown] = useState(false);
  const loading = useRef<Promise<void> | null>(null);

  const refresh = useCallback(async () => {
    // One read at a time; a refresh asked for meanwhile runs after it (it may follow a new write).
    const previous = loading.current;
    const next = (async () => {
      await previous?.catch(() => {});
      const [{ resumeSession }, credential] = await Promise.all([resumeRules(), readDeviceCredential(db)]);
      const [revocation, active] = await Promise.all([
        readRevocation(db),
        resumeSession(db, { enrolled: credential !== null }),
      ]);
      setFacts({ credential, revocation, active });
    })();
    loading.current = next;
    await next;
  }, [db]);

  useEffect(() => {
    void refresh();
    let cancelled = false;
    const timer = setTimeout(() => !cancelled && setStatusKnown(true), STATUS_TIMEOUT_MS);
    fetchSetupRequired().then((required) => {
      if (cancelled) return;
      setSetupRequired(required);
      setStatusKnown(true);
    });
    // Back on screen: the lock may be due, another tab may have switched user.
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  // A pull brought the signed-in user's revocation: end the session now, not at the next start.
  const userId = facts?.active?.session.userId ?? null;
  const userRevoked = useLiveQuery(
    async () => (userId ? Boolean((await db.users.get(userId))?.revokedAt) : false),
    [db, userId],
    false,
  );
  useEffect(() => {
    if (userRevoked) void refresh();
  }, [userRevoked, refresh]);

  // The sync engine (or the service worker) learnt that the device was revoked: show it at once.
  useEffect(
    () =>
      sync.subscribe((status) => {
        if (status.phase === 'revoked') void refresh();
      }),
    [sync, refresh],
  );

  const access = useMemo(() => {
    if (!facts) return null;
    const fresh = !facts.credential && !facts.active && !facts.revocation;
    if (fresh && !statusKnown) return null;
    return decideAccess({ ...facts, setupRequired });
  }, [facts, setupRequired, statusKnown]);

  return {
    access,
    credential: facts?.credential ?? null,
    user: access?.kind === 'signed-in' ? access.user : null,
    refresh,
    setupDone: useCallback(() => setSetupRequired(false), []),
  };
}

/**
 * GET /api/v1/auth/status (authStatusSchema: `{ setupRequired: boolean }`, read by hand to keep the
 * schemas off the first paint); null when the server cannot be asked (offline: go on as the device is).
 */
async function fetchSetupRequired(): Promise<boolean | null> {
  try {
    const response = await fetch('/api/v1/auth/status', { signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) });
    if (!response.ok) return null;
    const status: unknown = await response.json();
    const required = status && typeof status === 'object' && 'setupRequired' in status ? status.setupRequired : null;
    return typeof required === 'boolean' ? required : null;
  } catch {
    return null;
  }
}

/** The user as the rest of the app sees them. */
export function sessionUserOf(user: KnownUser | null): SessionUser | null {
  return user ? { id: user.userId, username: user.username, name: user.name, role: user.role } : null;
}

/** The user's online session, while it lasts (the coordinator screens need it). */
export function validSessionToken(user: KnownUser | null, now: number = Date.now()): string | null {
  if (!user?.sessionToken || !user.sessionExpiresAt) return null;
  return Date.parse(user.sessionExpiresAt) > now ? user.sessionToken : null;
}
