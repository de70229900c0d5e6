import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../../i18n/hooks.js';
import { StatusBadge } from './common.js';
import { reportingPath, type ReportSummary } from './types.js';

interface Props {
  items: ReportSummary[];
  caption: string;
  stateName: (iso3: string) => string;
  /** The state column is left out of a single state's list. */
  showState: boolean;
}

const when = (iso: string | null) => (iso ? <FormattedDate value={iso} dateStyle="medium" /> : '—');

/** Reports, one row each, the first cell a link to the report's grid. */
export function ReportTable({ items, caption, stateName, showState }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  return (
    <div className="table-scroll">
      <table className="data report-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="reporting.list.report" />
            </th>
            <th scope="col">
              <FormattedMessage id="reporting.list.status" />
            </th>
            <th scope="col" className="number">
              <FormattedMessage id="reporting.list.figures" />
            </th>
            <th scope="col">
              <FormattedMessage id="reporting.list.submitted" />
            </th>
            <th scope="col">
              <FormattedMessage id="reporting.list.validated" />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={`${r.state}/${r.year}`}>
              <th scope="row">
                <Link to={reportingPath.report(lang, r.state, r.year)}>
                  {showState
                    ? intl.formatMessage(
                        { id: 'reporting.list.stateYear' },
                        { state: stateName(r.state), year: r.year },
                      )
                    : r.year}
                </Link>
              </th>
              <td>
                <StatusBadge status={r.status} />{' '}
                <FormattedMessage id="reporting.revision" values={{ revision: r.revision }} />
              </td>
              <td className="number">
                <FormattedMessage
                  id="reporting.list.figureCount"
                  values={{ values: r.values, indicators: r.indicators }}
                />
              </td>
              <td>{when(r.submittedAt)}</td>
              <td>{when(r.validatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
