import { useCallback, useEffect, useState } from 'preact/hooks';

export type ApiData<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ok'; data: T }
  | { state: 'error'; data: T | null; error: unknown };

/**
 * Data the screen fetches from the server, fetched again when `key` changes or on `reload()`. While
 * a new fetch runs the previous data stays (no flicker of an empty table between pages); an answer
 * that arrives after a newer request was made is dropped.
 */
export function useApiData<T>(key: string, load: () => Promise<T>): [ApiData<T>, () => void] {
  const [data, setData] = useState<ApiData<T>>({ state: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  // `load` is a fresh closure on every render: `key` names what it loads, and decides when to load again.
  useEffect(() => {
    let current = true;
    setData((previous) => ({ state: 'loading', data: previous.data }));
    load().then(
      (value) => current && setData({ state: 'ok', data: value }),
      (error: unknown) => current && setData((previous) => ({ state: 'error', data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [data, reload];
}
