import { Type } from 'typebox';
import {
  InvitationInputSchema,
  OutboxListSchema,
  PageQuerySchema,
  RoleAssignmentSchema,
  RoleInputSchema,
  UserListQuerySchema,
  UserListSchema,
  UserPatchSchema,
  UserSchema,
} from '../../../shared/schemas/users.js';
import { authorize } from '../../auth/policy.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { deliverLater } from '../../mail/mailer.js';
import { listOutbox } from '../../mail/outbox.js';
import { inviteUser } from './invite-user.js';
import { listUsers } from './list-users.js';
import { usersPolicy } from './policy.js';
import { presentOutboxMessage } from './presenter.js';
import { addRole, removeRole } from './role-assignments.js';
import { updateUser } from './update-user.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const UserParams = Type.Object({ id: Id });
const AssignmentParams = Type.Object({ id: Id, assignmentId: Id });
const tags = ['users'];

/** The secretariat's side: accounts, their roles, and the mail that went out. */
export function adminRoutes(app: App): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users, by name, filtered by role or by part of name or email (secretariat)',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, usersPolicy.administer(request.actor), 'user.list', { type: 'user' });
      return listUsers(app.db, request.query);
    },
  );

  app.post(
    '/api/users/invitations',
    {
      schema: {
        tags,
        summary: 'Create an account with one role and mail it an invitation link (secretariat)',
        body: InvitationInputSchema,
        response: { 201: Type.Object({ userId: Type.String() }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, usersPolicy.administer(request.actor), 'user.invite', { type: 'user' });
      const created = await inviteUser(app.db, app.config, request.auditContext(role), request.body);
      deliverLater(app.db, app.config, created.mail, request.log);
      return reply.code(201).send({ userId: created.userId });
    },
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Give a user a role (secretariat)',
        params: UserParams,
        body: RoleInputSchema,
        response: { 201: RoleAssignmentSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const object = { type: 'user', id: request.params.id };
      const role = await authorize(request, usersPolicy.administer(request.actor), 'role.add', object);
      const assignment = await addRole(app.db, request.auditContext(role), request.params.id, request.body);
      return reply.code(201).send(assignment);
    },
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Take a role away (secretariat)',
        params: AssignmentParams,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { id, assignmentId } = request.params;
      const role = await authorize(request, usersPolicy.administer(request.actor), 'role.remove', { type: 'user', id });
      await removeRole(app.db, request.auditContext(role), request.actor, id, assignmentId);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, disable or re-enable an account (secretariat); disabling ends its sessions',
        params: UserParams,
        body: UserPatchSchema,
        response: { 200: UserSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const object = { type: 'user', id: request.params.id };
      const role = await authorize(request, usersPolicy.administer(request.actor), 'user.update', object);
      return updateUser(app.db, request.auditContext(role), request.actor, request.params.id, request.body);
    },
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        tags,
        summary: 'Mail sent or waiting, newest first (secretariat)',
        querystring: PageQuerySchema,
        response: { 200: OutboxListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, usersPolicy.readOutbox(request.actor), 'outbox.list', { type: 'outbox_message' });
      const { rows, ...page } = await listOutbox(app.db, request.query.page ?? 1, request.query.pageSize ?? 50);
      return { items: rows.map(presentOutboxMessage), ...page };
    },
  );
}
