import { useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { send, type ApiError } from '../api.js';
import { useApi } from '../useApi.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { asApiError } from '../forms/problem.js';
import { AccountNav } from './AccountNav.js';
import { RequireUser } from './guards.js';
import { TokenCreate } from './TokenCreate.js';
import { accountUrl, type AccessToken } from './types.js';

function When({ at }: { at: string | null }) {
  if (at === null) return <FormattedMessage id="tokens.never" />;
  return (
    <time dateTime={at}>
      <FormattedDate value={at} dateStyle="medium" />
    </time>
  );
}

function status(token: AccessToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function TokenRow({ token, onRevoked }: { token: AccessToken; onRevoked: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [revoked, setRevoked] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const state = status(token);
  // The confirm button is gone once the fresh list arrives: keep focus on this token.
  useEffect(() => {
    if (revoked && state === 'revoked') headingRef.current?.focus();
  }, [revoked, state]);
  const revoke = async () => {
    setBusy(true);
    try {
      await send('DELETE', accountUrl.token(token.id));
      setRevoked(true);
      onRevoked();
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <li className="card">
      <h3 ref={headingRef} tabIndex={-1}>
        {token.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="tokens.prefix" />
          </dt>
          <dd>
            <code>{token.prefix}…</code>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="tokens.created" />
          </dt>
          <dd>
            <When at={token.createdAt} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="tokens.expires" />
          </dt>
          <dd>
            <When at={token.expiresAt} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="tokens.lastUsed" />
          </dt>
          <dd>
            <When at={token.lastUsedAt} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="tokens.status" />
          </dt>
          <dd>
            <FormattedMessage id={`tokens.status.${state}`} />
          </dd>
        </div>
      </dl>
      {error && <InlineError error={error} />}
      {state === 'active' && (
        <ConfirmButton
          label={<FormattedMessage id="tokens.revoke" values={{ name: token.name }} />}
          question={<FormattedMessage id="tokens.revokeQuestion" values={{ name: token.name }} />}
          confirm={<FormattedMessage id="tokens.revokeConfirm" />}
          onConfirm={revoke}
          busy={busy}
        />
      )}
    </li>
  );
}

function TokenList() {
  const state = useApi<{ items: AccessToken[] }>(accountUrl.tokens);
  return (
    <>
      <section aria-labelledby="tokens-create">
        <h2 id="tokens-create">
          <FormattedMessage id="tokens.createTitle" />
        </h2>
        <TokenCreate onCreated={() => state.status === 'ok' && state.reload()} />
      </section>
      <section aria-labelledby="tokens-list">
        <h2 id="tokens-list">
          <FormattedMessage id="tokens.listTitle" />
        </h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <InlineError error={state.error} retry={state.retry} />}
        {state.status === 'ok' &&
          (state.data.items.length === 0 ? (
            <p>
              <FormattedMessage id="tokens.empty" />
            </p>
          ) : (
            <ul className="cards">
              {state.data.items.map((token) => (
                <TokenRow key={token.id} token={token} onRevoked={state.reload} />
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}

/** /:lang/account/tokens — personal access tokens for scripts (Authorization: Bearer). */
export function TokensPage() {
  const intl = useIntl();
  return (
    <RequireUser title={intl.formatMessage({ id: 'account.tokens.title' })}>
      {() => (
        <>
          <h1>
            <FormattedMessage id="account.tokens.title" />
          </h1>
          <AccountNav />
          <p>
            <FormattedMessage id="tokens.intro" />
          </p>
          <TokenList />
        </>
      )}
    </RequireUser>
  );
}
