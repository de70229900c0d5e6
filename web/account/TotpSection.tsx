import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { CopyButton } from '../components/CopyButton.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { useSession } from './sessionContext.js';
import { RecoveryCodes, TotpConfirm } from './TotpSetup.js';
import { accountUrl, hasRole, type SessionUser, type TotpSetup } from './types.js';

function DisableTotp() {
  const intl = useIntl();
  const session = useSession();
  const form = useForm();
  const [password, setPassword] = useState('');
  const label = intl.formatMessage({ id: 'account.password' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.required('totp-off-password', password, label);
        return checks.errors;
      },
      async () => {
        await send('POST', accountUrl.totpDisable, { password });
        setPassword('');
        await session.refresh();
      },
      (err): FormError[] => {
        const error = asApiError(err);
        setPassword('');
        if (error.code === 'invalid_credentials') {
          return [{ field: 'totp-off-password', message: intl.formatMessage({ id: 'security.currentWrong' }) }];
        }
        if (error.code === 'forbidden') return [{ field: null, message: intl.formatMessage({ id: 'totp.mustKeep' }) }];
        return problemErrors(intl, error, { '/password': 'totp-off-password' });
      },
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="totp-off">
      <h3 id="totp-off">
        <FormattedMessage id="totp.disableTitle" />
      </h3>
      <TextField
        id="totp-off-password"
        type="password"
        autoComplete="current-password"
        label={label}
        value={password}
        onChange={setPassword}
        error={form.errorFor('totp-off-password')}
        required
      />
      <p>
        <button type="submit" className="danger" disabled={form.busy}>
          <FormattedMessage id="totp.disable" />
        </button>
      </p>
    </Form>
  );
}

/** Two-step verification: enrol (QR, secret, code, recovery codes) or turn it off. */
export function TotpSection({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const session = useSession();
  const form = useForm();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState(0);

  // Each step replaces the controls in use: bring focus back to the section's heading.
  useEffect(() => {
    if (moved > 0) headingRef.current?.focus();
  }, [moved]);

  const start = () =>
    form.submit(
      () => [],
      async () => {
        setSetup(await send<TotpSetup>('POST', accountUrl.totpSetup));
        setMoved((n) => n + 1);
      },
      (err) => problemErrors(intl, err),
    );

  let body;
  if (codes) {
    const finish = () => {
      setCodes(null);
      setSetup(null);
      void session.refresh();
      setMoved((n) => n + 1);
    };
    const copy = <CopyButton text={codes.join('\n')} label={<FormattedMessage id="totp.copy" />} />;
    body = <RecoveryCodes codes={codes} onDone={finish} copy={copy} />;
  } else if (user.totpEnabled) {
    body = (
      <>
        <p>
          <span className="badge">
            <FormattedMessage id="totp.on" />
          </span>{' '}
          <FormattedMessage id="totp.onBody" />
        </p>
        {hasRole(user, 'secretariat') ? (
          <p className="note">
            <FormattedMessage id="totp.mustKeep" />
          </p>
        ) : (
          <DisableTotp />
        )}
      </>
    );
  } else if (setup) {
    body = (
      <TotpConfirm
        setup={setup}
        onEnabled={(recovery) => {
          setCodes(recovery);
          setMoved((n) => n + 1);
        }}
      />
    );
  } else {
    body = (
      <Form form={form} onSubmit={() => void start()} labelledBy="security-totp">
        <p>
          <FormattedMessage id="totp.offBody" />
        </p>
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="totp.setUp" />
          </button>
        </p>
      </Form>
    );
  }
  return (
    <section aria-labelledby="security-totp">
      <h2 id="security-totp" ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="totp.title" />
      </h2>
      {body}
    </section>
  );
}
