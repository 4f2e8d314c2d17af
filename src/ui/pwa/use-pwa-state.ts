import { useEffect, useState } from 'preact/hooks';
import { canOfferInstall, subscribeInstallPrompt } from './install-prompt.ts';
import { isUpdateReady, subscribeUpdate } from './update-state.ts';

/** True once a new version has installed and waits for the person to switch to it. */
export function useUpdateReady(): boolean {
  const [ready, setReady] = useState(isUpdateReady);
  useEffect(() => {
    setReady(isUpdateReady());
    return subscribeUpdate(() => setReady(isUpdateReady()));
  }, []);
  return ready;
}

/** True while the browser's install dialog can be shown (`beforeinstallprompt` was caught). */
export function useCanOfferInstall(): boolean {
  const [can, setCan] = useState(canOfferInstall);
  useEffect(() => {
    setCan(canOfferInstall());
    return subscribeInstallPrompt(() => setCan(canOfferInstall()));
  }, []);
  return can;
}
