import type { Kysely, Transaction } from 'kysely';
import { Type } from 'typebox';
import {
  CivilSocietyInputSchema,
  CivilSocietyListSchema,
  CivilSocietyOrganizationSchema,
  CivilSocietyPatchSchema,
  type CivilSocietyInput,
} from '../../../shared/schemas/participation.js';
import { LANGS } from '../../../shared/lang.js';
import { authorize } from '../../auth/policy.js';
import { diff, writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { json, parseJson } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { Issues } from '../editing/validation.js';
import { canAdminister } from './policy.js';

const tags = ['participation'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });

type Row = {
  id: string;
  kind: string;
  name: string;
  acronym: string;
  member_state: string | null;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  website: string | null;
};

function present(row: Row, today: string) {
  const name = parseJson<Record<string, string | null>>(row.name, 'organization.name');
  const acronym = parseJson<Record<string, string | null>>(row.acronym, 'organization.acronym');
  return {
    id: row.id,
    name: name.en ?? Object.values(name).find((v) => v) ?? row.id,
    acronym: acronym.en ?? null,
    country: row.member_state ?? '',
    kind: row.kind,
    accreditation: {
      status: row.status as 'accredited' | 'pending' | 'suspended' | 'expired',
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      current:
        row.status === 'accredited' &&
        (row.valid_from === null || row.valid_from <= today) &&
        (row.valid_until === null || row.valid_until >= today),
    },
    website: row.website,
  };
}

const select = (db: Kysely<DB> | Transaction<DB>) =>
  db
    .selectFrom('organization')
    .innerJoin('accreditation', 'accreditation.organization_id', 'organization.id')
    .select([
      'organization.id',
      'organization.kind',
      'organization.name',
      'organization.acronym',
      'organization.member_state',
      'accreditation.status',
      'accreditation.valid_from',
      'accreditation.valid_until',
      'accreditation.website',
    ]);

/** An id from the name: readable in URLs and logs, unique with a numeric suffix when needed. */
async function newOrganizationId(trx: Transaction<DB>, name: string): Promise<string> {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'organization';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const taken = await trx.selectFrom('organization').select('id').where('id', '=', id).executeTakeFirst();
    if (!taken) return id;
  }
}

function checkValidity(input: Pick<Partial<CivilSocietyInput>, 'validFrom' | 'validUntil' | 'website'>): void {
  const issues = new Issues();
  if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) {
    issues.add('body/validUntil', 'must not be before validFrom');
  }
  if (input.website && !/^https?:\/\//i.test(input.website)) issues.add('body/website', 'must be an http(s) address');
  issues.throwIfAny();
}

/**
 * The registry of civil-society organisations accredited with the OAS: the secretariat keeps it;
 * anyone may read it (the OAS publishes its registry). A civil-society delegate must come from an
 * organisation here whose accreditation is current.
 */
export function civilSocietyRoutes(app: App): void {
  app.get(
    '/api/civil-society-organizations',
    {
      schema: {
        tags,
        summary: 'Civil-society organisations and their accreditation with the OAS',
        querystring: Type.Object({ country: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })) }),
        response: { 200: CivilSocietyListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      let q = select(app.db);
      if (request.query.country) q = q.where('organization.member_state', '=', request.query.country);
      const today = nowIso().slice(0, 10);
      const rows = await q.execute();
      const items = rows.map((r) => present(r, today));
      const collator = new Intl.Collator('en');
      return { items: items.sort((a, b) => collator.compare(a.name, b.name)) };
    },
  );

  app.post(
    '/api/civil-society-organizations',
    {
      schema: {
        tags,
        summary: 'Add an organisation to the registry (secretariat)',
        body: CivilSocietyInputSchema,
        response: { 201: CivilSocietyOrganizationSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canAdminister(request.actor), 'civil_society.create', {
        type: 'organization',
      });
      const input = request.body;
      checkValidity(input);
      const name = input.name.normalize('NFC').trim();
      const created = await app.db.transaction().execute(async (trx) => {
        const state = await trx
          .selectFrom('member_state')
          .select('iso3')
          .where('iso3', '=', input.country)
          .executeTakeFirst();
        if (!state) {
          throw new AppError('validation_failed', `body/country: ${input.country} is not a member state`, {
            errors: [{ path: 'body/country', message: 'is not a member state' }],
          });
        }
        const id = await newOrganizationId(trx, input.acronym ? `${input.acronym}-${input.country}` : name);
        const same = (v: string | null) => json(Object.fromEntries(LANGS.map((l) => [l, v])));
        await trx
          .insertInto('organization')
          .values({
            id,
            kind: input.kind ?? 'ngo',
            name: same(name),
            acronym: same(input.acronym?.trim() || null),
            member_state: input.country,
          })
          .execute();
        await trx
          .insertInto('accreditation')
          .values({
            organization_id: id,
            status: input.status,
            valid_from: input.validFrom ?? null,
            valid_until: input.validUntil ?? null,
            website: input.website ?? null,
            updated_at: nowIso(),
          })
          .execute();
        await writeAudit(trx, request.auditContext(role), {
          action: 'civil_society.create',
          objectType: 'organization',
          objectId: id,
          changes: diff({}, { ...input, name }),
        });
        return select(trx).where('organization.id', '=', id).executeTakeFirstOrThrow();
      });
      return reply.code(201).send(present(created, nowIso().slice(0, 10)));
    },
  );

  app.patch(
    '/api/civil-society-organizations/:id',
    {
      schema: {
        tags,
        summary: "Change an organisation's details or accreditation (secretariat)",
        params: IdParams,
        body: CivilSocietyPatchSchema,
        response: { 200: CivilSocietyOrganizationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canAdminister(request.actor), 'civil_society.update', {
        type: 'organization',
        id: request.params.id,
      });
      const updated = await app.db.transaction().execute(async (trx) => {
        const before = await select(trx).where('organization.id', '=', request.params.id).executeTakeFirst();
        if (!before) throw new AppError('not_found', 'No such organisation in the registry.');
        const current = present(before, nowIso().slice(0, 10));
        const p = request.body;
        const next = {
          name: p.name?.normalize('NFC').trim() ?? current.name,
          acronym: p.acronym === undefined ? current.acronym : p.acronym?.trim() || null,
          country: p.country ?? current.country,
          kind: p.kind ?? current.kind,
          status: p.status ?? current.accreditation.status,
          validFrom: p.validFrom === undefined ? current.accreditation.validFrom : p.validFrom,
          validUntil: p.validUntil === undefined ? current.accreditation.validUntil : p.validUntil,
          website: p.website === undefined ? current.website : p.website,
        };
        checkValidity(next);
        const state = await trx
          .selectFrom('member_state')
          .select('iso3')
          .where('iso3', '=', next.country)
          .executeTakeFirst();
        if (!state) {
          throw new AppError('validation_failed', `body/country: ${next.country} is not a member state`, {
            errors: [{ path: 'body/country', message: 'is not a member state' }],
          });
        }
        const same = (v: string | null) => json(Object.fromEntries(LANGS.map((l) => [l, v])));
        await trx
          .updateTable('organization')
          .set({ name: same(next.name), acronym: same(next.acronym), member_state: next.country, kind: next.kind })
          .where('id', '=', request.params.id)
          .execute();
        await trx
          .updateTable('accreditation')
          .set({
            status: next.status,
            valid_from: next.validFrom,
            valid_until: next.validUntil,
            website: next.website,
            updated_at: nowIso(),
          })
          .where('organization_id', '=', request.params.id)
          .execute();
        const { accreditation, id: _id, ...flat } = current;
        void _id;
        await writeAudit(trx, request.auditContext(role), {
          action: 'civil_society.update',
          objectType: 'organization',
          objectId: request.params.id,
          changes: diff<Record<string, unknown>>(
            {
              ...flat,
              status: accreditation.status,
              validFrom: accreditation.validFrom,
              validUntil: accreditation.validUntil,
            },
            next,
          ),
        });
        return select(trx).where('organization.id', '=', request.params.id).executeTakeFirstOrThrow();
      });
      return present(updated, nowIso().slice(0, 10));
    },
  );
}
