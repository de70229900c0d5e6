import { FormattedMessage, useIntl } from 'react-intl';
import { TextField } from '../forms/Field.js';
import { type Checks } from '../forms/checks.js';
import type { FormState } from '../forms/useForm.js';

export interface NewPassword {
  password: string;
  confirm: string;
}

interface Props {
  idPrefix: string;
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  form: FormState;
}

/** A new password and its confirmation, with the 8–128 rule stated up front. */
export function PasswordFields({ idPrefix, value, onChange, form }: Props) {
  const intl = useIntl();
  const id = `${idPrefix}-password`;
  const confirmId = `${idPrefix}-confirm`;
  return (
    <>
      <TextField
        id={id}
        type="password"
        autoComplete="new-password"
        label={intl.formatMessage({ id: 'account.newPassword' })}
        hint={<FormattedMessage id="account.passwordRule" />}
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        error={form.errorFor(id)}
        required
      />
      <TextField
        id={confirmId}
        type="password"
        autoComplete="new-password"
        label={intl.formatMessage({ id: 'account.confirmPassword' })}
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        error={form.errorFor(confirmId)}
        required
      />
    </>
  );
}

/** Length rule on the password, then the match on the confirmation. */
export function checkNewPassword(checks: Checks, idPrefix: string, value: NewPassword): Checks {
  checks.password(`${idPrefix}-password`, value.password);
  checks.confirm(`${idPrefix}-confirm`, value.password, value.confirm);
  return checks;
}
