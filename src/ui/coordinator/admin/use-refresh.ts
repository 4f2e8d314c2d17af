import { useEffect } from 'preact/hooks';

/**
 * Calls `refresh` every `intervalMs` while the page is visible, and at once when it becomes visible
 * again: counts keep arriving from the devices while a coordinator watches a stock-take.
 */
export function useRefresh(refresh: () => void, intervalMs: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, intervalMs]);
}
