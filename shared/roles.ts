export const ROLES = ['secretariat', 'focal_point', 'organization_rep', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** One role a user holds, with the state or organisation it acts for. */
export interface RoleAssignment {
  id: string;
  role: Role;
  memberState: string | null;
  organizationId: string | null;
}
