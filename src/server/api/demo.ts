import type { Context } from 'hono';
import type { Dataset } from '../../domain/reference-datasets.ts';
import type { DemoLoaded } from '../../domain/sync-protocol.ts';
import { demoReferenceChanges } from '../demo/demo-seed.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError } from './errors.ts';

/**
 * POST /api/v1/demo — loads the fictitious demo data set (catalog, sites, locations, target levels,
 * users, one open stock-take per site, expectations for the guided one), so a newcomer reaches a
 * realistic app at once. Only into a server without reference data: 409 otherwise, and the check
 * and the write are one transaction, so two clicks can never load it twice or mix it with real data.
 */
export async function handleLoadDemo(c: Context, store: EventStore): Promise<Response> {
  const changes = demoReferenceChanges();
  const written = await store.writeReference(changes, { onlyIfEmpty: true });
  if (!written) {
    return apiError(
      c,
      409,
      'already_has_data',
      'This server already has reference data; demo data is only loaded into an empty server.',
    );
  }
  const loaded = {} as Record<Dataset, number>;
  for (const change of changes) loaded[change.dataset] = (loaded[change.dataset] ?? 0) + 1;
  const body: DemoLoaded = { loaded };
  return c.json(body, 200);
}
