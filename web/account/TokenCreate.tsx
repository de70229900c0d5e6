import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { CopyButton } from '../components/CopyButton.js';
import { Notice } from '../components/Notice.js';
import { Checks } from '../forms/checks.js';
import { TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { accountUrl } from './types.js';

/** Today in the reader's calendar, as YYYY-MM-DD (the earliest expiry a date input offers). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An expiry date means "through that day" in the reader's time zone: the instant it ends. */
export function endOfDay(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d + 1).toISOString();
}

/** Name and optional expiry; the secret is shown once, with a warning, then never again. */
export function TokenCreate({ onCreated }: { onCreated: () => void }) {
  const intl = useIntl();
  const form = useForm();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const nameLabel = intl.formatMessage({ id: 'tokens.name' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.required('token-name', name, nameLabel);
        if (expires !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || expires < today())) {
          checks.add('token-expires', 'tokens.expiresInvalid');
        }
        return checks.errors;
      },
      async () => {
        const body = expires === '' ? { name: name.trim() } : { name: name.trim(), expiresAt: endOfDay(expires) };
        const answer = await send<{ id: string; token: string }>('POST', accountUrl.tokens, body);
        setToken(answer.token);
        setName('');
        setExpires('');
        onCreated();
      },
      (err) => problemErrors(intl, err, { '/name': 'token-name', '/expiresAt': 'token-expires' }),
    );

  if (token) {
    return (
      <Notice>
        <p>
          <strong>
            <FormattedMessage id="tokens.once" />
          </strong>
        </p>
        <p>
          <code className="secret" aria-label={intl.formatMessage({ id: 'tokens.value' })}>
            {token}
          </code>
        </p>
        <p className="actions">
          <CopyButton text={token} label={<FormattedMessage id="tokens.copy" />} />
          <button type="button" onClick={() => setToken(null)}>
            <FormattedMessage id="tokens.copied" />
          </button>
        </p>
      </Notice>
    );
  }
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="tokens-create">
      <TextField
        id="token-name"
        label={nameLabel}
        hint={<FormattedMessage id="tokens.nameHint" />}
        value={name}
        onChange={setName}
        maxLength={100}
        error={form.errorFor('token-name')}
        required
      />
      <TextField
        id="token-expires"
        type="date"
        min={today()}
        label={intl.formatMessage({ id: 'tokens.expires' })}
        hint={<FormattedMessage id="tokens.expiresHint" />}
        value={expires}
        onChange={setExpires}
        error={form.errorFor('token-expires')}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="tokens.create" />
        </button>
      </p>
    </Form>
  );
}
