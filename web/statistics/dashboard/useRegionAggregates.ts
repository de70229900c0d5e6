import { useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from '../../api.js';
import { statsUrl, type AggregateResponse, type Region } from './types.js';

export type RegionAnswers = Map<Region, AggregateResponse[]>;

/**
 * The aggregates of each chosen region for each year that has validated reports (the route
 * answers one region and one year at a time; years without reports have nothing to sum). A new
 * choice aborts the requests still in flight.
 */
export function useRegionAggregates(
  indicator: string,
  years: number[],
  regions: Region[],
): { answers: RegionAnswers; error: ApiError | null; loading: boolean } {
  const key = JSON.stringify({ indicator, years, regions });
  const [settled, setSettled] = useState<{ key: string; answers: RegionAnswers; error: ApiError | null } | null>(null);

  useEffect(() => {
    const {
      indicator: code,
      years: ys,
      regions: rs,
    } = JSON.parse(key) as {
      indicator: string;
      years: number[];
      regions: Region[];
    };
    const controller = new AbortController();
    const jobs = rs.flatMap((region) =>
      ys.map((year) => getJson<AggregateResponse>(statsUrl.aggregates(code, year, region), controller.signal)),
    );
    Promise.all(jobs).then(
      (all) => {
        const answers: RegionAnswers = new Map();
        rs.forEach((region, i) => answers.set(region, all.slice(i * ys.length, (i + 1) * ys.length)));
        setSettled({ key, answers, error: null });
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError('internal', 0, String(err));
        setSettled({ key, answers: new Map(), error });
      },
    );
    return () => controller.abort();
  }, [key]);

  if (!settled || settled.key !== key) return { answers: new Map(), error: null, loading: true };
  return { answers: settled.answers, error: settled.error, loading: false };
}
