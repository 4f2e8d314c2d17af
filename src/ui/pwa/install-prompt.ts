/**
 * The browser's own install offer (`beforeinstallprompt`: Chromium on Android and desktop). It comes
 * once per page load, possibly before the install guide has loaded, so it is caught at start and
 * kept until the person presses "Install".
 */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

type Listener = () => void;

let deferred: BeforeInstallPromptEvent | null = null;
let installedNow = false;
let capturing = false;
const listeners = new Set<Listener>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function captureInstallPrompt(): void {
  if (capturing) return;
  capturing = true;
  addEventListener('beforeinstallprompt', (event) => {
    // Instead of the browser's mini-infobar, the install guide shows an Install button.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    changed();
  });
  addEventListener('appinstalled', () => {
    deferred = null;
    installedNow = true;
    changed();
  });
}

/** The browser can show its install dialog now. */
export function canOfferInstall(): boolean {
  return deferred !== null;
}

/** The app was installed from this page during this visit. */
export function wasInstalledNow(): boolean {
  return installedNow;
}

/** Shows the browser's install dialog. The event works once; after it the offer is gone. */
export async function offerInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferred;
  if (!event) return 'unavailable';
  deferred = null;
  changed();
  await event.prompt();
  const { outcome } = await event.userChoice;
  return outcome;
}

export function subscribeInstallPrompt(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
