import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LANGS, LANG_NAMES, isLang, type Lang } from '../../shared/lang.js';
import { send } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { AccountNav } from './AccountNav.js';
import { RequireUser } from './guards.js';
import { useSession } from './sessionContext.js';
import { accountUrl, type SessionUser } from './types.js';

function ProfileForm({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const pageLang = usePageLang();
  const session = useSession();
  const form = useForm();
  const [name, setName] = useState(user.name);
  const [lang, setLang] = useState<Lang>(user.lang);
  const nameLabel = intl.formatMessage({ id: 'account.name' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checks.required('profile-name', name, nameLabel);
        return checks.errors;
      },
      async () => {
        await send('PATCH', accountUrl.profile, { name: name.trim(), lang });
        await session.refresh();
        form.setDone(intl.formatMessage({ id: 'profile.saved' }));
      },
      (err) => problemErrors(intl, err, { '/name': 'profile-name', '/lang': 'profile-lang' }),
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form">
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="account.email" />
          </dt>
          <dd>{user.email}</dd>
        </div>
      </dl>
      <TextField
        id="profile-name"
        label={nameLabel}
        autoComplete="name"
        value={name}
        onChange={setName}
        error={form.errorFor('profile-name')}
        required
      />
      <SelectField
        id="profile-lang"
        label={intl.formatMessage({ id: 'profile.lang' })}
        hint={<FormattedMessage id="profile.langHint" />}
        value={lang}
        onChange={(v) => isLang(v) && setLang(v)}
        options={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l], lang: l }))}
        error={form.errorFor('profile-lang')}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="form.save" />
        </button>
      </p>
      {user.lang !== pageLang && (
        <p>
          <Link to={`/${user.lang}/account/profile`} hrefLang={user.lang}>
            <FormattedMessage
              id="profile.switchTo"
              values={{ language: <span lang={user.lang}>{LANG_NAMES[user.lang]}</span> }}
            />
          </Link>
        </p>
      )}
    </Form>
  );
}

/** /:lang/account/profile — name and preferred language (mail is written in it). */
export function ProfilePage() {
  const intl = useIntl();
  return (
    <RequireUser title={intl.formatMessage({ id: 'account.profile.title' })}>
      {(user) => (
        <>
          <h1>
            <FormattedMessage id="account.profile.title" />
          </h1>
          <AccountNav />
          <ProfileForm user={user} />
        </>
      )}
    </RequireUser>
  );
}
