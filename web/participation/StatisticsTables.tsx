import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { Counts, Statistics } from './types.js';

type Column = keyof Counts;
const ALL: Column[] = ['registered', 'accredited', 'present'];

interface TableProps {
  id: string;
  caption: string;
  firstColumn: string;
  rows: { key: string; label: string; counts: Counts }[];
  total: Counts;
  columns: Column[];
}

function CountTable({ id, caption, firstColumn, rows, total, columns }: TableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data counts">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {columns.map((c) => (
              <th scope="col" key={c} className="number">
                <FormattedMessage id={`participation.stats.${c}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td key={c} className="number">
                  <FormattedNumber value={row.counts[c]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              <FormattedMessage id="participation.stats.total" />
            </th>
            {columns.map((c) => (
              <td key={c} className="number">
                <FormattedNumber value={total[c]} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const counts = (row: Counts): Counts => ({
  registered: row.registered,
  accredited: row.accredited,
  present: row.present,
});

/**
 * Registered, accredited and present people by state, category and gender. `columns` narrows the
 * figures (the registration desk shows accredited and present only); `idPrefix` keeps ids unique.
 */
export function StatisticsTables({
  stats,
  columns = ALL,
  idPrefix,
  headingLevel = 2,
  gender = true,
}: {
  stats: Statistics;
  columns?: Column[];
  idPrefix: string;
  headingLevel?: 2 | 3;
  gender?: boolean;
}) {
  const intl = useIntl();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const t = (id: string) => intl.formatMessage({ id });
  // Categories nobody registered in are left out: nine rows of zeros say nothing.
  const byCategory = stats.byCategory.filter((r) => r.registered > 0 || r.accredited > 0 || r.present > 0);
  return (
    <>
      <section aria-labelledby={`${idPrefix}-category`}>
        <H id={`${idPrefix}-category`}>
          <FormattedMessage id="participation.stats.byCategory" />
        </H>
        <CountTable
          id={`${idPrefix}-category-table`}
          caption={t('participation.stats.byCategoryCaption')}
          firstColumn={t('participation.registrations.category')}
          rows={byCategory.map((r) => ({
            key: r.category,
            label: t(`participation.category.${r.category}`),
            counts: counts(r),
          }))}
          total={stats.total}
          columns={columns}
        />
      </section>
      <section aria-labelledby={`${idPrefix}-state`}>
        <H id={`${idPrefix}-state`}>
          <FormattedMessage id="participation.stats.byState" />
        </H>
        {stats.byState.length === 0 ? (
          <p>
            <FormattedMessage id="participation.stats.noStates" />
          </p>
        ) : (
          <CountTable
            id={`${idPrefix}-state-table`}
            caption={t('participation.stats.byStateCaption')}
            firstColumn={t('participation.filter.state')}
            rows={stats.byState.map((r) => ({ key: r.memberState, label: r.name, counts: counts(r) }))}
            total={{
              registered: stats.byState.reduce((s, r) => s + r.registered, 0),
              accredited: stats.byState.reduce((s, r) => s + r.accredited, 0),
              present: stats.byState.reduce((s, r) => s + r.present, 0),
            }}
            columns={columns}
          />
        )}
      </section>
      {gender && (
        <section aria-labelledby={`${idPrefix}-gender`}>
          <H id={`${idPrefix}-gender`}>
            <FormattedMessage id="participation.stats.byGender" />
          </H>
          <CountTable
            id={`${idPrefix}-gender-table`}
            caption={t('participation.stats.byGenderCaption')}
            firstColumn={t('participation.person.gender')}
            rows={stats.byGender.map((r) => ({
              key: r.gender,
              label: t(`participation.gender.${r.gender}`),
              counts: counts(r),
            }))}
            total={stats.total}
            columns={columns}
          />
        </section>
      )}
    </>
  );
}
