import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../../shared/lang.js';
import { ApiError, getJson, isAbort } from '../../api.js';
import type { ApiState } from '../../useApi.js';
import { statsUrl, type DataFilter, type DataResponse } from './types.js';

type Page = DataResponse & { nextCursor: string | null };
const PAGE = 5000;

/**
 * Every published figure matching `filter`: the data API gives pages of whole tables, so a chart
 * follows `nextCursor` until the last page and draws the lot. Same states as useApi; a new
 * filter aborts the pages in flight.
 */
export function useAllData(filter: DataFilter, lang: Lang): ApiState<DataResponse> {
  const base = statsUrl.data(filter, lang);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<
    ({ url: string; attempt: number } & ({ data: DataResponse } | { error: ApiError })) | null
  >(null);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const all: DataResponse = { data: [], minCell: 0 };
      let cursor: string | null = null;
      do {
        const url = `${base}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: Page = await getJson<Page>(url, controller.signal);
        all.data.push(...page.data);
        all.minCell = page.minCell;
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    })().then(
      (data) => setSettled({ url: base, attempt, data }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setSettled({
          url: base,
          attempt,
          error: err instanceof ApiError ? err : new ApiError('internal', 0, String(err)),
        });
      },
    );
    return () => controller.abort();
  }, [base, attempt]);

  const again = useCallback(() => setAttempt((n) => n + 1), []);
  if (!settled || settled.url !== base || settled.attempt !== attempt) return { status: 'loading' };
  if ('error' in settled) return { status: 'error', error: settled.error, retry: again };
  return { status: 'ok', data: settled.data, reload: again };
}
