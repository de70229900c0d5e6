import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { sessionHours } from '../meeting/presenter.js';
import { findMeetingBySlug, type MeetingRow } from '../meeting/repository.js';
import { presentAgenda } from './presenter.js';
import { findAgendaHead, listPublishedVersions, loadTree } from './repository.js';

export interface ReadAgenda {
  agenda: Agenda;
  meeting: MeetingRow;
  /** The agenda serialised once, sent as it is. */
  json: string;
  etag: string;
}

/*
 * Published versions never change, so a presented and serialised agenda is cached in memory.
 * The key holds the meeting's updated_at, which every change to the meeting and every newly
 * published version moves forward; so the cache stays correct when several processes share one
 * database: another process's change alters the key, nobody has to invalidate anything. One
 * indexed query per request checks the key.
 */
const MAX_ENTRIES = 256;
const cache = new Map<string, ReadAgenda>();

function remember(key: string, value: ReadAgenda): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

export async function readAgenda(
  db: Kysely<DB>,
  slug: string,
  lang: Lang,
  versionNumber?: number,
): Promise<ReadAgenda> {
  const head = await findAgendaHead(db, slug);
  if (!head || head.status === 'draft') throw new AppError('not_found', `No meeting "${slug}".`);
  const key = `${head.id}|${head.updated_at}|${versionNumber ?? 'latest'}|${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const meeting = await findMeetingBySlug(db, slug);
  if (!meeting) throw new AppError('not_found', `No meeting "${slug}".`);
  const versions = await listPublishedVersions(db, meeting.id);
  const latest = versions.at(-1);
  if (!latest) throw new AppError('not_found', 'This meeting has no published agenda yet.');
  const version = versionNumber === undefined ? latest : versions.find((v) => v.number === versionNumber);
  if (!version) {
    throw new AppError('not_found', `Agenda version ${versionNumber} does not exist; the latest is ${latest.number}.`);
  }
  const days = await loadTree(db, version.id);
  const agenda = presentAgenda({ meeting, sessionHours: sessionHours(meeting), version, versions, days, lang });
  const json = JSON.stringify(agenda);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  const value = { agenda, meeting, json, etag };
  remember(key, value);
  return value;
}
