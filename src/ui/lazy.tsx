import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const RETRY_MS = 3_000;

/**
 * A component whose code loads on first use (a dynamic import), without preact/compat's Suspense.
 * Until it has loaded it renders nothing. A failed load (no network before the service worker has
 * cached the app) is retried every few seconds until it succeeds, so the screen appears as soon as
 * it can.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const ensureLoading = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return function Lazy(props: P) {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded) return;
      let cancelled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () => {
        ensureLoading().then(
          () => !cancelled && setReady(true),
          (error) => {
            console.error('[ui] could not load a screen; retrying', error);
            if (!cancelled) timer = setTimeout(attempt, RETRY_MS);
          },
        );
      };
      attempt();
      return () => {
        cancelled = true;
        clearTimeout(timer);
      };
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : null;
  };
}
