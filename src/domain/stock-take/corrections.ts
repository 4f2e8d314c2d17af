import type { CountEvent } from '../count-event.ts';

/** What the correction rules look at. */
export type CorrectableEvent = Pick<CountEvent, 'id' | 'kind' | 'corrects'>;

/**
 * Which count events still count. Events are never edited; a later event corrects an earlier one:
 * - a `void` cancels the event it names;
 * - a `count` that names an earlier count replaces it (a recount, or a changed quantity).
 * A count stands when it is not voided and no replacement of it is in force. A replacement is in
 * force when it is not voided, or when one of its own replacements is — so voiding the newest count
 * of a line ("undo") brings back the one before it, and voiding the original of a line whose
 * replacement stands changes nothing. Void events never count. The result keeps the input order,
 * and does not depend on the order the events arrived in. Only `id`, `kind` and `corrects` are read,
 * so the server can pass the columns it selected instead of whole events.
 */
export function activeCounts<E extends CorrectableEvent>(events: readonly E[]): E[] {
  const voided = new Set<string>();
  const replacements = new Map<string, string[]>();
  const counts = new Set<string>();
  for (const event of events) {
    if (event.kind === 'count') counts.add(event.id);
    if (!event.corrects) continue;
    if (event.kind === 'void') voided.add(event.corrects);
    else replacements.set(event.corrects, [...(replacements.get(event.corrects) ?? []), event.id]);
  }

  const inForce = new Map<string, boolean>();
  const isInForce = (id: string, path: Set<string>): boolean => {
    const known = inForce.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return false; // a correction cycle can only come from corrupt data
    path.add(id);
    const result = counts.has(id) && (!voided.has(id) || (replacements.get(id) ?? []).some((r) => isInForce(r, path)));
    path.delete(id);
    inForce.set(id, result);
    return result;
  };

  return events.filter(
    (event) =>
      event.kind === 'count' &&
      !voided.has(event.id) &&
      !(replacements.get(event.id) ?? []).some((r) => isInForce(r, new Set([event.id]))),
  );
}
