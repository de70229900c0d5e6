import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from './api.js';

export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError; retry: () => void } | { status: 'ok'; data: T };

type Settled<T> = { url: string; attempt: number } & ({ data: T } | { error: ApiError });

/**
 * Fetch `url` while the calling component shows it. Changing the URL (a navigation) or
 * unmounting aborts the request in flight, so a slow answer never overwrites a newer page.
 */
export function useApi<T>(url: string): ApiState<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (data) => setSettled({ url, attempt, data }),
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError('internal', 0, String(err));
        setSettled({ url, attempt, error });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // A result for another URL or an earlier attempt is stale: show loading, not old data.
  if (!settled || settled.url !== url || settled.attempt !== attempt) return { status: 'loading' };
  if ('error' in settled) return { status: 'error', error: settled.error, retry };
  return { status: 'ok', data: settled.data };
}
