import { Type, type Static } from 'typebox';

export const SUBREGIONS = ['north_america', 'central_america', 'caribbean', 'south_america'] as const;
export const GROUPINGS = ['CARICOM', 'SICA', 'MERCOSUR', 'CAN'] as const;
export const ORGANIZATION_KINDS = [
  'oas_organ',
  'iom',
  'un_agency',
  'partner_institution',
  'ngo',
  'academic',
  'government_body',
  'intergovernmental',
] as const;

export const MemberStateSchema = Type.Object({
  iso3: Type.String({ pattern: '^[A-Z]{3}$' }),
  iso2: Type.String({ pattern: '^[A-Z]{2}$' }),
  name: Type.String(),
  subregion: Type.Enum(SUBREGIONS),
  groupings: Type.Array(Type.Enum(GROUPINGS)),
  participated2005: Type.Boolean(),
});
export type MemberState = Static<typeof MemberStateSchema>;

export const OrganizationSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(ORGANIZATION_KINDS),
  name: Type.String(),
  acronym: Type.Union([Type.String(), Type.Null()]),
  memberState: Type.Union([Type.String(), Type.Null()]),
});
export type Organization = Static<typeof OrganizationSchema>;

export const MemberStateListSchema = Type.Object({ items: Type.Array(MemberStateSchema) });
export const OrganizationListSchema = Type.Object({ items: Type.Array(OrganizationSchema) });
