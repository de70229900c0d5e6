import { Type } from 'typebox';
import { ContactDetailsSchema } from '../../../shared/schemas/editing.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { readContactDetails, updateContactDetails } from './contact-details.js';
import { actingRole, guard } from './guard.js';
import { canEditContact, canReadContact, type ContactOwner } from './policy.js';

const StateParams = Type.Object({ iso3: Type.String({ pattern: '^[A-Z]{3}$', description: 'e.g. ARG' }) });
const OrganizationParams = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,99}$', description: 'e.g. iom' }),
});

const owners = {
  member_state: {
    path: '/api/member-states/:iso3/contact',
    param: 'iso3',
    params: StateParams,
    label: 'a member state',
  },
  organization: {
    path: '/api/organizations/:id/contact',
    param: 'id',
    params: OrganizationParams,
    label: 'an organisation',
  },
} as const;

/** GET and PUT of contact details, alike for member states and organisations. */
export function contactRoutes(app: App): void {
  for (const type of ['member_state', 'organization'] as const) {
    const { path, param, params, label } = owners[type];
    const ownerOf = (p: Record<string, string | undefined>): ContactOwner => ({ type, id: p[param] ?? '' });

    app.get(
      path,
      {
        preValidation: guard(
          'contact.read',
          (request) => canReadContact(request.actor),
          (p) => ownerOf(p),
        ),
        schema: {
          tags: ['editing'],
          summary: `Contact details of ${label} (signed-in users)`,
          params,
          response: { 200: ContactDetailsSchema, ...ProblemResponses },
        },
      },
      async (request) => readContactDetails(app.db, ownerOf(request.params as Record<string, string>)),
    );

    app.put(
      path,
      {
        preValidation: guard(
          'contact.update',
          (request, p) => canEditContact(request.actor, ownerOf(p)),
          (p) => ownerOf(p),
        ),
        schema: {
          tags: ['editing'],
          summary: `Replace the contact details of ${label}`,
          description:
            type === 'member_state'
              ? 'The focal point of that state, or the secretariat.'
              : 'A representative of that organisation, or the secretariat.',
          params,
          body: ContactDetailsSchema,
          response: { 200: ContactDetailsSchema, ...ProblemResponses },
        },
      },
      async (request) =>
        updateContactDetails(
          app.db,
          request.auditContext(actingRole(request)),
          ownerOf(request.params as Record<string, string>),
          request.body,
        ),
    );
  }
}
