import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';
import { PartialDate } from './PartialDate.js';
import { STATUS_ORDER, treatyPage, type StateStatus } from './types.js';

type SortKey = 'state' | 'status' | 'date';
type Sort = { key: SortKey; ascending: boolean };

/** The same as the map, as a table that sorts by state, status or date (for screen readers and everyone). */
export function StatusTable({ items, caption }: { items: StateStatus[]; caption: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const [sort, setSort] = useState<Sort>({ key: 'state', ascending: true });
  const collator = new Intl.Collator(lang);
  const compare = (a: StateStatus, b: StateStatus): number => {
    if (sort.key === 'status') return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    if (sort.key === 'date') {
      // States with nothing yet go last either way round.
      const da = a.basis?.earliest ?? '9999';
      const db = b.basis?.earliest ?? '9999';
      return da.localeCompare(db);
    }
    return collator.compare(a.state.name, b.state.name);
  };
  const rows = [...items].sort((a, b) => {
    const c = compare(a, b) || collator.compare(a.state.name, b.state.name);
    return sort.ascending ? c : -c;
  });
  const header = (key: SortKey, labelId: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
        >
          <FormattedMessage id={labelId} />
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby="treaty-table-caption" tabIndex={0}>
      <table className="data treaty-status">
        <caption id="treaty-table-caption">{caption}</caption>
        <thead>
          <tr>
            {header('state', 'treaties.table.state')}
            {header('status', 'treaties.table.status')}
            {header('date', 'treaties.table.date')}
            <th scope="col">
              <FormattedMessage id="treaties.table.source" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.state.iso3} data-status={row.status}>
              <th scope="row">
                <Link to={treatyPage.country(lang, row.state.iso3)}>{row.state.name}</Link>
              </th>
              <td>
                <span className={`badge treaty-${row.status}`}>
                  <FormattedMessage id={`treaties.status.${row.status}`} />
                </span>
              </td>
              <td>
                {row.basis ? (
                  <>
                    <FormattedMessage id={`treaties.action.${row.basis.action}`} /> <PartialDate action={row.basis} />
                    {row.basis.precision !== 'day' && (
                      <span className="note">
                        {' '}
                        <FormattedMessage id={`treaties.precision.${row.basis.precision}`} />
                      </span>
                    )}
                  </>
                ) : (
                  intl.formatMessage({ id: 'treaties.noAction' })
                )}
              </td>
              <td className="source">{row.basis?.source ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
