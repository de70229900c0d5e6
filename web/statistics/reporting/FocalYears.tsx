import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { SelectField } from '../../forms/Field.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import { reportableYears, useStates } from './common.js';
import { ReportTable } from './ReportTable.js';
import { FIRST_YEAR, reportingPath, reportingUrl, type ReportList } from './types.js';

/** A focal point's reporting years, per state they act for, and a way to open any year. */
export function FocalYears({ title, states }: { title: string; states: string[] }) {
  const intl = useIntl();
  const lang = usePageLang();
  const navigate = useNavigate();
  const names = useStates();
  const list = useApi<ReportList>(reportingUrl.list({}));
  const years = reportableYears(FIRST_YEAR);
  const [state, setState] = useState(states[0] ?? '');
  const [year, setYear] = useState(String(years[0]));

  return (
    <>
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="reporting.intro.focal" />
      </p>
      <form
        className="report-open"
        aria-labelledby="report-open"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate(reportingPath.report(lang, state, Number(year)));
        }}
      >
        <h2 id="report-open">
          <FormattedMessage id="reporting.open.title" />
        </h2>
        {states.length > 1 && (
          <SelectField
            id="report-open-state"
            label={intl.formatMessage({ id: 'reporting.open.state' })}
            value={state}
            onChange={setState}
            options={states.map((s) => ({ value: s, label: names.name(s) }))}
          />
        )}
        <SelectField
          id="report-open-year"
          label={intl.formatMessage({ id: 'reporting.open.year' })}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <p>
          <button type="submit">
            <FormattedMessage id="reporting.open.submit" />
          </button>
        </p>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' &&
        states.map((s) => {
          const items = list.data.items.filter((r) => r.state === s);
          return (
            <section key={s} aria-labelledby={`reports-${s}`}>
              <h2 id={`reports-${s}`}>{names.name(s)}</h2>
              {items.length > 0 ? (
                <ReportTable
                  items={items}
                  showState={false}
                  stateName={names.name}
                  caption={intl.formatMessage({ id: 'reporting.list.ofState' }, { state: names.name(s) })}
                />
              ) : (
                <p>
                  <FormattedMessage id="reporting.list.none" />
                </p>
              )}
            </section>
          );
        })}
    </>
  );
}
