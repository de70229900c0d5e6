import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { send } from '../api.js';
import { useApi } from '../useApi.js';
import { Loading } from '../components/Status.js';
import { InlineError } from '../components/InlineError.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { Notice } from '../components/Notice.js';
import { checkNewPassword, PasswordFields, type NewPassword } from './PasswordFields.js';
import { useSession } from './sessionContext.js';
import { accountUrl, type Invitation } from './types.js';

function Accept({ token, invitation, onDone }: { token: string; invitation: Invitation; onDone: () => void }) {
  const intl = useIntl();
  const session = useSession();
  const form = useForm();
  const [name, setName] = useState(invitation.name);
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const nameLabel = intl.formatMessage({ id: 'account.name' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.required('invite-name', name, nameLabel);
        return checkNewPassword(checks, 'invite', pw).errors;
      },
      async () => {
        await send('POST', accountUrl.invitation(token), { password: pw.password, name: name.trim() });
        await session.refresh();
        onDone();
      },
      (err) => problemErrors(intl, err, { '/password': 'invite-password', '/name': 'invite-name' }),
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="account.email" />
          </dt>
          <dd>{invitation.email}</dd>
        </div>
      </dl>
      <TextField
        id="invite-name"
        label={nameLabel}
        autoComplete="name"
        value={name}
        onChange={setName}
        error={form.errorFor('invite-name')}
        required
      />
      <PasswordFields idPrefix="invite" value={pw} onChange={setPw} form={form} />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="invitation.submit" />
        </button>
      </p>
    </Form>
  );
}

/** /:lang/invitation/:token — set a password for an invited account, which signs it in. */
export function InvitationPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { token = '' } = useParams();
  const state = useApi<Invitation>(accountUrl.invitation(token));
  const [accepted, setAccepted] = useState(false);
  useDocumentTitle(intl.formatMessage({ id: 'invitation.title' }));

  let body;
  if (accepted) {
    body = (
      <Notice>
        <p>
          <FormattedMessage id="invitation.done" />
        </p>
        <p>
          <Link to={`/${lang}/account/security`}>
            <FormattedMessage id="invitation.doneSecurity" />
          </Link>
        </p>
      </Notice>
    );
  } else if (state.status === 'loading') body = <Loading />;
  else if (state.status === 'error') {
    body =
      state.error.code === 'token_invalid' || state.error.code === 'not_found' ? (
        <p className="notice">
          <FormattedMessage id="invitation.invalid" />
        </p>
      ) : (
        <InlineError error={state.error} retry={state.retry} />
      );
  } else body = <Accept token={token} invitation={state.data} onDone={() => setAccepted(true)} />;

  return (
    <>
      <h1>
        <FormattedMessage id="invitation.title" />
      </h1>
      {body}
    </>
  );
}
