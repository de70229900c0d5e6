import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { LANGS } from '../../../shared/lang.js';
import type { MultiText } from '../../../shared/text.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { publishAgenda } from '../../modules/agenda/publish-agenda.js';
import { createDraft } from '../../modules/agenda/repository.js';
import type { StoredPresenter, TreeDay } from '../../modules/agenda/tree.js';
import { organizationNames } from '../../modules/reference/repository.js';
import { conceptNoteRules } from '../../modules/participation/rules.js';
import { saveRules } from '../../modules/participation/save-rules.js';
import { seedTreaties } from '../../modules/treaties/seed.js';
import { seedDocuments } from '../../modules/documents/seed.js';
import { seedPractices } from '../../modules/practices/seed.js';
import { seedStatistics } from '../../modules/statistics/seed.js';
import type { FileStore } from '../../files/store.js';
import { newId, nowIso } from '../ids.js';
import { json } from '../json.js';
import type { DB } from '../schema.js';
import type { SeedMeeting, SeedMemberState, SeedOrganization, SeedPresenter, SeedText } from './types.js';

function readSeed<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T;
}

/** Seed texts mark the original official and translations unofficial unless listed. */
export function toMultiText(s: SeedText): MultiText {
  const values: MultiText['values'] = {};
  for (const lang of LANGS) {
    const text = s.text[lang];
    if (text !== undefined && text !== '') {
      values[lang] = {
        text: text.normalize('NFC'),
        official: lang === s.original || (s.official ?? []).includes(lang),
      };
    }
  }
  return { original: s.original, values };
}

export interface SeedReport {
  memberStates: number;
  organizations: number;
  meetingsCreated: string[];
}

/** Reference data is upserted: running seed again brings names up to date and loses nothing. */
export async function seedReference(db: Kysely<DB>): Promise<{ memberStates: number; organizations: number }> {
  const states = readSeed<SeedMemberState[]>('member-states.json');
  const orgs = readSeed<SeedOrganization[]>('organizations.json');
  await db.transaction().execute(async (trx) => {
    for (const s of states) {
      const row = {
        iso3: s.iso3,
        iso2: s.iso2,
        name_en: s.name.en,
        name_es: s.name.es,
        name_fr: s.name.fr,
        name_pt: s.name.pt,
        subregion: s.subregion,
        groupings: json(s.groupings),
        participated_2005: s.participated2005 ? 1 : 0,
      };
      await trx
        .insertInto('member_state')
        .values(row)
        .onConflict((oc) => oc.column('iso3').doUpdateSet({ ...row, iso3: undefined }))
        .execute();
    }
    for (const o of orgs) {
      const row = {
        id: o.id,
        kind: o.kind,
        name: json(o.name),
        acronym: json(o.acronym),
        member_state: o.memberState ?? null,
      };
      await trx
        .insertInto('organization')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
        .execute();
    }
  });
  return { memberStates: states.length, organizations: orgs.length };
}

function toDays(seed: SeedMeeting, names: Awaited<ReturnType<typeof organizationNames>>): TreeDay[] {
  const presenter = (p: SeedPresenter): StoredPresenter => {
    if ('person' in p) return { type: 'person', name: p.person };
    const known = names.get(p.organization);
    if (!known) throw new Error(`seed: unknown presenter organisation "${p.organization}"`);
    return { type: 'organization', id: p.organization, ...known };
  };
  return seed.agenda.days.map((d) => ({
    date: d.date,
    blocks: d.blocks.map((b) => ({
      period: b.period,
      theme: b.theme ? toMultiText(b.theme) : null,
      startTime: b.startTime ?? null,
      endTime: b.endTime ?? null,
      items: b.items.map((i) => ({
        key: i.key,
        number: i.number,
        kind: i.kind,
        title: toMultiText(i.title),
        description: i.description ? toMultiText(i.description) : null,
        presenters: (i.presenters ?? []).map(presenter),
        alternatives: (i.alternatives ?? []).map(toMultiText),
        startTime: i.startTime ?? null,
        endTime: i.endTime ?? null,
      })),
    })),
  }));
}

/** The actor of data loaded when the server starts (the CLI's `seed` passes its own). */
export const STARTUP_AUDIT: AuditContext = {
  actor: { kind: 'cli', label: 'server start (demo data)' },
  role: 'cli',
  requestId: null,
  ip: null,
};

/** Creates a meeting from a seed file unless its slug exists: a seed never overwrites edits. */
export async function seedMeeting(
  db: Kysely<DB>,
  seed: SeedMeeting,
  audit: AuditContext = STARTUP_AUDIT,
): Promise<boolean> {
  const exists = await db.selectFrom('meeting').select('id').where('slug', '=', seed.slug).executeTakeFirst();
  if (exists) return false;
  const meetingId = newId();
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx
      .insertInto('meeting')
      .values({
        id: meetingId,
        slug: seed.slug,
        title: json(toMultiText(seed.title)),
        start_date: seed.startDate,
        end_date: seed.endDate,
        time_zone: seed.timeZone,
        venue: seed.venue ? json(toMultiText(seed.venue)) : null,
        status: seed.status,
        organizers: json(seed.organizers),
        default_session_hours: json(
          Object.entries(seed.defaultSessionHours).map(([period, h]) => ({ period, start: h.start, end: h.end })),
        ),
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [position, s] of seed.conceptNote.entries()) {
      await trx
        .insertInto('concept_section')
        .values({
          id: newId(),
          meeting_id: meetingId,
          kind: s.kind,
          position,
          heading: json(toMultiText(s.heading)),
          body: json(toMultiText(s.body)),
          notes: json((s.notes ?? []).map(toMultiText)),
        })
        .execute();
    }
    const orgIds = seed.agenda.days.flatMap((d) =>
      d.blocks.flatMap((b) =>
        b.items.flatMap((i) => (i.presenters ?? []).flatMap((p) => ('organization' in p ? [p.organization] : []))),
      ),
    );
    const names = await organizationNames(trx, [...new Set(orgIds)]);
    await createDraft(
      trx,
      meetingId,
      { title: toMultiText(seed.agenda.title), label: seed.agenda.label ? toMultiText(seed.agenda.label) : null },
      toDays(seed, names),
    );
    await writeAudit(trx, audit, { action: 'seed.meeting_created', objectType: 'meeting', objectId: seed.slug });
  });
  // The note's agenda is what was circulated: it is published as version 1.
  await publishAgenda(db, meetingId);
  return true;
}

export async function seedAll(
  db: Kysely<DB>,
  files: FileStore,
  audit: AuditContext = STARTUP_AUDIT,
): Promise<SeedReport> {
  const ref = await seedReference(db);
  const meetings = [readSeed<SeedMeeting>('meeting-oas-iom-tip-2005.json')];
  const created: string[] = [];
  for (const m of meetings) if (await seedMeeting(db, m, audit)) created.push(m.slug);
  for (const m of meetings) await seedParticipationRules(db, m.slug, audit);
  await seedTreaties(db, audit);
  for (const m of meetings) await seedDocuments(db, files, m.slug, audit);
  await seedPractices(db, audit);
  await seedStatistics(db, audit);
  return { ...ref, meetingsCreated: created };
}

/**
 * Gives a seeded meeting the concept note's participation rules unless it has rules (also for
 * databases created before rules existed); the invited states are those that took part in 2005.
 */
export async function seedParticipationRules(db: Kysely<DB>, slug: string, audit: AuditContext = STARTUP_AUDIT) {
  const meeting = await db.selectFrom('meeting').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
  if (!meeting) return false;
  const has = await db
    .selectFrom('participation_rules')
    .select('meeting_id')
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (has) return false;
  const invited = await db
    .selectFrom('member_state')
    .select('iso3')
    .where('participated_2005', '=', 1)
    .orderBy('iso3')
    .execute();
  await db.transaction().execute((trx) => saveRules(trx, audit, meeting, conceptNoteRules(invited.map((s) => s.iso3))));
  return true;
}
