import { Type } from 'typebox';
import {
  TreatyActionInputSchema,
  TreatyActionPatchSchema,
  TreatyActionSchema,
} from '../../../shared/schemas/treaties.js';
import { authorize } from '../../auth/policy.js';
import { diff, writeAudit } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError } from '../../http/errors.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { todayUtc } from './dates.js';
import { concurrentWrite } from './import-actions.js';
import { canEditTreaties } from './policy.js';
import { instrumentOr404, presentAction, type Db } from './repository.js';
import { actionKey, validateAction, validationContext, type ActionFields, type ValidAction } from './validate.js';

const tags = ['treaties'];
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
const ActionParams = Type.Object({ code: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 80 }) });

/**
 * Checks an action as the import does, with each problem on its body field (`reason` for the UI
 * to translate), and refuses a second signature or consent of the state for the instrument.
 * `except` is the action being edited, which may keep its own place.
 */
async function checkedAction(trx: Db, fields: ActionFields, except: string | null): Promise<ValidAction> {
  const checked = validateAction(fields, await validationContext(trx, todayUtc()));
  if (!checked.ok) {
    const errors = checked.errors.map(({ field, ...e }) => ({ path: `body/${field}`, ...e }));
    throw new AppError('validation_failed', `${errors[0]?.path}: ${errors[0]?.message}`, { errors });
  }
  const a = checked.value;
  let q = trx
    .selectFrom('treaty_action')
    .select(['action', 'date'])
    .where('instrument_code', '=', a.instrument)
    .where('member_state', '=', a.state)
    .where('binding', '=', a.binding);
  if (except) q = q.where('id', '!=', except);
  const clash = await q.executeTakeFirst();
  if (clash) {
    throw new AppError(
      'conflict',
      `${a.state} already has a ${clash.action} of ${clash.date} for ${a.instrument} (${actionKey(a)}).`,
    );
  }
  return a;
}

const stored = (a: ValidAction) => ({
  action: a.action,
  binding: a.binding,
  date: a.date,
  precision: a.precision,
  earliest: a.earliest,
  latest: a.latest,
  reservations: a.reservations,
  source: a.source,
});

/** Single treaty actions, one at a time (the secretariat's form; the import does many at once). */
export function actionRoutes(app: App): void {
  app.post(
    '/api/treaties/:code/actions',
    {
      schema: {
        tags,
        summary: 'Record a signature, ratification, accession, … of a member state (secretariat)',
        description:
          'The date as precise as the source: YYYY-MM-DD, YYYY-MM or YYYY. A state signs once and consents once: a second one answers 409 `conflict`.',
        params: CodeParams,
        body: TreatyActionInputSchema,
        response: { 201: TreatyActionSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'treaty_action.create', {
        type: 'instrument',
        id: request.params.code,
      });
      const created = await app.db
        .transaction()
        .execute(async (trx) => {
          const instrument = await instrumentOr404(trx, request.params.code);
          const a = await checkedAction(trx, { ...request.body, instrument: instrument.code }, null);
          const now = nowIso();
          const id = newId();
          await trx
            .insertInto('treaty_action')
            .values({
              id,
              instrument_code: a.instrument,
              member_state: a.state,
              action: a.action,
              binding: a.binding,
              date: a.date,
              precision: a.precision,
              earliest: a.earliest,
              latest: a.latest,
              reservations: a.reservations,
              source: a.source,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await writeAudit(trx, request.auditContext(role), {
            action: 'treaty_action.create',
            objectType: 'treaty_action',
            objectId: id,
            changes: diff(
              {},
              { instrument: a.instrument, state: a.state, action: a.action, date: a.date, source: a.source },
            ),
          });
          return trx.selectFrom('treaty_action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        })
        .catch(concurrentWrite);
      return reply.code(201).send(presentAction(created));
    },
  );

  app.patch(
    '/api/treaties/:code/actions/:id',
    {
      schema: {
        tags,
        summary: 'Correct a recorded action: its kind, date, source or reservations (secretariat)',
        description:
          'Checked as a new action is: 400 `validation_failed` with each field, 409 `conflict` if it would become a second signature or consent of the state.',
        params: ActionParams,
        body: TreatyActionPatchSchema,
        response: { 200: TreatyActionSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'treaty_action.update', {
        type: 'treaty_action',
        id: request.params.id,
      });
      const p = request.body;
      const updated = await app.db
        .transaction()
        .execute(async (trx) => {
          const before = await trx
            .selectFrom('treaty_action')
            .selectAll()
            .where('id', '=', request.params.id)
            .where('instrument_code', '=', request.params.code)
            .executeTakeFirst();
          if (!before) throw new AppError('not_found', 'No such action of this instrument.');
          const a = await checkedAction(
            trx,
            {
              instrument: before.instrument_code,
              state: before.member_state,
              action: p.action ?? before.action,
              date: p.date ?? before.date,
              source: p.source ?? before.source,
              reservations: p.reservations === undefined ? before.reservations : p.reservations,
            },
            before.id,
          );
          const next = stored(a);
          await trx
            .updateTable('treaty_action')
            .set({ ...next, updated_at: nowIso() })
            .where('id', '=', before.id)
            .execute();
          const was = {
            action: before.action,
            date: before.date,
            reservations: before.reservations,
            source: before.source,
          };
          await writeAudit(trx, request.auditContext(role), {
            action: 'treaty_action.update',
            objectType: 'treaty_action',
            objectId: before.id,
            changes: diff<Record<string, unknown>>(was, {
              action: a.action,
              date: a.date,
              reservations: a.reservations,
              source: a.source,
            }),
          });
          return trx.selectFrom('treaty_action').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
        })
        .catch(concurrentWrite);
      return presentAction(updated);
    },
  );

  app.delete(
    '/api/treaties/:code/actions/:id',
    {
      schema: {
        tags,
        summary: 'Remove a recorded action (secretariat); the audit trail keeps what it was',
        params: ActionParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'treaty_action.delete', {
        type: 'treaty_action',
        id: request.params.id,
      });
      await app.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('treaty_action')
          .selectAll()
          .where('id', '=', request.params.id)
          .where('instrument_code', '=', request.params.code)
          .executeTakeFirst();
        if (!row) throw new AppError('not_found', 'No such action of this instrument.');
        await trx.deleteFrom('treaty_action').where('id', '=', row.id).execute();
        const { id: _id, created_at: _c, updated_at: _u, ...was } = row;
        void _id;
        void _c;
        void _u;
        await writeAudit(trx, request.auditContext(role), {
          action: 'treaty_action.delete',
          objectType: 'treaty_action',
          objectId: row.id,
          changes: diff<Record<string, unknown>>(was, {}),
        });
      });
      return reply.code(204).send(null);
    },
  );
}
