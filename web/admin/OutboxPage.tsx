import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { LANG_NAMES } from '../../shared/lang.js';
import { query } from '../api.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { RequireUser } from '../account/guards.js';
import { accountUrl, type OutboxMessage, type Page } from '../account/types.js';
import { Pager, pageParam } from './Pager.js';

function Instant({ at }: { at: string }) {
  return (
    <time dateTime={at}>
      <FormattedDate value={at} dateStyle="medium" timeStyle="short" />
    </time>
  );
}

function Message({ message }: { message: OutboxMessage }) {
  return (
    <li className="card mail">
      <h2 className="mail-subject">{message.subject}</h2>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="outbox.to" />
          </dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="outbox.date" />
          </dt>
          <dd>
            <Instant at={message.createdAt} />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="outbox.lang" />
          </dt>
          <dd lang={message.lang}>{LANG_NAMES[message.lang] ?? message.lang}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="outbox.status" />
          </dt>
          <dd>
            {message.error ? (
              <FormattedMessage id="outbox.failed" values={{ error: message.error }} />
            ) : message.sentAt ? (
              <FormattedMessage id="outbox.sent" values={{ date: <Instant at={message.sentAt} /> }} />
            ) : (
              <FormattedMessage id="outbox.pending" />
            )}
          </dd>
        </div>
      </dl>
      <details>
        <summary>
          <FormattedMessage id="outbox.body" />
        </summary>
        {/* Plain text as written: never interpreted as HTML. */}
        <pre className="mail-body" lang={message.lang}>
          {message.body}
        </pre>
      </details>
    </li>
  );
}

function Outbox() {
  const [params] = useSearchParams();
  const page = pageParam(params);
  const state = useApi<Page<OutboxMessage>>(`${accountUrl.outbox}${query({ page })}`);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  const { items, total = items.length, pageSize = items.length } = state.data;
  return (
    <>
      <p>
        <FormattedMessage id="outbox.count" values={{ count: total }} />
      </p>
      {items.length > 0 && (
        <ul className="cards">
          {items.map((m) => (
            <Message key={m.id} message={m} />
          ))}
        </ul>
      )}
      <Pager page={state.data.page ?? page} pageSize={pageSize} total={total} />
    </>
  );
}

/** /:lang/admin/outbox — mail the application wrote, newest first (secretariat). */
export function OutboxPage() {
  const intl = useIntl();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'nav.outbox' })}>
      {() => (
        <>
          <h1>
            <FormattedMessage id="nav.outbox" />
          </h1>
          <p>
            <FormattedMessage id="outbox.intro" />
          </p>
          <Outbox />
        </>
      )}
    </RequireUser>
  );
}
