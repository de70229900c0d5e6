import { useCallback, useEffect, useState } from 'react';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { Indicator } from '../../../shared/schemas/statistics.js';
import { ApiError, getJson, isAbort } from '../../api.js';
import { indicatorsUrl, joinLanguages, type FullIndicator } from './model.js';

export type IndicatorsState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; retry: () => void }
  | { status: 'ok'; items: FullIndicator[]; reload: () => void };

/**
 * The framework with every text in the four languages: the public list answers in one language,
 * so it is asked four times (a few dozen indicators; only the secretariat opens this page).
 */
export function useIndicators(): IndicatorsState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<IndicatorsState>({ status: 'loading' });
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all(LANGS.map((l) => getJson<{ items: Indicator[] }>(indicatorsUrl(l), controller.signal))).then(
      (answers) => {
        const lists = Object.fromEntries(LANGS.map((l, n) => [l, answers[n]?.items ?? []])) as Record<
          Lang,
          Indicator[]
        >;
        setState({ status: 'ok', items: joinLanguages(lists), reload });
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError('internal', 0, String(err));
        setState({ status: 'error', error, retry: reload });
      },
    );
    return () => controller.abort();
  }, [attempt, reload]);

  return state;
}
