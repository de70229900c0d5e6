import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../shared/lang.js';
import { getJson, isAbort, send, type ApiError } from '../api.js';
import { asApiError } from '../forms/problem.js';
import { participationUrl, type CheckInResult, type RosterEntry, type Statistics } from '../participation/types.js';
import {
  loadQueue,
  loadRoster,
  saveQueue,
  saveRoster,
  withQueued,
  type CachedRoster,
  type QueuedScan,
} from './storage.js';

/** How often the live counts are read again (and waiting scans retried). */
export const REFRESH_MS = 30_000;

export type Outcome =
  | { kind: 'ok'; entry: Who; at: string; offline: boolean }
  | { kind: 'already'; entry: Who; at: string }
  | { kind: 'queuedUnknown'; code: string }
  | { kind: 'error'; error: ApiError };

export interface Who {
  givenName: string;
  familyName: string;
  delegationName: string | null;
}

export interface SyncProblem {
  scan: QueuedScan;
  /** The person, when the saved roster knows the code. */
  entry: RosterEntry | null;
  error: ApiError;
}

// Failures that may pass: the scan stays queued and is tried again later.
const transient = (e: ApiError) =>
  e.code === 'network' || e.code === 'rate_limited' || e.code === 'unauthorized' || e.status >= 500;

/**
 * The registration desk's state: the roster (from the server, else the copy saved on this
 * device), scans made offline waiting to be sent, and the live counts.
 */
export function useDesk(slug: string, lang: Lang) {
  const [base, setBase] = useState<CachedRoster | null>(() => loadRoster(slug));
  const [queue, setQueue] = useState<QueuedScan[]>(() => loadQueue(slug));
  const [online, setOnline] = useState(() => navigator.onLine);
  const [rosterError, setRosterError] = useState<ApiError | null>(null);
  const [stats, setStats] = useState<{ data: Statistics; at: string } | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncProblems, setSyncProblems] = useState<SyncProblem[]>([]);
  // The truth for the asynchronous loops (a state value would be the one of an earlier render).
  const queueRef = useRef<QueuedScan[]>(queue);
  const baseRef = useRef<CachedRoster | null>(base);
  const syncingRef = useRef(false);

  const setQueued = useCallback(
    (next: QueuedScan[]) => {
      queueRef.current = next;
      saveQueue(slug, next);
      setQueue(next);
    },
    [slug],
  );
  const setRoster = useCallback(
    (next: CachedRoster) => {
      baseRef.current = next;
      saveRoster(slug, next);
      setBase(next);
    },
    [slug],
  );

  // Promise callbacks, not await: the effect below starts both, and state is only set on an answer.
  const fetchRoster = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      getJson<CachedRoster>(participationUrl.roster(slug, lang), signal ?? new AbortController().signal).then(
        (fresh) => {
          setRoster(fresh);
          setRosterError(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setRosterError(asApiError(err));
        },
      ),
    [slug, lang, setRoster],
  );

  const fetchStats = useCallback(
    (signal?: AbortSignal): Promise<void> =>
      getJson<Statistics>(participationUrl.statistics(slug, lang), signal ?? new AbortController().signal).then(
        (data) => setStats({ data, at: new Date().toISOString() }),
        // Kept as they were, with the time they were read: the page says how old they are.
        () => undefined,
      ),
    [slug, lang],
  );

  /** Marks a person present in the saved roster (an online check-in the server confirmed). */
  const markPresent = useCallback(
    (registrationId: string, at: string) => {
      const current = baseRef.current;
      if (!current) return;
      setRoster({
        ...current,
        items: current.items.map((e) =>
          e.registrationId === registrationId && e.checkedInAt === null ? { ...e, checkedInAt: at } : e,
        ),
      });
    },
    [setRoster],
  );

  /** Sends the scans made offline, oldest first; the server's once-only rule settles duplicates. */
  const sync = useCallback(async () => {
    if (syncingRef.current || queueRef.current.length === 0) return;
    syncingRef.current = true;
    setSyncing(true);
    const problems: SyncProblem[] = [];
    let settled = 0;
    try {
      while (queueRef.current.length > 0) {
        const [scan, ...rest] = queueRef.current;
        if (!scan) break;
        try {
          await send<CheckInResult>('POST', participationUrl.checkIns(slug, lang), {
            code: scan.code,
            scannedAt: scan.scannedAt,
          });
        } catch (err) {
          const error = asApiError(err);
          if (transient(error)) {
            if (error.code === 'network') setOnline(false);
            break;
          }
          const entry = baseRef.current?.items.find((e) => e.code === scan.code) ?? null;
          problems.push({ scan, entry, error });
        }
        settled += 1;
        setQueued(rest);
      }
    } finally {
      syncingRef.current = false;
      setSyncing(false);
    }
    if (problems.length > 0) setSyncProblems((p) => [...p, ...problems]);
    if (settled > 0) {
      setOnline(true);
      void fetchRoster();
      void fetchStats();
    }
  }, [slug, lang, setQueued, fetchRoster, fetchStats]);

  useEffect(() => {
    const controller = new AbortController();
    void fetchRoster(controller.signal);
    void fetchStats(controller.signal);
    const timer = window.setInterval(() => {
      if (!navigator.onLine) return;
      void fetchStats();
      void sync();
    }, REFRESH_MS);
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [fetchRoster, fetchStats, sync]);

  const roster = useMemo(() => (base ? withQueued(base, queue) : null), [base, queue]);

  /** Offline: present from the saved roster, the scan queued for later. */
  const checkInOffline = useCallback(
    (code: string, entry: RosterEntry | undefined): Outcome => {
      const shown = entry ? withQueued({ items: [entry], generatedAt: '' }, queueRef.current).items[0] : undefined;
      if (shown?.checkedInAt) return { kind: 'already', entry: shown, at: shown.checkedInAt };
      const scannedAt = new Date().toISOString();
      setQueued([...queueRef.current, { code, scannedAt }]);
      return entry ? { kind: 'ok', entry, at: scannedAt, offline: true } : { kind: 'queuedUnknown', code };
    },
    [setQueued],
  );

  const checkIn = useCallback(
    async (input: { code: string } | { registrationId: string }): Promise<Outcome> => {
      const items = baseRef.current?.items ?? [];
      const entry =
        'code' in input
          ? items.find((e) => e.code === input.code)
          : items.find((e) => e.registrationId === input.registrationId);
      const code = 'code' in input ? input.code : entry?.code;
      if (!navigator.onLine && code) {
        setOnline(false);
        return checkInOffline(code, entry);
      }
      try {
        const result = await send<CheckInResult>('POST', participationUrl.checkIns(slug, lang), input);
        setOnline(true);
        markPresent(result.registrationId, result.checkedInAt);
        void fetchStats();
        // Back online after a drop nobody announced: send what waited.
        if (queueRef.current.length > 0) void sync();
        return result.alreadyCheckedIn
          ? { kind: 'already', entry: result, at: result.checkedInAt }
          : { kind: 'ok', entry: result, at: result.checkedInAt, offline: false };
      } catch (err) {
        const error = asApiError(err);
        if (error.code === 'network' && code) {
          setOnline(false);
          return checkInOffline(code, entry);
        }
        return { kind: 'error', error };
      }
    },
    [slug, lang, markPresent, fetchStats, sync, checkInOffline],
  );

  return {
    roster,
    rosterError,
    queue,
    online,
    syncing,
    syncProblems,
    clearSyncProblems: () => setSyncProblems([]),
    stats,
    checkIn,
    sync,
    reload: () => {
      void fetchRoster();
      void fetchStats();
    },
  };
}
