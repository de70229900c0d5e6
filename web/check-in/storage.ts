import type { RosterEntry } from '../participation/types.js';

/**
 * What the registration desk keeps on the device so it works through a dropped connection: the
 * roster of accredited people with their badge codes (read when offline) and the scans made
 * offline, waiting to be sent. localStorage, per meeting; a full or disabled storage only loses
 * the offline help, never a scan made online.
 */

export interface CachedRoster {
  items: RosterEntry[];
  generatedAt: string;
}

export interface QueuedScan {
  code: string;
  scannedAt: string;
}

const rosterKey = (slug: string) => `continental.checkin.${slug}.roster`;
const queueKey = (slug: string) => `continental.checkin.${slug}.queue`;

function read<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isRoster = (value: unknown): value is CachedRoster =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as CachedRoster).items) &&
  typeof (value as CachedRoster).generatedAt === 'string';

const isQueue = (value: unknown): value is QueuedScan[] =>
  Array.isArray(value) &&
  value.every(
    (s: unknown) =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as QueuedScan).code === 'string' &&
      typeof (s as QueuedScan).scannedAt === 'string',
  );

export const loadRoster = (slug: string): CachedRoster | null => read(rosterKey(slug), isRoster);
export const saveRoster = (slug: string, roster: CachedRoster): boolean => write(rosterKey(slug), roster);
export const loadQueue = (slug: string): QueuedScan[] => read(queueKey(slug), isQueue) ?? [];
export const saveQueue = (slug: string, queue: QueuedScan[]): boolean => write(queueKey(slug), queue);

/** The roster with the offline scans marked present (the server has not heard of them yet). */
export function withQueued(roster: CachedRoster, queue: QueuedScan[]): CachedRoster {
  if (queue.length === 0) return roster;
  const first = new Map<string, string>();
  for (const scan of queue) if (!first.has(scan.code)) first.set(scan.code, scan.scannedAt);
  return {
    ...roster,
    items: roster.items.map((entry) =>
      entry.checkedInAt === null && first.has(entry.code) ? { ...entry, checkedInAt: first.get(entry.code)! } : entry,
    ),
  };
}

/** Names compared as a reader types them: no accents, no case. */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/**
 * Forgets every cached roster (names and badge codes) on this device: called when the user signs
 * out, so a shared desk computer does not keep participants' data. Queued scans stay, to be sent
 * by the next person who signs in at the desk.
 */
export function forgetRosters(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith('continental.checkin.') && key.endsWith('.roster')) localStorage.removeItem(key);
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
}
