/** Loads data for a page and reloads it on demand; stale answers from an earlier load are dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'done'; readonly data: T };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    load().then(
      (data) => mine === latest.current && setState({ status: 'done', data }),
      (error: unknown) => mine === latest.current && setState({ status: 'error', error }),
    );
  }, [...deps, generation]); // the caller lists what `load` depends on
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
