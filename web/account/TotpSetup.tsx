import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { accountUrl, type TotpSetup as Setup } from './types.js';

/** An SVG string as a data: URL for <img>: never injected into the page as markup. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** "JBSW Y3DP EHPK 3PXP": easier to type from a screen. */
export const groupSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

interface Props {
  setup: Setup;
  onEnabled: (recoveryCodes: string[]) => void;
}

/** Step 2 of enrolment: scan (or type the secret), then prove it works with a code. */
export function TotpConfirm({ setup, onEnabled }: Props) {
  const intl = useIntl();
  const form = useForm();
  const [code, setCode] = useState('');
  const onSubmit = () =>
    form.submit(
      () => new Checks(intl).code('totp-code', code, false).errors,
      async () => {
        const answer = await send<{ recoveryCodes: string[] }>('POST', accountUrl.totpEnable, {
          code: code.replace(/\s+/g, ''),
        });
        onEnabled(answer.recoveryCodes);
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'mfa_required' || error.code === 'invalid_credentials') {
          return [{ field: 'totp-code', message: intl.formatMessage({ id: 'signIn.codeWrong' }) }];
        }
        return problemErrors(intl, error, { '/code': 'totp-code' });
      },
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} labelledBy="security-totp">
      <ol className="steps">
        <li>
          <p>
            <FormattedMessage id="totp.scan" />
          </p>
          <img className="qr" src={svgDataUrl(setup.qrSvg)} alt={intl.formatMessage({ id: 'totp.qrAlt' })} />
        </li>
        <li>
          <p>
            <FormattedMessage id="totp.secret" />
          </p>
          <p>
            <code className="secret">{groupSecret(setup.secret)}</code>
          </p>
        </li>
        <li>
          <TextField
            id="totp-code"
            label={intl.formatMessage({ id: 'totp.code' })}
            hint={<FormattedMessage id="totp.codeHint" />}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={setCode}
            error={form.errorFor('totp-code')}
            required
          />
        </li>
      </ol>
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="totp.enable" />
        </button>
      </p>
    </Form>
  );
}

/** The ten recovery codes, shown once, with the advice to keep them. */
export function RecoveryCodes({ codes, onDone, copy }: { codes: string[]; onDone: () => void; copy: React.ReactNode }) {
  return (
    <div className="recovery">
      <p className="notice">
        <FormattedMessage id="totp.recoveryIntro" />
      </p>
      <ul className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        {copy}
        <button type="button" className="secondary" onClick={() => window.print()}>
          <FormattedMessage id="totp.print" />
        </button>
      </p>
      <p>
        <button type="button" onClick={onDone}>
          <FormattedMessage id="totp.saved" />
        </button>
      </p>
    </div>
  );
}
