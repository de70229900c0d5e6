import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { ROLES } from '../../shared/roles.js';
import { query } from '../api.js';
import { useApi, type ApiState } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { SelectField, TextField } from '../forms/Field.js';
import { RequireUser } from '../account/guards.js';
import { accountUrl, type Page, type UserRow } from '../account/types.js';
import { InviteForm } from './InviteForm.js';
import { Pager, pageParam } from './Pager.js';
import { ReferenceProvider } from './reference.js';
import { UserCard } from './UserCard.js';

function Filters() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const [role, setRole] = useState(params.get('role') ?? '');
  const [q, setQ] = useState(params.get('q') ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (role) next.set('role', role);
    if (q.trim()) next.set('q', q.trim());
    setParams(next);
  };
  return (
    <form role="search" className="filters" onSubmit={apply} aria-label={intl.formatMessage({ id: 'users.filter' })}>
      <SelectField
        id="users-role"
        label={intl.formatMessage({ id: 'users.role' })}
        value={role}
        onChange={setRole}
        options={[
          { value: '', label: intl.formatMessage({ id: 'users.allRoles' }) },
          ...ROLES.map((r) => ({ value: r, label: intl.formatMessage({ id: `role.${r}` }) })),
        ]}
      />
      <TextField
        id="users-q"
        type="search"
        label={intl.formatMessage({ id: 'users.search' })}
        value={q}
        onChange={setQ}
      />
      <p>
        <button type="submit">
          <FormattedMessage id="users.filterSubmit" />
        </button>
      </p>
    </form>
  );
}

function UserList({ state, page }: { state: ApiState<Page<UserRow>>; page: number }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  const { items, total = items.length, pageSize = items.length } = state.data;
  return (
    <>
      <p role="status">
        <FormattedMessage id="users.count" values={{ count: total }} />
      </p>
      <ul className="cards">
        {items.map((user) => (
          <UserCard key={user.id} user={user} onChanged={state.reload} />
        ))}
      </ul>
      <Pager page={state.data.page ?? page} pageSize={pageSize} total={total} />
    </>
  );
}

function UsersContent() {
  const [params] = useSearchParams();
  const page = pageParam(params);
  const state = useApi<Page<UserRow>>(
    `${accountUrl.users}${query({ role: params.get('role'), q: params.get('q'), page })}`,
  );
  return (
    <ReferenceProvider>
      <h1>
        <FormattedMessage id="nav.users" />
      </h1>
      <section aria-labelledby="users-invite">
        <h2 id="users-invite">
          <FormattedMessage id="users.inviteTitle" />
        </h2>
        <InviteForm onInvited={() => state.status === 'ok' && state.reload()} />
      </section>
      <section aria-labelledby="users-list">
        <h2 id="users-list">
          <FormattedMessage id="users.listTitle" />
        </h2>
        <Filters />
        <UserList state={state} page={page} />
      </section>
    </ReferenceProvider>
  );
}

/** /:lang/admin/users — find, invite and manage accounts (secretariat). */
export function UsersPage() {
  const intl = useIntl();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'nav.users' })}>
      {() => <UsersContent />}
    </RequireUser>
  );
}
