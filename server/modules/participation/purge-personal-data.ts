import { sql, type Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { readRules } from './rules.js';

export interface PurgeReport {
  registrations: number;
  credentialsLetters: number;
  mails: number;
  retentionEnds: string;
}

/** The first day personal data may be purged: the meeting's last day plus its retention period. */
export function retentionEnd(endDate: string, retentionDays: number): string {
  const end = new Date(`${endDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + retentionDays + 1);
  return end.toISOString().slice(0, 10);
}

/**
 * Erases what identifies the people registered for a meeting once its retention period is over:
 * names, contacts, identity documents, credentials letters and the mails sent to them. What
 * remains (category, state, organisation, gender, status, check-in time) still feeds the
 * participation statistics and cannot name anyone. Badge codes are voided too. Refused before the
 * period ends unless `force` (a documented decision, e.g. an erasure request), and audited.
 */
export async function purgePersonalData(
  db: Kysely<DB>,
  ctx: AuditContext,
  slug: string,
  options: { force: boolean; today?: string },
): Promise<PurgeReport> {
  const meeting = await db.selectFrom('meeting').select(['id', 'end_date']).where('slug', '=', slug).executeTakeFirst();
  if (!meeting) throw new AppError('not_found', `No meeting "${slug}".`);
  const rules = await readRules(db, meeting.id);
  const ends = retentionEnd(meeting.end_date, rules.retentionDays);
  const today = options.today ?? nowIso().slice(0, 10);
  if (today < ends && !options.force) {
    throw new AppError(
      'conflict',
      `The retention period of "${slug}" runs until ${ends} (${rules.retentionDays} days after the meeting); use --force to purge earlier.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('registration')
      .select(['id', 'email', 'given_name', 'family_name'])
      .where('meeting_id', '=', meeting.id)
      .where('personal_data_purged_at', 'is', null)
      .execute();
    const emails = [...new Set(rows.map((r) => r.email))];
    let mails = 0;
    for (let i = 0; i < emails.length; i += 500) {
      const result = await trx
        .deleteFrom('outbox_message')
        .where('to_address', 'in', emails.slice(i, i + 500))
        .executeTakeFirst();
      mails += Number(result.numDeletedRows);
    }
    // Copies sent to nominators name the person as the mails write it.
    for (const r of rows) {
      const name = `${r.given_name} ${r.family_name}`.replace(/[\\%_]/g, (c) => `\\${c}`);
      const result = await trx
        .deleteFrom('outbox_message')
        .where(sql<boolean>`body like ${`%${name}%`} escape '\\'`)
        .executeTakeFirst();
      mails += Number(result.numDeletedRows);
    }
    const now = nowIso();
    for (const r of rows) {
      await trx
        .updateTable('registration')
        .set({
          given_name: '—',
          family_name: '—',
          sort_name: '',
          title: null,
          position: null,
          institution: null,
          email: `purged-${r.id}@invalid`,
          phone: null,
          id_document: null,
          public_consent: 0,
          nominator_email: null,
          check_in_code: `purged-${r.id}`,
          personal_data_purged_at: now,
          updated_at: now,
        })
        .where('id', '=', r.id)
        .execute();
    }
    const letters = await trx
      .updateTable('delegation')
      .set({ credentials_file: null, credentials_file_name: null, updated_at: now })
      .where('meeting_id', '=', meeting.id)
      .where('credentials_file', 'is not', null)
      .executeTakeFirst();
    const report = {
      registrations: rows.length,
      credentialsLetters: Number(letters.numUpdatedRows),
      mails,
      retentionEnds: ends,
    };
    await writeAudit(trx, ctx, {
      action: 'personal_data.purge',
      objectType: 'meeting',
      objectId: slug,
      changes: {
        registrations: { before: null, after: report.registrations },
        credentialsLetters: { before: null, after: report.credentialsLetters },
        early: { before: null, after: today < ends },
      },
    });
    return report;
  });
}
