/**
 * A screen's filters kept in the address (`?site=SSL-MITT&status=open`), so that a reload, the back
 * button or a shared link shows the same list.
 */
export function readFilters<K extends string>(keys: readonly K[], search = location.search): Record<K, string> {
  const params = new URLSearchParams(search);
  return Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
}

/** The query string for these filters, leaving out the empty ones ('' when none is set). */
export function filterQuery(filters: Record<string, string>): string {
  return new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
}

export function writeFilters(filters: Record<string, string>): void {
  const query = filterQuery(filters);
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
}
