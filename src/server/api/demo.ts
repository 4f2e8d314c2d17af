import type { Context } from 'hono';
import { DATASETS, type Dataset } from '../../domain/reference-datasets.ts';
import type { DemoLoaded } from '../../domain/sync-protocol.ts';
import type { User } from '../../domain/users.ts';
import { actorOf } from '../auth/authenticate.ts';
import type { AuthEnv } from '../auth/context.ts';
import { demoReferenceChanges } from '../demo/demo-seed.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError } from './errors.ts';

/**
 * POST /api/v1/demo (master-data:manage) — loads the fictitious demo data set (catalog, sites,
 * locations, target levels, users, one open stock-take per site, expectations for the guided one),
 * so a newcomer reaches a realistic app at once. Only into a server without reference data of its
 * own — 409 otherwise. The `users` dataset does not count: every account writes its row there, so
 * the administrator who loads the demo is already in it. The demo users get accounts without a
 * password (hasPassword false): an administrator gives them one to sign in with.
 *
 * One load at a time per server process, so two clicks never load it twice. Two instances on one
 * PostgreSQL database could both pass the check; they would write the same demo rows (the same
 * keys), which mixes nothing.
 */
export async function handleLoadDemo(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const load = (loading.get(store) ?? Promise.resolve()).then(() => loadDemo(c, store));
  loading.set(
    store,
    load.then(
      () => undefined,
      () => undefined,
    ),
  );
  return load;
}
/** The load running (or last run) per store: the next one waits for it. */
const loading = new WeakMap<EventStore, Promise<void>>();

async function loadDemo(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  if (await hasReferenceDataOfItsOwn(store)) {
    return apiError(
      c,
      409,
      'already_has_data',
      'This server already has reference data; demo data is only loaded into an empty server.',
    );
  }
  const changes = demoReferenceChanges();
  await store.writeReference(changes);
  const createdAt = new Date().toISOString();
  const demoUsers = changes.flatMap((change) =>
    change.dataset === 'users' && 'row' in change ? [change.row as User] : [],
  );
  for (const user of demoUsers) {
    // A demo user whose id or username an account already has keeps that account.
    await store.auth.createAccount({
      userId: user.id,
      username: user.id,
      name: user.name,
      role: user.role,
      passwordHash: null,
      createdAt,
    });
  }
  const loaded = {} as Record<Dataset, number>;
  for (const change of changes) loaded[change.dataset] = (loaded[change.dataset] ?? 0) + 1;
  await store.auth.appendAudit({ action: 'demo-loaded', ...actorOf(c), subject: null, details: { loaded } });
  const body: DemoLoaded = { loaded };
  return c.json(body, 200);
}

/** Whether any dataset but `users` holds a row (deleted rows do not count). */
async function hasReferenceDataOfItsOwn(store: EventStore): Promise<boolean> {
  for (const dataset of DATASETS) {
    if (dataset === 'users') continue;
    let cursor: string | null = null;
    for (;;) {
      const page = await store.changesSince(dataset, cursor, 500);
      if (page.status !== 'ok') break;
      if (page.changes.some((change) => change.row !== null)) return true;
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
  }
  return false;
}
