import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { checkNewPassword, PasswordFields, type NewPassword } from './PasswordFields.js';
import { useSession } from './sessionContext.js';
import { accountUrl } from './types.js';

const EMPTY: NewPassword = { password: '', confirm: '' };

/** Current password, then the new one twice; the server ends the user's other sessions. */
export function PasswordChange() {
  const intl = useIntl();
  const session = useSession();
  const form = useForm();
  const [current, setCurrent] = useState('');
  const [pw, setPw] = useState<NewPassword>(EMPTY);
  const currentLabel = intl.formatMessage({ id: 'security.currentPassword' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.required('pw-current', current, currentLabel);
        return checkNewPassword(checks, 'pw', pw).errors;
      },
      async () => {
        await send('POST', accountUrl.password, { currentPassword: current, newPassword: pw.password });
        setCurrent('');
        setPw(EMPTY);
        form.setDone(intl.formatMessage({ id: 'security.passwordChanged' }));
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'invalid_credentials') {
          return [{ field: 'pw-current', message: intl.formatMessage({ id: 'security.currentWrong' }) }];
        }
        if (error.code === 'unauthorized') void session.refresh();
        return problemErrors(intl, error, {
          '/currentPassword': 'pw-current',
          '/newPassword': 'pw-password',
          '/password': 'pw-password',
        });
      },
    );
  return (
    <section aria-labelledby="security-password">
      <h2 id="security-password">
        <FormattedMessage id="security.password" />
      </h2>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="security-password">
        <TextField
          id="pw-current"
          type="password"
          autoComplete="current-password"
          label={currentLabel}
          value={current}
          onChange={setCurrent}
          error={form.errorFor('pw-current')}
          required
        />
        <PasswordFields idPrefix="pw" value={pw} onChange={setPw} form={form} />
        <p className="hint">
          <FormattedMessage id="security.passwordOtherSessions" />
        </p>
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="security.changePassword" />
          </button>
        </p>
      </Form>
    </section>
  );
}
