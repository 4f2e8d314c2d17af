import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Resource<T> {
  /** The last answer; kept while a reload is under way so the screen does not flicker. */
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with a fresher answer the screen already has (e.g. returned by a POST). */
  replace: (data: T) => void;
}

/**
 * Loads something from the API when the screen opens and whenever `deps` change; an answer that
 * arrives after a newer request was started is dropped, so a fast filter change never shows stale rows.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => {
        if (request === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (request === latest.current) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => {
    latest.current++;
    setState({ data, error: null, loading: false });
  }, []);
  return { ...state, reload, replace };
}
