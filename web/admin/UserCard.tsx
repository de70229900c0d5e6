import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { RoleAssignment } from '../../shared/roles.js';
import { LANG_NAMES } from '../../shared/lang.js';
import { send, type ApiError } from '../api.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { Disclosure } from '../components/Disclosure.js';
import { InlineError } from '../components/InlineError.js';
import { Checks } from '../forms/checks.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { accountUrl, type UserRow } from '../account/types.js';
import { checkRole, EMPTY_ROLE, RoleFields, roleInput, useRoleLabels, type RoleChoice } from './RoleFields.js';
import { useScopeName } from './reference.js';

function AddRole({ user, onChanged }: { user: UserRow; onChanged: () => void }) {
  const intl = useIntl();
  const form = useForm();
  const labels = useRoleLabels();
  const [role, setRole] = useState<RoleChoice>(EMPTY_ROLE);
  const prefix = `add-${user.id}`;
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checkRole(checks, prefix, role, labels);
        return checks.errors;
      },
      async () => {
        await send('POST', accountUrl.userRoles(user.id), roleInput(role));
        setRole(EMPTY_ROLE);
        form.setDone(intl.formatMessage({ id: 'users.roleAdded' }));
        onChanged();
      },
      (err) =>
        problemErrors(intl, err, {
          '/role': `${prefix}-role`,
          '/memberState': `${prefix}-state`,
          '/organizationId': `${prefix}-org`,
        }),
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="inline-form">
      <fieldset>
        <legend className="visually-hidden">
          <FormattedMessage id="users.addRole" values={{ name: user.name }} />
        </legend>
        <RoleFields prefix={prefix} value={role} onChange={setRole} form={form} />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="users.addRoleSubmit" />
          </button>
        </p>
      </fieldset>
    </Form>
  );
}

function RoleItem({
  user,
  assignment,
  onChanged,
}: {
  user: UserRow;
  assignment: RoleAssignment;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const scopeName = useScopeName();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const scope = scopeName(assignment);
  const role = intl.formatMessage({ id: `role.${assignment.role}` });
  const label = scope ? intl.formatMessage({ id: 'users.roleScoped' }, { role, scope }) : role;
  const remove = async () => {
    setBusy(true);
    try {
      await send('DELETE', accountUrl.userRole(user.id, assignment.id));
      onChanged();
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <li>
      {label}{' '}
      <ConfirmButton
        label={<FormattedMessage id="users.removeRole" values={{ role: label }} />}
        question={<FormattedMessage id="users.removeRoleQuestion" values={{ role: label, name: user.name }} />}
        confirm={<FormattedMessage id="users.removeRoleConfirm" />}
        onConfirm={remove}
        busy={busy}
      />
      {error && <InlineError error={error} />}
    </li>
  );
}

function Disable({ user, onChanged }: { user: UserRow; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = async (disabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await send('PATCH', accountUrl.user(user.id), { disabled });
      onChanged();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {user.disabled ? (
        <button type="button" disabled={busy} onClick={() => void set(false)}>
          <FormattedMessage id="users.enable" values={{ name: user.name }} />
        </button>
      ) : (
        <ConfirmButton
          label={<FormattedMessage id="users.disable" values={{ name: user.name }} />}
          question={<FormattedMessage id="users.disableQuestion" values={{ name: user.name }} />}
          confirm={<FormattedMessage id="users.disableConfirm" />}
          onConfirm={() => set(true)}
          busy={busy}
        />
      )}
      {error && <InlineError error={error} />}
    </div>
  );
}

/** One account: who, since when, how protected, its roles and what can be done to it. */
export function UserCard({ user, onChanged }: { user: UserRow; onChanged: () => void }) {
  return (
    <li className="card">
      <h3>
        {user.name}{' '}
        {user.disabled && (
          <span className="badge muted">
            <FormattedMessage id="users.disabled" />
          </span>
        )}
      </h3>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="account.email" />
          </dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="profile.lang" />
          </dt>
          <dd lang={user.lang}>{LANG_NAMES[user.lang]}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="users.created" />
          </dt>
          <dd>
            <FormattedDate value={user.createdAt} dateStyle="medium" />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="totp.title" />
          </dt>
          <dd>
            <FormattedMessage id={user.totpEnabled ? 'totp.on' : 'totp.off'} />
          </dd>
        </div>
      </dl>
      <h4>
        <FormattedMessage id="users.roles" />
      </h4>
      {user.roles.length === 0 ? (
        <p>
          <FormattedMessage id="users.noRoles" />
        </p>
      ) : (
        <ul className="roles">
          {user.roles.map((a) => (
            <RoleItem key={a.id} user={user} assignment={a} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <Disclosure label={<FormattedMessage id="users.addRole" values={{ name: user.name }} />}>
        <AddRole user={user} onChanged={onChanged} />
      </Disclosure>
      <Disable user={user} onChanged={onChanged} />
    </li>
  );
}
