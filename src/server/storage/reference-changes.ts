import type { ReferenceChange } from './event-store.ts';

/**
 * The last change to each (dataset, key) of a batch, in the order of those last changes: an earlier
 * change to the same key within one transaction could never be seen by anyone, so it gets no version.
 */
export function latestChangePerKey(changes: readonly ReferenceChange[]): ReferenceChange[] {
  const latest = new Map<string, ReferenceChange>();
  for (const change of changes) {
    const id = JSON.stringify([change.dataset, change.key]);
    latest.delete(id);
    latest.set(id, change);
  }
  return [...latest.values()];
}
