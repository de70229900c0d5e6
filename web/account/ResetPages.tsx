import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { send } from '../api.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { Notice } from '../components/Notice.js';
import { checkNewPassword, PasswordFields, type NewPassword } from './PasswordFields.js';
import { useSession } from './sessionContext.js';
import { accountUrl } from './types.js';

/** /:lang/reset — ask for a link; the answer never says whether the account exists. */
export function ResetRequestPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const label = intl.formatMessage({ id: 'account.email' });
  useDocumentTitle(intl.formatMessage({ id: 'reset.title' }));
  const onSubmit = () =>
    form.submit(
      () => new Checks(intl).email('reset-email', email, label).errors,
      async () => {
        await send('POST', accountUrl.passwordReset, { email: email.trim() });
        setSent(true);
      },
      (err) => problemErrors(intl, err, { '/email': 'reset-email' }),
    );
  return (
    <>
      <h1>
        <FormattedMessage id="reset.title" />
      </h1>
      {sent ? (
        <Notice>
          <p>
            <FormattedMessage id="reset.sent" />
          </p>
          <p>
            <Link to={`/${lang}/sign-in`}>
              <FormattedMessage id="reset.backToSignIn" />
            </Link>
          </p>
        </Notice>
      ) : (
        <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
          <p>
            <FormattedMessage id="reset.intro" />
          </p>
          <TextField
            id="reset-email"
            type="email"
            autoComplete="email"
            label={label}
            value={email}
            onChange={setEmail}
            error={form.errorFor('reset-email')}
            required
          />
          <p>
            <button type="submit" disabled={form.busy}>
              <FormattedMessage id="reset.send" />
            </button>
          </p>
        </Form>
      )}
    </>
  );
}

/** /:lang/reset/:token — choose a new password; every session ends, so sign in again after. */
export function ResetPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const session = useSession();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const form = useForm();
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [invalid, setInvalid] = useState(false);
  useDocumentTitle(intl.formatMessage({ id: 'reset.newTitle' }));
  const onSubmit = () =>
    form.submit(
      () => checkNewPassword(new Checks(intl), 'reset', pw).errors,
      async () => {
        await send('POST', accountUrl.passwordResetToken(token), { password: pw.password });
        // Every session has ended, this one included.
        await session.leave(() => navigate(`/${lang}/sign-in`, { state: { flash: 'reset.done' } }));
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'token_invalid' || error.code === 'not_found') setInvalid(true);
        return problemErrors(intl, error, { '/password': 'reset-password' });
      },
    );
  return (
    <>
      <h1>
        <FormattedMessage id="reset.newTitle" />
      </h1>
      {invalid ? (
        <Notice alert>
          <p>
            <FormattedMessage id="reset.invalid" />
          </p>
          <p>
            <Link to={`/${lang}/reset`}>
              <FormattedMessage id="reset.again" />
            </Link>
          </p>
        </Notice>
      ) : (
        <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
          <PasswordFields idPrefix="reset" value={pw} onChange={setPw} form={form} />
          <p>
            <button type="submit" disabled={form.busy}>
              <FormattedMessage id="reset.save" />
            </button>
          </p>
        </Form>
      )}
    </>
  );
}
