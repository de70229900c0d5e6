import type { Kysely, Selectable } from 'kysely';
import type { DB, MeetingTable } from '../../db/schema.js';

export type MeetingRow = Selectable<MeetingTable>;

export async function findMeetingBySlug(db: Kysely<DB>, slug: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meeting').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listMeetingRows(db: Kysely<DB>): Promise<MeetingRow[]> {
  return db.selectFrom('meeting').selectAll().where('status', '!=', 'draft').orderBy('start_date', 'desc').execute();
}

export async function listConceptSections(db: Kysely<DB>, meetingId: string) {
  return db.selectFrom('concept_section').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}
