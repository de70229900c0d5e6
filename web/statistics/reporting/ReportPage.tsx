import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { NotAllowedView, RequireUser } from '../../account/guards.js';
import { hasRole, type SessionUser } from '../../account/types.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { Notice } from '../../components/Notice.js';
import { ErrorView, Loading, NotFoundView } from '../../components/Status.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import { StatusBadge, useStates } from './common.js';
import { ReportEditor } from './ReportEditor.js';
import { latestRevision, ReportHistory } from './ReportHistory.js';
import { ReportImport } from './ReportImport.js';
import { focalStatesOf } from './ReportsPage.js';
import { ReportReview } from './ReportReview.js';
import { FIRST_YEAR, reportingPath, reportingUrl, type Indicator, type Report } from './types.js';
import { useReport } from './useReport.js';
import './reporting.css';

/** /:lang/statistics/reports/:iso3/:year — one state's report for one year: grid, file import, review, history. */
export function ReportPage() {
  const intl = useIntl();
  const params = useParams();
  const iso3 = (params.iso3 ?? '').toUpperCase();
  const year = Number(params.year);
  const states = useStates();
  const title = intl.formatMessage(
    { id: 'reporting.report.title' },
    { state: states.name(iso3), year: Number.isInteger(year) ? year : 0 },
  );
  const valid = /^[A-Z]{3}$/.test(iso3) && Number.isInteger(year) && year >= FIRST_YEAR;
  if (!valid || year > new Date().getUTCFullYear()) return <NotFoundView />;
  return (
    <RequireUser title={title}>
      {(user) =>
        hasRole(user, 'secretariat') || focalStatesOf(user).includes(iso3) ? (
          <Loaded iso3={iso3} year={year} title={title} user={user} />
        ) : (
          <NotAllowedView />
        )
      }
    </RequireUser>
  );
}

function Loaded({ iso3, year, title, user }: { iso3: string; year: number; title: string; user: SessionUser }) {
  const lang = usePageLang();
  const [search] = useSearchParams();
  const asked = Number(search.get('revision'));
  const revision = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const indicators = useApi<{ items: Indicator[] }>(reportingUrl.indicators(lang));
  const report = useReport(reportingUrl.report(iso3, year, revision));
  const intl = useIntl();
  const heading = (
    <>
      <Breadcrumbs
        trail={[{ to: reportingPath.list(lang), label: intl.formatMessage({ id: 'reporting.title' }) }]}
        current={title}
      />
      <h1>{title}</h1>
    </>
  );
  if (indicators.status === 'loading' || report.status === 'loading') return <Loading />;
  if (indicators.status === 'error') return <ErrorView error={indicators.error} retry={indicators.retry} />;
  if (report.status === 'error') return <ErrorView error={report.error} retry={report.retry} />;
  return (
    <>
      {heading}
      <Workspace
        key={revision ?? 'current'}
        iso3={iso3}
        year={year}
        report={report.report}
        indicators={indicators.data.items}
        viewing={revision}
        reviewer={hasRole(user, 'secretariat')}
        reload={report.reload}
      />
    </>
  );
}

interface WorkspaceProps {
  iso3: string;
  year: number;
  report: Report | null;
  indicators: Indicator[];
  /** An earlier revision asked for in the address, shown read-only. */
  viewing: number | undefined;
  reviewer: boolean;
  reload: () => void;
}

function Workspace({ iso3, year, report, indicators, viewing, reviewer, reload }: WorkspaceProps) {
  const lang = usePageLang();
  const [notice, setNotice] = useState<{ n: number; text: string } | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const status = report?.status ?? 'draft';
  const old = viewing !== undefined && report !== null && viewing < latestRevision(report);
  const editable = !old && (status === 'draft' || status === 'returned' || (status === 'validated' && correcting));
  const changed = (text?: string) => {
    if (text) setNotice((n) => ({ n: (n?.n ?? 0) + 1, text }));
    setCorrecting(false);
    reload();
  };
  return (
    <>
      {notice && (
        <Notice key={notice.n}>
          <p>{notice.text}</p>
        </Notice>
      )}
      <p className="report-status">
        {report ? (
          <FormattedMessage
            id="reporting.report.status"
            values={{ status: <StatusBadge status={report.status} />, revision: report.revision }}
          />
        ) : (
          <FormattedMessage id="reporting.report.new" />
        )}
        {report?.publishedRevision && (
          <>
            {' '}
            <FormattedMessage id="reporting.report.published" values={{ revision: report.publishedRevision }} />
          </>
        )}
      </p>
      {old && (
        <div className="notice">
          <p>
            <FormattedMessage id="reporting.report.old" values={{ revision: viewing }} />{' '}
            <Link to={reportingPath.report(lang, iso3, year)}>
              <FormattedMessage id="reporting.report.backToCurrent" />
            </Link>
          </p>
        </div>
      )}
      {!old && status === 'returned' && report?.reviewComment && (
        <div className="notice">
          <p>
            <strong>
              <FormattedMessage id="reporting.report.returned" />
            </strong>
          </p>
          <blockquote className="report-comment">{report.reviewComment}</blockquote>
        </div>
      )}
      {!old && status === 'submitted' && (
        <p>
          <FormattedMessage id={reviewer ? 'reporting.report.toReview' : 'reporting.report.underReview'} />
        </p>
      )}
      {!old && status === 'validated' && !correcting && (
        <div className="report-correct">
          <p>
            <FormattedMessage id="reporting.report.validated" />
          </p>
          <p>
            <button type="button" className="secondary" onClick={() => setCorrecting(true)}>
              <FormattedMessage id="reporting.correct.open" />
            </button>
          </p>
        </div>
      )}
      {correcting && status === 'validated' && report && (
        <Notice>
          <p>
            <FormattedMessage id="reporting.correct.note" values={{ revision: report.revision + 1 }} />
          </p>
        </Notice>
      )}
      <ReportEditor
        iso3={iso3}
        year={year}
        report={report}
        indicators={indicators}
        editable={editable}
        canSubmit={editable && status !== 'validated'}
        onChanged={changed}
      />
      {/* After the figures: the reviewer reads them, then decides. */}
      {!old && reviewer && status === 'submitted' && <ReportReview iso3={iso3} year={year} onChanged={changed} />}
      {editable && <ReportImport iso3={iso3} year={year} onChanged={() => changed()} />}
      {report && <ReportHistory report={report} viewing={report.revision} />}
    </>
  );
}
