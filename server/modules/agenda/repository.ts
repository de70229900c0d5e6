import type { CompiledQuery, Kysely, Selectable, Transaction } from 'kysely';
import type { MultiText } from '../../../shared/text.js';
import { json, parseJson, parseOptionalText, parseText } from '../../db/json.js';
import { newId, nowIso } from '../../db/ids.js';
import type { AgendaVersionTable, DB } from '../../db/schema.js';
import type { StoredChange, StoredPresenter, TreeBlock, TreeDay, TreeItem } from './tree.js';

type Db = Kysely<DB> | Transaction<DB>;
export type VersionRow = Selectable<AgendaVersionTable>;

export async function countPublishedVersions(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_version')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('number', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What decides whether a cached agenda is still current: the meeting's id, status and last
 * change. Publishing a version touches the meeting (see publish-agenda.ts), so this one
 * indexed lookup is enough.
 */
export async function findAgendaHead(db: Kysely<DB>, slug: string): Promise<AgendaHead | undefined> {
  // Hot path of every agenda read: compiled once per database, run with the slug as parameter.
  let compiled = headQueries.get(db);
  if (!compiled) {
    compiled = db.selectFrom('meeting').select(['id', 'status', 'updated_at']).where('slug', '=', '').compile();
    headQueries.set(db, compiled);
  }
  const { rows } = await db.executeQuery<AgendaHead>({ ...compiled, parameters: [slug] });
  return rows[0];
}

interface AgendaHead {
  id: string;
  status: string;
  updated_at: string;
}
const headQueries = new WeakMap<Kysely<DB>, CompiledQuery>();

/** Published versions of a meeting's agenda, oldest first. */
export async function listPublishedVersions(db: Db, meetingId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('agenda_version')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('number', 'is not', null)
    .orderBy('number')
    .execute();
}

export async function findDraft(db: Db, meetingId: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('agenda_version')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('number', 'is', null)
    .executeTakeFirst();
}

/** Days → blocks → items of one version, in order. Three queries whatever the agenda's size. */
export async function loadTree(db: Db, versionId: string): Promise<TreeDay[]> {
  const [days, blocks, items] = await Promise.all([
    db.selectFrom('agenda_day').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
    db
      .selectFrom('agenda_block')
      .innerJoin('agenda_day', 'agenda_day.id', 'agenda_block.day_id')
      .selectAll('agenda_block')
      .where('agenda_day.version_id', '=', versionId)
      .orderBy('agenda_block.position')
      .execute(),
    db.selectFrom('agenda_item').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
  ]);
  const itemsByBlock = new Map<string, TreeItem[]>();
  for (const r of items) {
    const list = itemsByBlock.get(r.block_id) ?? [];
    list.push({
      key: r.key,
      number: r.number,
      kind: r.kind as TreeItem['kind'],
      title: parseText(r.title, 'agenda_item.title'),
      description: parseOptionalText(r.description, 'agenda_item.description'),
      presenters: parseJson<StoredPresenter[]>(r.presenters, 'agenda_item.presenters'),
      alternatives: parseJson<MultiText[]>(r.alternatives, 'agenda_item.alternatives'),
      startTime: r.start_time,
      endTime: r.end_time,
    });
    itemsByBlock.set(r.block_id, list);
  }
  const blocksByDay = new Map<string, TreeBlock[]>();
  for (const b of blocks) {
    const list = blocksByDay.get(b.day_id) ?? [];
    list.push({
      period: b.period as TreeBlock['period'],
      theme: parseOptionalText(b.theme, 'agenda_block.theme'),
      startTime: b.start_time,
      endTime: b.end_time,
      items: itemsByBlock.get(b.id) ?? [],
    });
    blocksByDay.set(b.day_id, list);
  }
  return days.map((d) => ({ date: d.date, blocks: blocksByDay.get(d.id) ?? [] }));
}

/** Writes a whole tree under a version (which must have no days yet). */
export async function insertTree(trx: Transaction<DB>, versionId: string, days: TreeDay[]): Promise<void> {
  for (const [dayPos, day] of days.entries()) {
    const dayId = newId();
    await trx
      .insertInto('agenda_day')
      .values({ id: dayId, version_id: versionId, date: day.date, position: dayPos })
      .execute();
    for (const [blockPos, block] of day.blocks.entries()) {
      const blockId = newId();
      await trx
        .insertInto('agenda_block')
        .values({
          id: blockId,
          day_id: dayId,
          period: block.period,
          position: blockPos,
          theme: block.theme ? json(block.theme) : null,
          start_time: block.startTime,
          end_time: block.endTime,
        })
        .execute();
      if (block.items.length === 0) continue;
      await trx
        .insertInto('agenda_item')
        .values(
          block.items.map((item, itemPos) => ({
            id: newId(),
            version_id: versionId,
            block_id: blockId,
            key: item.key,
            number: item.number,
            position: itemPos,
            kind: item.kind,
            title: json(item.title),
            description: item.description ? json(item.description) : null,
            presenters: json(item.presenters),
            alternatives: json(item.alternatives),
            start_time: item.startTime,
            end_time: item.endTime,
          })),
        )
        .execute();
    }
  }
}

export async function createDraft(
  trx: Transaction<DB>,
  meetingId: string,
  head: { title: MultiText; label: MultiText | null },
  days: TreeDay[],
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('agenda_version')
    .values({
      id,
      meeting_id: meetingId,
      number: null,
      title: json(head.title),
      label: head.label ? json(head.label) : null,
      published_at: null,
      changes: '[]',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertTree(trx, id, days);
  return id;
}

export async function insertPublishedVersion(
  trx: Transaction<DB>,
  meetingId: string,
  draft: VersionRow,
  number: number,
  changes: StoredChange[],
  publishedAt: string,
  days: TreeDay[],
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('agenda_version')
    .values({
      id,
      meeting_id: meetingId,
      number,
      title: draft.title,
      label: draft.label,
      published_at: publishedAt,
      changes: json(changes),
      created_at: publishedAt,
      updated_at: publishedAt,
    })
    .execute();
  await insertTree(trx, id, days);
  return id;
}
