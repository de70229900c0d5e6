import { Type, type Static } from 'typebox';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

export const AuditQuerySchema = Type.Object({
  action: Type.Optional(
    Type.String({ maxLength: 100, description: 'Action prefix, e.g. `meeting.` or `agenda.publish`' }),
  ),
  actor: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the actor’s label (email), any case' })),
  objectType: Type.Optional(Type.String({ maxLength: 50 })),
  objectId: Type.Optional(Type.String({ maxLength: 200 })),
  outcome: Type.Optional(Type.Enum(AUDIT_OUTCOMES)),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this instant' })),
  cursor: Type.Optional(Type.String({ maxLength: 300, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT })),
});
export type AuditQuery = Static<typeof AuditQuerySchema>;

export const AuditChangeSchema = Type.Object({ before: Type.Unknown(), after: Type.Unknown() });

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String({ description: 'user, token, cli or anonymous' }),
  actorLabel: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()], { description: 'The role the actor acted in; null when refused' }),
  action: Type.String(),
  outcome: Type.Enum(AUDIT_OUTCOMES),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Record(Type.String(), AuditChangeSchema, {
    description: 'Before/after of the fields that changed; long texts cut to 500 characters, personal data masked',
  }),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditEntrySchema, { description: 'Newest first' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});
export type AuditPage = Static<typeof AuditPageSchema>;
