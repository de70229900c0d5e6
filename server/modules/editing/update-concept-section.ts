import type { Kysely, Selectable } from 'kysely';
import type { ConceptSectionInput, ConceptSectionSource } from '../../../shared/schemas/editing.js';
import type { MultiText } from '../../../shared/text.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId } from '../../db/ids.js';
import { json, parseJson, parseText } from '../../db/json.js';
import type { ConceptSectionTable, DB } from '../../db/schema.js';
import { auditChanges } from './audit-changes.js';
import { lockMeeting, touchMeeting } from './meeting-lock.js';
import { Issues, normalizeText } from './validation.js';

type Kind = ConceptSectionSource['kind'];

export function sectionSource(row: Selectable<ConceptSectionTable>): ConceptSectionSource {
  return {
    kind: row.kind as Kind,
    heading: parseText(row.heading, 'concept_section.heading'),
    body: parseText(row.body, 'concept_section.body'),
    notes: parseJson<MultiText[]>(row.notes, 'concept_section.notes'),
  };
}

/**
 * Replaces one concept-note section (heading, body, notes in every language), creating it at the
 * end of the note when the meeting has none of that kind yet.
 */
export async function updateConceptSection(
  db: Kysely<DB>,
  ctx: AuditContext,
  slug: string,
  kind: Kind,
  input: ConceptSectionInput,
): Promise<ConceptSectionSource> {
  const issues = new Issues();
  const next: ConceptSectionSource = {
    kind,
    heading: normalizeText(input.heading, 'body/heading', issues),
    body: normalizeText(input.body, 'body/body', issues),
    notes: input.notes.map((n, i) => normalizeText(n, `body/notes/${i}`, issues)),
  };
  issues.throwIfAny();

  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, slug);
    const existing = await trx
      .selectFrom('concept_section')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const values = { heading: json(next.heading), body: json(next.body), notes: json(next.notes) };
    if (existing) {
      await trx.updateTable('concept_section').set(values).where('id', '=', existing.id).execute();
    } else {
      const last = await trx
        .selectFrom('concept_section')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('meeting_id', '=', meeting.id)
        .executeTakeFirst();
      const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
      await trx
        .insertInto('concept_section')
        .values({ id: newId(), meeting_id: meeting.id, kind, position, ...values })
        .execute();
    }
    await touchMeeting(trx, meeting);
    const before = existing ? sectionSource(existing) : null;
    await writeAudit(trx, ctx, {
      action: 'meeting.concept_section.update',
      objectType: 'meeting',
      objectId: slug,
      // Prefixed with the kind, so one meeting's trail tells the sections apart.
      changes: auditChanges(
        before && { heading: before.heading, body: before.body, notes: before.notes },
        { heading: next.heading, body: next.body, notes: next.notes },
        kind,
      ),
    });
    return next;
  });
}
