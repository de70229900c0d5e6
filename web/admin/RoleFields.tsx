import { useIntl } from 'react-intl';
import { ROLES, type Role } from '../../shared/roles.js';
import { SelectField } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { type Checks } from '../forms/checks.js';
import { organizationLabel, useReference } from './reference.js';
import type { RoleInput } from '../account/types.js';

export interface RoleChoice {
  role: Role;
  memberState: string;
  organizationId: string;
}

export const EMPTY_ROLE: RoleChoice = { role: 'participant', memberState: '', organizationId: '' };

/** The request body: a scope only for the roles that act for a state or an organisation. */
export function roleInput(choice: RoleChoice): RoleInput {
  if (choice.role === 'focal_point') return { role: choice.role, memberState: choice.memberState };
  if (choice.role === 'organization_rep') return { role: choice.role, organizationId: choice.organizationId };
  return { role: choice.role };
}

export function checkRole(checks: Checks, prefix: string, choice: RoleChoice, labels: Record<string, string>): void {
  if (choice.role === 'focal_point') checks.required(`${prefix}-state`, choice.memberState, labels.state ?? '');
  if (choice.role === 'organization_rep') checks.required(`${prefix}-org`, choice.organizationId, labels.org ?? '');
}

export function useRoleLabels(): Record<'role' | 'state' | 'org', string> {
  const intl = useIntl();
  return {
    role: intl.formatMessage({ id: 'users.role' }),
    state: intl.formatMessage({ id: 'users.memberState' }),
    org: intl.formatMessage({ id: 'users.organization' }),
  };
}

interface Props {
  prefix: string;
  value: RoleChoice;
  onChange: (value: RoleChoice) => void;
  form: FormState;
}

/** A role and, depending on it, the member state or organisation it acts for. */
export function RoleFields({ prefix, value, onChange, form }: Props) {
  const intl = useIntl();
  const labels = useRoleLabels();
  const { memberStates, organizations } = useReference();
  const choose = intl.formatMessage({ id: 'form.choose' });
  return (
    <>
      <SelectField
        id={`${prefix}-role`}
        label={labels.role}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role as Role })}
        options={ROLES.map((r) => ({ value: r, label: intl.formatMessage({ id: `role.${r}` }) }))}
        error={form.errorFor(`${prefix}-role`)}
        required
      />
      {value.role === 'focal_point' && (
        <SelectField
          id={`${prefix}-state`}
          label={labels.state}
          value={value.memberState}
          onChange={(memberState) => onChange({ ...value, memberState })}
          disabled={memberStates.status !== 'ok'}
          options={[
            { value: '', label: choose },
            ...(memberStates.status === 'ok' ? memberStates.data.items : []).map((s) => ({
              value: s.iso3,
              label: s.name,
            })),
          ]}
          error={form.errorFor(`${prefix}-state`)}
          required
        />
      )}
      {value.role === 'organization_rep' && (
        <SelectField
          id={`${prefix}-org`}
          label={labels.org}
          value={value.organizationId}
          onChange={(organizationId) => onChange({ ...value, organizationId })}
          disabled={organizations.status !== 'ok'}
          options={[
            { value: '', label: choose },
            ...(organizations.status === 'ok' ? organizations.data.items : []).map((o) => ({
              value: o.id,
              label: organizationLabel(o),
            })),
          ]}
          error={form.errorFor(`${prefix}-org`)}
          required
        />
      )}
    </>
  );
}
