import { Type, type Static, type TSchema } from 'typebox';
import { ROLES } from '../roles.js';
import { RoleAssignmentSchema } from './auth.js';
import { LangSchema } from './text.js';

/** Hard ceiling for every paged list of accounts: a page is a screen, not an export. */
export const MAX_PAGE_SIZE = 100;
export const TOKEN_NAME_MAX = 100;
/** Generous bound on what reaches argon2; the policy (8–128 characters) is checked after. */
const PASSWORD_FIELD = Type.String({ minLength: 1, maxLength: 1024 });
const EMAIL = Type.String({ format: 'email', maxLength: 254 });
const PERSON_NAME = Type.String({ minLength: 1, maxLength: 200 });
const ISO3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code of an OAS member state' });
const ORGANIZATION_ID = Type.String({ minLength: 1, maxLength: 100 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const RoleSchema = Type.Enum(ROLES);

// One definition of a role assignment for the session and the users admin.
export { RoleAssignmentSchema };

/** A role to give: focal points name their state, organisation representatives their organisation. */
export const RoleInputSchema = Type.Object(
  {
    role: RoleSchema,
    memberState: Type.Optional(ISO3),
    organizationId: Type.Optional(ORGANIZATION_ID),
  },
  { additionalProperties: false },
);
export type RoleInput = Static<typeof RoleInputSchema>;

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  lang: LangSchema,
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  roles: Type.Array(RoleAssignmentSchema),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof UserSchema>;

export const PageQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
});

export const UserListQuerySchema = Type.Object({
  role: Type.Optional(RoleSchema),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name or email' })),
  page: PageQuerySchema.properties.page,
  pageSize: PageQuerySchema.properties.pageSize,
});

const paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer() });

export const UserListSchema = paged(UserSchema);
export type UserList = Static<typeof UserListSchema>;

export const UserPatchSchema = Type.Object(
  { disabled: Type.Optional(Type.Boolean()), name: Type.Optional(PERSON_NAME) },
  { additionalProperties: false, minProperties: 1 },
);

export const InvitationInputSchema = Type.Object(
  {
    email: EMAIL,
    name: PERSON_NAME,
    lang: LangSchema,
    role: RoleSchema,
    memberState: Type.Optional(ISO3),
    organizationId: Type.Optional(ORGANIZATION_ID),
  },
  { additionalProperties: false },
);
export type InvitationInput = Static<typeof InvitationInputSchema>;

export const InvitationInfoSchema = Type.Object({ email: Type.String(), name: Type.String(), lang: LangSchema });

export const AcceptInvitationSchema = Type.Object(
  { password: PASSWORD_FIELD, name: Type.Optional(PERSON_NAME) },
  { additionalProperties: false },
);

export const PasswordResetRequestSchema = Type.Object({ email: EMAIL }, { additionalProperties: false });
export const PasswordResetSchema = Type.Object({ password: PASSWORD_FIELD }, { additionalProperties: false });

export const AccessTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'the first 8 characters after ctl_, to recognise a token' }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type AccessToken = Static<typeof AccessTokenSchema>;

export const AccessTokenListSchema = Type.Object({ items: Type.Array(AccessTokenSchema) });

export const AccessTokenInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TOKEN_NAME_MAX }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'in the future, at most one year' })),
  },
  { additionalProperties: false },
);

export const AccessTokenCreatedSchema = Type.Object({
  id: Type.String(),
  token: Type.String({ description: 'ctl_ + 43 characters; shown once, never again' }),
});

export const OutboxMessageSchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  lang: LangSchema,
  subject: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  error: Nullable(Type.String()),
});
export type OutboxMessage = Static<typeof OutboxMessageSchema>;

export const OutboxListSchema = paged(OutboxMessageSchema);
