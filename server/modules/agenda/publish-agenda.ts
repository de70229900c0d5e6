import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { organizationNames } from '../reference/repository.js';
import { computeChanges } from './changelog.js';
import { findDraft, insertPublishedVersion, listPublishedVersions, loadTree } from './repository.js';
import type { StoredChange, TreeDay } from './tree.js';

/** Refreshes organisation names so the published version keeps them as they were on that day. */
async function snapshotPresenters(db: Transaction<DB>, days: TreeDay[]): Promise<TreeDay[]> {
  const ids = new Set<string>();
  for (const d of days)
    for (const b of d.blocks)
      for (const i of b.items) for (const p of i.presenters) if (p.type === 'organization') ids.add(p.id);
  const names = await organizationNames(db, [...ids]);
  return days.map((d) => ({
    ...d,
    blocks: d.blocks.map((b) => ({
      ...b,
      items: b.items.map((i) => ({
        ...i,
        presenters: i.presenters.map((p) => {
          const known = p.type === 'organization' ? names.get(p.id) : undefined;
          return known && p.type === 'organization' ? { ...p, name: known.name, acronym: known.acronym } : p;
        }),
      })),
    })),
  }));
}

/**
 * Publishes the meeting's draft agenda as the next numbered version, with its change log
 * against the previous one. Published versions are never edited afterwards.
 */
export async function publishAgenda(db: Kysely<DB>, meetingId: string): Promise<PublishedAgenda> {
  return db.transaction().execute((trx) => publishAgendaIn(trx, meetingId));
}

export interface PublishedAgenda {
  number: number;
  versionId: string;
  changes: StoredChange[];
}

/** The same inside the caller's transaction, so that an edit's audit entry commits or fails with it. */
export async function publishAgendaIn(trx: Transaction<DB>, meetingId: string): Promise<PublishedAgenda> {
  const draft = await findDraft(trx, meetingId);
  if (!draft) throw new AppError('not_found', 'This meeting has no draft agenda.');
  const published = await listPublishedVersions(trx, meetingId);
  const previous = published.at(-1);
  const days = await snapshotPresenters(trx, await loadTree(trx, draft.id));
  const changes = previous ? computeChanges(await loadTree(trx, previous.id), days) : [];
  const number = (previous?.number ?? 0) + 1;
  const now = nowIso();
  const versionId = await insertPublishedVersion(trx, meetingId, draft, number, changes, now, days);
  // Readers cache agendas keyed on the meeting's updated_at: a new version must change it.
  await trx.updateTable('meeting').set({ updated_at: now }).where('id', '=', meetingId).execute();
  return { number, versionId, changes };
}
