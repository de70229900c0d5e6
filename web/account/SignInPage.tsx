import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { send } from '../api.js';
import { Loading } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { safeNext } from './next.js';
import { useSession } from './sessionContext.js';
import { accountUrl, type SignInAnswer } from './types.js';

function PasswordStep({ onMfa, onDone }: { onMfa: () => void; onDone: () => Promise<void> }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailLabel = intl.formatMessage({ id: 'account.email' });
  const passwordLabel = intl.formatMessage({ id: 'account.password' });

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.email('sign-in-email', email, emailLabel);
        checks.required('sign-in-password', password, passwordLabel);
        return checks.errors;
      },
      async () => {
        const answer = await send<SignInAnswer>('POST', accountUrl.signIn, { email: email.trim(), password });
        if (answer.mfaRequired) onMfa();
        else await onDone();
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'invalid_credentials') {
          setPassword('');
          return [{ field: 'sign-in-email', message: intl.formatMessage({ id: 'error.invalid_credentials' }) }];
        }
        return problemErrors(intl, error, { '/email': 'sign-in-email', '/password': 'sign-in-password' });
      },
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
      <TextField
        id="sign-in-email"
        label={emailLabel}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={form.errorFor('sign-in-email')}
        required
      />
      <TextField
        id="sign-in-password"
        label={passwordLabel}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.errorFor('sign-in-password')}
        required
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="signIn.submit" />
        </button>
      </p>
      <p>
        <Link to={`/${lang}/reset`}>
          <FormattedMessage id="signIn.forgot" />
        </Link>
      </p>
    </Form>
  );
}

function CodeStep({ onDone, onRestart }: { onDone: () => Promise<void>; onRestart: () => void }) {
  const intl = useIntl();
  const form = useForm();
  const [code, setCode] = useState('');
  const onSubmit = () =>
    form.submit(
      () => new Checks(intl).code('sign-in-code', code, true).errors,
      async () => {
        await send('POST', accountUrl.signInTotp, { code: code.replace(/\s+/g, '') });
        await onDone();
      },
      (err): FormError[] => {
        const error = asApiError(err);
        setCode('');
        if (error.code === 'mfa_required') {
          return [{ field: 'sign-in-code', message: intl.formatMessage({ id: 'signIn.codeWrong' }) }];
        }
        // The half-signed-in session expired: start again from the password.
        if (error.code === 'unauthorized') onRestart();
        return problemErrors(intl, error, { '/code': 'sign-in-code' });
      },
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
      <p>
        <FormattedMessage id="signIn.codeIntro" />
      </p>
      <TextField
        id="sign-in-code"
        label={intl.formatMessage({ id: 'signIn.code' })}
        hint={<FormattedMessage id="signIn.codeHint" />}
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
        value={code}
        onChange={setCode}
        error={form.errorFor('sign-in-code')}
        required
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="signIn.verify" />
        </button>
      </p>
    </Form>
  );
}

// Messages other pages may leave for this one (navigation state); anything else is ignored.
const FLASHES = new Set(['reset.done', 'security.signedOutEverywhere']);

/** /:lang/sign-in?next=… — password, then the second factor when the account has one. */
export function SignInPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const [restarted, setRestarted] = useState(false);
  const passed = (location.state as { flash?: unknown } | null)?.flash;
  const flash = restarted ? 'signIn.expired' : typeof passed === 'string' && FLASHES.has(passed) ? passed : null;
  const [step, setStep] = useState<'password' | 'code' | null>(null);
  useDocumentTitle(intl.formatMessage({ id: 'signIn.title' }));

  const target = safeNext(params.get('next'), lang);
  const finish = async () => {
    await session.refresh();
    navigate(target, { replace: true });
  };

  if (session.state.status === 'loading') return <Loading />;
  if (session.user && step === null) return <Navigate replace to={target} />;
  const current = step ?? (session.state.status === 'ready' && session.state.mfaPending ? 'code' : 'password');

  return (
    <>
      <h1>
        <FormattedMessage id={current === 'code' ? 'signIn.codeTitle' : 'signIn.title'} />
      </h1>
      {flash && current === 'password' && (
        <p className="notice" role="status">
          <FormattedMessage id={flash} />
        </p>
      )}
      {current === 'password' ? (
        <PasswordStep onMfa={() => setStep('code')} onDone={finish} />
      ) : (
        <CodeStep
          onDone={finish}
          onRestart={() => {
            setRestarted(true);
            setStep('password');
          }}
        />
      )}
    </>
  );
}
