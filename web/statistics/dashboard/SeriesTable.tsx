import { FormattedMessage, useIntl } from 'react-intl';
import type { StatsLabels } from './labels.js';
import type { Cell, Series } from './series.js';

function Figures({ cells, labels }: { cells: Cell[] | undefined; labels: StatsLabels }) {
  const intl = useIntl();
  if (!cells?.length) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">
          <FormattedMessage id="statsDash.table.none" />
        </span>
      </>
    );
  }
  // A cell a source published twice shows both figures, in its order.
  return (
    <>
      {cells.map((c, i) => (
        <span key={i} className="figure">
          {i > 0 && ' / '}
          {labels.cell(c)}
          {c.provisional && (
            <abbr title={intl.formatMessage({ id: 'statsDash.flag.provisional' })} className="flag">
              p
            </abbr>
          )}
          {c.estimate && (
            <abbr title={intl.formatMessage({ id: 'statsDash.flag.estimate' })} className="flag">
              e
            </abbr>
          )}
        </span>
      ))}
    </>
  );
}

/**
 * The data of a chart as a table, one row per series and one column per year: what a screen
 * reader reads, and what the chart is checked against. Figures are shown as published: a number,
 * "<k" where Continental hides it, or the public source's own mark.
 */
export function SeriesTable({
  id,
  caption,
  series,
  years,
  labels,
  rowLabel,
}: {
  id: string;
  caption: string;
  series: Series[];
  years: number[];
  labels: StatsLabels;
  rowLabel: (s: Series) => string;
}) {
  // The table names sources briefly; the note under it gives each in full, as labelled.
  const sources = [...new Set(series.map((s) => s.source))].map((key) => {
    const labelled = series.filter((s) => s.source === key).flatMap((s) => s.sources);
    const unique = [...new Set(labelled)];
    const full = key.startsWith('public:') ? unique.join('; ') : [labels.source(key), ...unique].join('; ');
    return { key, short: labels.shortSource(key), full };
  });
  const flagged = series.some((s) => [...s.cells.values()].flat().some((c) => c.provisional || c.estimate));
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data stats-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="statsDash.table.series" />
            </th>
            <th scope="col">
              <FormattedMessage id="statsDash.table.source" />
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className="number">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.key} data-series={s.key}>
              <th scope="row">{rowLabel(s)}</th>
              <td className="source">{labels.shortSource(s.source)}</td>
              {years.map((y) => (
                <td key={y} className="number" data-year={y}>
                  <Figures cells={s.cells.get(y)} labels={labels} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        <FormattedMessage id="statsDash.table.sources" />{' '}
        {sources.map((x, i) => (
          <span key={x.key}>
            {i > 0 && '; '}
            <strong>{x.short}</strong>: {x.full}
          </span>
        ))}
      </p>
      {flagged && (
        <p className="note">
          <FormattedMessage id="statsDash.flag.key" />
        </p>
      )}
    </div>
  );
}
