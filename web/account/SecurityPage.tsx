import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { send } from '../api.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { InlineError } from '../components/InlineError.js';
import { usePageLang } from '../i18n/hooks.js';
import { asApiError } from '../forms/problem.js';
import type { ApiError } from '../api.js';
import { AccountNav } from './AccountNav.js';
import { RequireUser } from './guards.js';
import { PasswordChange } from './PasswordChange.js';
import { useSession } from './sessionContext.js';
import { TotpSection } from './TotpSection.js';
import { accountUrl } from './types.js';

function SignOutEverywhere() {
  const lang = usePageLang();
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await send('POST', accountUrl.signOutEverywhere);
      await session.leave(() => navigate(`/${lang}/sign-in`, { state: { flash: 'security.signedOutEverywhere' } }));
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="security-sessions">
      <h2 id="security-sessions">
        <FormattedMessage id="security.sessions" />
      </h2>
      <p>
        <FormattedMessage id="security.sessionsBody" />
      </p>
      {error && <InlineError error={error} />}
      <ConfirmButton
        label={<FormattedMessage id="security.signOutEverywhere" />}
        question={<FormattedMessage id="security.signOutEverywhereQuestion" />}
        confirm={<FormattedMessage id="security.signOutEverywhere" />}
        onConfirm={run}
        busy={busy}
      />
    </section>
  );
}

/** /:lang/account/security — password, two-step verification, sessions. */
export function SecurityPage() {
  const intl = useIntl();
  return (
    <RequireUser title={intl.formatMessage({ id: 'account.security.title' })}>
      {(user) => (
        <>
          <h1>
            <FormattedMessage id="account.security.title" />
          </h1>
          <AccountNav />
          <PasswordChange />
          <TotpSection user={user} />
          <SignOutEverywhere />
        </>
      )}
    </RequireUser>
  );
}
