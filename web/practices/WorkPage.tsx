import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useLocation } from 'react-router';
import { signInPath } from '../account/next.js';
import { useSession } from '../account/sessionContext.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { useNames } from './names.js';
import { PracticeLt } from './PracticeText.js';
import { StatusBadge } from './PracticeWork.js';
import { practicePath, practiceUrl, type WorkItem } from './types.js';
import './practices.css';

/**
 * /:lang/practices/work — the practices the reader works on (their state's or organisation's;
 * every one for the secretariat), those waiting for review first: it is the review queue too.
 */
export function WorkPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { pathname } = useLocation();
  const { state: session, user } = useSession();
  const names = useNames();
  const list = useApi<{ items: WorkItem[] }>(user ? practiceUrl.work(lang) : null);
  const title = intl.formatMessage({ id: 'practices.work.title' });
  useDocumentTitle(title);
  if (session.status !== 'ready' || session.leaving) return null;
  if (!user) return <Navigate replace to={signInPath(lang, pathname)} />;
  const items = list.status === 'ok' ? list.data.items : [];
  const waiting = items.filter((i) => i.status === 'submitted');
  const rest = items.filter((i) => i.status !== 'submitted');
  const table = (rows: WorkItem[], caption: string) => (
    <ul className="practice-list">
      {rows.map((item) => (
        <li key={item.id} className="practice-entry">
          <h3>
            <Link to={practicePath.practice(lang, item.id)}>
              <PracticeLt value={item.title} />
            </Link>
          </h3>
          <p className="practice-line">
            <StatusBadge status={item.status} />{' '}
            <FormattedMessage
              id="practices.work.line"
              values={{
                owner: item.memberState
                  ? names.state(item.memberState)
                  : item.organizationId
                    ? names.organization(item.organizationId)
                    : intl.formatMessage({ id: 'practices.work.secretariat' }),
                revision: item.revision,
                date: <FormattedDate value={item.updatedAt} dateStyle="medium" />,
              }}
            />
          </p>
        </li>
      ))}
      {rows.length === 0 && <li>{caption}</li>}
    </ul>
  );
  return (
    <>
      <Breadcrumbs
        trail={[{ to: practicePath.library(lang), label: intl.formatMessage({ id: 'practices.title' }) }]}
        current={title}
      />
      <h1>{title}</h1>
      <p>
        <Link to={practicePath.create(lang)}>
          <FormattedMessage id="practices.create.title" />
        </Link>
      </p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' && (
        <>
          <section aria-labelledby="work-waiting">
            <h2 id="work-waiting">
              <FormattedMessage id="practices.work.waiting" values={{ count: waiting.length }} />
            </h2>
            {table(waiting, intl.formatMessage({ id: 'practices.work.noneWaiting' }))}
          </section>
          <section aria-labelledby="work-others">
            <h2 id="work-others">
              <FormattedMessage id="practices.work.others" />
            </h2>
            {table(rest, intl.formatMessage({ id: 'practices.work.none' }))}
          </section>
        </>
      )}
    </>
  );
}
