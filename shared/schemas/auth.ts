import { Type, type Static } from 'typebox';
import { ROLES } from '../roles.js';
import { LangSchema } from './text.js';

/** Shapes of the session and sign-in API (docs/api-accounts.md, "Session and sign-in"). */

export const RoleAssignmentSchema = Type.Object({
  id: Type.String(),
  role: Type.Enum(ROLES),
  memberState: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Type.String(), Type.Null()]),
});

export const SessionUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  lang: LangSchema,
  totpEnabled: Type.Boolean(),
  roles: Type.Array(RoleAssignmentSchema),
});
export type SessionUser = Static<typeof SessionUserSchema>;

export const SessionSchema = Type.Object({
  user: Type.Union([SessionUserSchema, Type.Null()]),
  /** Send back as X-CSRF-Token on every cookie-authenticated write. */
  csrfToken: Type.Optional(Type.String()),
  /** The password was right; the second factor is still due. */
  mfaPending: Type.Boolean(),
});
export type Session = Static<typeof SessionSchema>;

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;

export const SignInBodySchema = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: EMAIL_MAX }),
    // Generous but bounded: the policy's limit is checked when a password is set, not here.
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBodySchema>;

export const SignInResultSchema = Type.Object({ mfaRequired: Type.Boolean() });

export const SecondFactorBodySchema = Type.Object(
  {
    code: Type.String({
      pattern: '^(\\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{2})$',
      description: 'A 6-digit authenticator code or a recovery code xxxx-xxxx-xx',
    }),
  },
  { additionalProperties: false },
);

export const ProfileBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: NAME_MAX * 2 })),
    lang: Type.Optional(LangSchema),
  },
  { additionalProperties: false },
);
export type ProfileBody = Static<typeof ProfileBodySchema>;

export const PasswordChangeBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    // The policy (8–128 characters, not common) answers with its own problem; this only bounds input.
    newPassword: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const TotpSetupSchema = Type.Object({
  secret: Type.String(),
  otpauthUrl: Type.String(),
  qrSvg: Type.String(),
});

export const TotpEnableBodySchema = Type.Object(
  { code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
);

export const RecoveryCodesSchema = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const TotpDisableBodySchema = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
