import { FormattedMessage, useIntl } from 'react-intl';
import type { FormError } from '../../forms/problem.js';
import { EMPTY_ENTRY, indicatorRows, type Entries, type Entry, type GridRow } from './grid.js';
import { dimensionName, rowFullName, rowName } from './labels.js';
import type { Indicator } from './types.js';

interface Props {
  indicators: Indicator[];
  entries: Entries;
  /** null: read-only. */
  onChange: ((key: string, entry: Entry) => void) | null;
  /** Flags, source and notes columns. */
  details: boolean;
  errors: FormError[];
}

const DETAIL_COLUMNS = ['provisional', 'estimate', 'source', 'notes'] as const;

/** Every message about one control, each on its own line under it. */
function CellErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="field-error" id={`${id}-error`}>
      {errors.map((message, i) => (
        <p key={i}>
          <span className="visually-hidden">
            <FormattedMessage id="form.errorPrefix" />{' '}
          </span>
          {message}
        </p>
      ))}
    </div>
  );
}

function Row({ row, entry, props }: { row: GridRow; entry: Entry; props: Props }) {
  const intl = useIntl();
  const { onChange, details, errors, indicators } = props;
  const figure = rowFullName(intl, row, indicators);
  const label = (column: string) =>
    intl.formatMessage(
      { id: 'reporting.grid.inputLabel' },
      { figure, column: intl.formatMessage({ id: `reporting.grid.${column}` }) },
    );
  const errorsOf = (id: string) => errors.filter((e) => e.field === id).map((e) => e.message);
  const set = (patch: Partial<Entry>) => onChange?.(row.key, { ...entry, ...patch });
  const text = (part: 'value' | 'source' | 'notes', className: string) => {
    const id = `${row.id}-${part}`;
    const messages = errorsOf(id);
    if (!onChange) {
      const shown = entry[part];
      if (shown !== '') return shown;
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">
            <FormattedMessage id="reporting.grid.notReported" />
          </span>
        </>
      );
    }
    return (
      <>
        <input
          id={id}
          type="text"
          className={className}
          inputMode={part === 'value' ? 'numeric' : undefined}
          autoComplete="off"
          aria-label={label(part)}
          aria-invalid={messages.length > 0 ? true : undefined}
          aria-describedby={messages.length > 0 ? `${id}-error` : undefined}
          value={entry[part]}
          onChange={(e) => set({ [part]: e.target.value })}
        />
        <CellErrors id={id} errors={messages} />
      </>
    );
  };
  const flag = (part: 'provisional' | 'estimate') => {
    if (!onChange) return entry[part] ? <FormattedMessage id="reporting.grid.yes" /> : '';
    return (
      <input
        id={`${row.id}-${part}`}
        type="checkbox"
        aria-label={label(part)}
        checked={entry[part]}
        onChange={(e) => set({ [part]: e.target.checked })}
      />
    );
  };
  return (
    <tr className={row.category ? undefined : 'report-total'}>
      <th scope="row" className={row.category ? 'report-category' : undefined}>
        {rowName(intl, row)}
      </th>
      <td className="number">{text('value', 'report-count')}</td>
      {details && (
        <>
          <td className="flag">{flag('provisional')}</td>
          <td className="flag">{flag('estimate')}</td>
          <td>{text('source', 'report-text')}</td>
          <td>{text('notes', 'report-text')}</td>
        </>
      )}
    </tr>
  );
}

/**
 * One table per indicator: the national total, then each breakdown's categories under its own
 * heading row. Each input is named in full ("Victims detected, by sex: female, count"), since a
 * screen reader moving through the inputs hears the label, not the table around it.
 */
export function ReportGrid(props: Props) {
  const intl = useIntl();
  const { indicators, entries, details } = props;
  const columns = details ? 6 : 2;
  return (
    <>
      {indicators.map((indicator) => {
        const [total, ...parts] = indicatorRows(indicator) as [GridRow, ...GridRow[]];
        const groups = Object.keys(indicator.breakdowns).map(
          (d) => [d, parts.filter((r) => r.dimension === d)] as const,
        );
        const headingId = `indicator-${indicator.code}`;
        return (
          <section key={indicator.code} className="report-indicator" aria-labelledby={headingId}>
            <h3 id={headingId}>{indicator.name}</h3>
            <p className="hint">
              {indicator.definition}
              {indicator.additive && Object.keys(indicator.breakdowns).length > 0 && (
                <>
                  {' '}
                  <FormattedMessage id="reporting.grid.additive" />
                </>
              )}
            </p>
            {/* Read-only, the table holds nothing focusable: the box itself takes focus so a
                keyboard can scroll it sideways on a narrow screen. */}
            <div
              className="table-scroll"
              {...(props.onChange ? {} : { tabIndex: 0, role: 'region', 'aria-labelledby': headingId })}
            >
              <table className={`data report-grid${details ? ' with-details' : ''}`}>
                <caption className="visually-hidden">{indicator.name}</caption>
                {details && (
                  <colgroup>
                    <col className="report-col-figure" />
                    <col className="report-col-count" />
                    <col className="report-col-flag" />
                    <col className="report-col-flag" />
                    <col />
                    <col />
                  </colgroup>
                )}
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="reporting.grid.figure" />
                    </th>
                    <th scope="col" className="number">
                      <FormattedMessage id="reporting.grid.value" />
                    </th>
                    {details &&
                      DETAIL_COLUMNS.map((c) => (
                        <th scope="col" key={c}>
                          <FormattedMessage id={`reporting.grid.${c}`} />
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  <Row row={total} entry={entries[total.key] ?? EMPTY_ENTRY} props={props} />
                </tbody>
                {/* One row group per breakdown, headed by its name. */}
                {groups.map(([dimension, group]) => (
                  <tbody key={dimension}>
                    <tr className="report-dimension">
                      <th scope="rowgroup" colSpan={columns}>
                        {intl.formatMessage({ id: 'reporting.grid.by' }, { dimension: dimensionName(intl, dimension) })}
                      </th>
                    </tr>
                    {group.map((row) => (
                      <Row key={row.key} row={row} entry={entries[row.key] ?? EMPTY_ENTRY} props={props} />
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
