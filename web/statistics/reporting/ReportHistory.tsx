import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../../i18n/hooks.js';
import { reportingPath, type Report } from './types.js';

/** The newest revision: a report read at an earlier one gives that one as `revision`. */
export const latestRevision = (report: Report): number =>
  Math.max(report.revision, ...report.history.map((h) => h.revision));

/** What happened to the report, oldest first, with the secretariat's comments, and its revisions' figures. */
export function ReportHistory({ report, viewing }: { report: Report; viewing: number }) {
  const intl = useIntl();
  const lang = usePageLang();
  const latest = latestRevision(report);
  const revisions = Array.from({ length: latest }, (_, i) => i + 1);
  const role = (r: string) => (intl.messages[`role.${r}`] === undefined ? r : intl.formatMessage({ id: `role.${r}` }));
  return (
    <section aria-labelledby="report-history">
      <h2 id="report-history">
        <FormattedMessage id="reporting.history.title" />
      </h2>
      <ol className="report-history">
        {report.history.map((h, i) => (
          <li key={i}>
            <FormattedMessage
              id="reporting.history.entry"
              values={{
                date: <FormattedDate value={h.at} dateStyle="medium" timeStyle="short" />,
                action: intl.formatMessage({ id: `reporting.action.${h.action}` }),
                revision: h.revision,
                role: role(h.role),
              }}
            />
            {h.comment && <blockquote className="report-comment">{h.comment}</blockquote>}
          </li>
        ))}
      </ol>
      {revisions.length > 1 && (
        <>
          <h3>
            <FormattedMessage id="reporting.history.revisions" />
          </h3>
          <ul>
            {revisions.map((r) => (
              <li key={r}>
                {r === viewing ? (
                  <span aria-current="page">
                    <FormattedMessage id="reporting.revision" values={{ revision: r }} />
                  </span>
                ) : (
                  <Link to={reportingPath.report(lang, report.state, report.year, r === latest ? undefined : r)}>
                    <FormattedMessage id="reporting.revision" values={{ revision: r }} />
                  </Link>
                )}
                {r === report.publishedRevision && (
                  <>
                    {' '}
                    <FormattedMessage id="reporting.history.public" />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
