import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, LANG_NAMES, isLang, type Lang } from '../../shared/lang.js';
import { send } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { accountUrl } from '../account/types.js';
import { checkRole, EMPTY_ROLE, RoleFields, roleInput, useRoleLabels, type RoleChoice } from './RoleFields.js';

/** Invite someone by email, with one role; the mail goes in their language. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const intl = useIntl();
  const pageLang = usePageLang();
  const form = useForm();
  const labels = useRoleLabels();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [lang, setLang] = useState<Lang>(pageLang);
  const [role, setRole] = useState<RoleChoice>(EMPTY_ROLE);
  const emailLabel = intl.formatMessage({ id: 'account.email' });
  const nameLabel = intl.formatMessage({ id: 'account.name' });

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.email('invite-email', email, emailLabel);
        checks.required('invite-name', name, nameLabel);
        checkRole(checks, 'invite', role, labels);
        return checks.errors;
      },
      async () => {
        const sent = email.trim();
        await send('POST', accountUrl.invitations, { email: sent, name: name.trim(), lang, ...roleInput(role) });
        setEmail('');
        setName('');
        setRole(EMPTY_ROLE);
        form.setDone(intl.formatMessage({ id: 'users.invited' }, { email: sent }));
        onInvited();
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'email_taken') {
          return [{ field: 'invite-email', message: intl.formatMessage({ id: 'error.email_taken' }) }];
        }
        return problemErrors(intl, error, {
          '/email': 'invite-email',
          '/name': 'invite-name',
          '/lang': 'invite-lang',
          '/role': 'invite-role',
          '/memberState': 'invite-state',
          '/organizationId': 'invite-org',
        });
      },
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="users-invite">
      <TextField
        id="invite-email"
        type="email"
        autoComplete="off"
        label={emailLabel}
        value={email}
        onChange={setEmail}
        error={form.errorFor('invite-email')}
        required
      />
      <TextField
        id="invite-name"
        autoComplete="off"
        label={nameLabel}
        value={name}
        onChange={setName}
        error={form.errorFor('invite-name')}
        required
      />
      <SelectField
        id="invite-lang"
        label={intl.formatMessage({ id: 'users.inviteLang' })}
        value={lang}
        onChange={(v) => isLang(v) && setLang(v)}
        options={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l], lang: l }))}
        error={form.errorFor('invite-lang')}
      />
      <RoleFields prefix="invite" value={role} onChange={setRole} form={form} />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="users.invite" />
        </button>
      </p>
    </Form>
  );
}
