import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { InlineError } from '../components/InlineError.js';
import { asApiError } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import type { ApiError } from '../api.js';
import { participationErrors } from './problems.js';
import { ReasonAction } from './ReasonAction.js';
import { participationUrl, personName, type Registration } from './types.js';

/** Accredit, or reject with a reason, a pending registration (secretariat). */
export function DecisionActions({
  slug,
  registration,
  onDecided,
}: {
  slug: string;
  registration: Registration;
  onDecided: (next: Registration, decision: 'accredit' | 'reject') => void;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const name = personName(registration.person, lang);
  const url = participationUrl.decision(slug, registration.id, lang);

  const accredit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await send<Registration>('POST', url, { decision: 'accredit' }), 'accredit');
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  const reject = async (reason: string): Promise<string | null> => {
    try {
      onDecided(await send<Registration>('POST', url, { decision: 'reject', reason }), 'reject');
      return null;
    } catch (err) {
      return participationErrors(intl, err)
        .map((e) => e.message)
        .join(' ');
    }
  };
  return (
    <div className="decision">
      <p className="actions">
        <button type="button" disabled={busy} onClick={() => void accredit()}>
          <FormattedMessage id="participation.decision.accredit" values={{ name }} />
        </button>
      </p>
      {error && <InlineError error={error} />}
      <ReasonAction
        idPrefix={`reject-${registration.id}`}
        label={<FormattedMessage id="participation.decision.reject" values={{ name }} />}
        question={<FormattedMessage id="participation.decision.rejectQuestion" values={{ name }} />}
        confirm={<FormattedMessage id="participation.decision.rejectConfirm" />}
        reasonLabel={intl.formatMessage({ id: 'participation.decision.reason' })}
        reasonHint={<FormattedMessage id="participation.decision.reasonHint" />}
        reasonRequired
        onConfirm={reject}
      />
    </div>
  );
}
