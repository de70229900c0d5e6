import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { sessionHours } from '../meeting/presenter.js';
import { findMeetingBySlug, type MeetingRow } from '../meeting/repository.js';
import { presentAgenda } from './presenter.js';
import { listPublishedVersions, loadTree } from './repository.js';

/*
 * Published versions never change, so their presented form is cached in memory. The key holds
 * every mutable input (the meeting's updated_at, the latest version number), which keeps the
 * cache correct when several processes share one database: another process's change alters
 * the key, it never needs to be told.
 */
const MAX_ENTRIES = 256;
const cache = new Map<string, Agenda>();

function remember(key: string, value: Agenda): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

export async function readAgenda(
  db: Kysely<DB>,
  slug: string,
  lang: Lang,
  versionNumber?: number,
): Promise<{ agenda: Agenda; meeting: MeetingRow }> {
  const meeting = await findMeetingBySlug(db, slug);
  if (!meeting || meeting.status === 'draft') throw new AppError('not_found', `No meeting "${slug}".`);
  const versions = await listPublishedVersions(db, meeting.id);
  const latest = versions.at(-1);
  if (!latest) throw new AppError('not_found', 'This meeting has no published agenda yet.');
  const version = versionNumber === undefined ? latest : versions.find((v) => v.number === versionNumber);
  if (!version) {
    throw new AppError('not_found', `Agenda version ${versionNumber} does not exist; the latest is ${latest.number}.`);
  }
  const key = `${version.id}|${lang}|${meeting.updated_at}|${latest.number}`;
  const hit = cache.get(key);
  if (hit) return { agenda: hit, meeting };
  const days = await loadTree(db, version.id);
  const agenda = presentAgenda({ meeting, sessionHours: sessionHours(meeting), version, versions, days, lang });
  remember(key, agenda);
  return { agenda, meeting };
}
