import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useStrings } from './i18n.ts';

const RETRY_MS = 3_000;
/** After this many failed loads the person is told, and offered a reload (retries go on meanwhile). */
const FAILURES_BEFORE_TELLING = 2;

/**
 * A component whose code loads on first use (a dynamic import), without preact/compat's Suspense.
 * Until it has loaded it renders nothing. A failed load (no network before the service worker has
 * cached the app, or a tab left open across an update) is retried every few seconds until it
 * succeeds, so the screen appears as soon as it can; a screen (not a quiet helper) also says so after
 * a couple of failures and offers to reload.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { quiet = false }: { quiet?: boolean } = {},
): ComponentType<P> {
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
    const [failures, setFailures] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let cancelled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () => {
        ensureLoading().then(
          () => !cancelled && setReady(true),
          (error) => {
            console.error('[ui] could not load a screen; retrying', error);
            if (cancelled) return;
            setFailures((n) => n + 1);
            timer = setTimeout(attempt, RETRY_MS);
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
    if (Component) return <Component {...props} />;
    return !quiet && failures >= FAILURES_BEFORE_TELLING ? <LoadFailed /> : null;
  };
}

function LoadFailed() {
  const t = useStrings();
  return (
    <div class="message message--error" role="alert">
      <p>{t.screenLoadFailed}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t.reload}
      </button>
    </div>
  );
}
