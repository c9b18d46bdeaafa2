import { useCallback, useEffect, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads once per change of `key` (null: not yet); a stale answer never overwrites a newer one, and
 * what was loaded for another key is never shown as this one's (page 2 is not shown as page 3 while
 * page 3 loads). A reload of the same key keeps showing the current data until the new one arrives.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean }>({ key, loading: key !== null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    load().then(
      (data) => current && setState({ key, data, loading: false }),
      (error: unknown) => current && setState({ key, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render: `key` names what it loads, `generation` asks again
  }, [key, generation]);
  const mine = state.key === key;
  return {
    data: mine ? state.data : undefined,
    error: mine ? state.error : undefined,
    loading: key !== null && (!mine || state.loading),
    reload,
  };
}
