/**
 * Whether a new version of the app is ready, and how to switch to it. The service worker side
 * (register-sw.ts, which pulls in workbox-window) fills it in; the UI only reads it, so the prompt's
 * code never waits for the worker's.
 */
type Listener = () => void;

let applyPending: (() => void) | null = null;
const listeners = new Set<Listener>();

/** Called when a new version has installed and waits; `apply` switches to it (and reloads). */
export function offerUpdate(apply: () => void): void {
  applyPending = apply;
  for (const listener of listeners) listener();
}

export function isUpdateReady(): boolean {
  return applyPending !== null;
}

/** Switches to the waiting version. Only ever called because the person asked for it. */
export function applyUpdate(): void {
  applyPending?.();
}

export function subscribeUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
