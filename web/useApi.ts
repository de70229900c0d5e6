import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from './api.js';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; retry: () => void }
  | { status: 'ok'; data: T; reload: () => void };

type Settled<T> = { url: string; attempt: number } & ({ data: T } | { error: ApiError });

/**
 * Fetch `url` (null: nothing yet) while the calling component shows it. Changing the URL (a
 * navigation) or unmounting aborts the request in flight, so a slow answer never overwrites a
 * newer page.
 */
export function useApi<T>(url: string | null): ApiState<T> {
  // keep: a reload after a change keeps the current data on screen (and focus where it is)
  // until the fresh answer replaces it.
  const [attempt, setAttempt] = useState({ n: 0, keep: false });
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const n = attempt.n;

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (data) => setSettled({ url, attempt: n, data }),
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError('internal', 0, String(err));
        setSettled({ url, attempt: n, error });
      },
    );
    return () => controller.abort();
  }, [url, n]);

  const retry = useCallback(() => setAttempt((a) => ({ n: a.n + 1, keep: false })), []);
  const reload = useCallback(() => setAttempt((a) => ({ n: a.n + 1, keep: true })), []);

  // A result for another URL or an earlier attempt is stale: show loading, not old data.
  if (!settled || settled.url !== url) return { status: 'loading' };
  if (settled.attempt !== n) {
    return attempt.keep && 'data' in settled ? { status: 'ok', data: settled.data, reload } : { status: 'loading' };
  }
  if ('error' in settled) return { status: 'error', error: settled.error, retry };
  return { status: 'ok', data: settled.data, reload };
}
