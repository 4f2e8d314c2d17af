/**
 * A camera scan is activity too, though no finger touched the screen: the counting screen says so
 * with this event, and the inactivity lock (use-inactivity-lock.ts) listens for it.
 */
export const ACTIVITY_EVENT = 'lagerkoll:activity';

export function noteActivity(): void {
  dispatchEvent(new Event(ACTIVITY_EVENT));
}
