import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from '../../api.js';
import type { Report } from './types.js';

export type ReportState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; retry: () => void }
  /** report null: no report for this year yet (the first save creates it). */
  | { status: 'ok'; report: Report | null; reload: () => void };

type Settled = { url: string; n: number } & ({ report: Report | null } | { error: ApiError });

/**
 * A state-year report, where "not found" is an empty report to start rather than an error. A
 * reload after an action keeps the page (and the focus, and the message said) until the fresh
 * answer replaces the figures.
 */
export function useReport(url: string): ReportState {
  const [n, setN] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getJson<Report>(url, controller.signal).then(
      (report) => setSettled({ url, n, report }),
      (err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiError && err.code === 'not_found') setSettled({ url, n, report: null });
        else setSettled({ url, n, error: err instanceof ApiError ? err : new ApiError('internal', 0, String(err)) });
      },
    );
    return () => controller.abort();
  }, [url, n]);
  const again = useCallback(() => setN((x) => x + 1), []);
  if (!settled || settled.url !== url) return { status: 'loading' };
  if ('error' in settled)
    return settled.n === n ? { status: 'error', error: settled.error, retry: again } : { status: 'loading' };
  return { status: 'ok', report: settled.report, reload: again };
}
