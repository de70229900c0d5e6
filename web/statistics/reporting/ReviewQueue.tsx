import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { SelectField } from '../../forms/Field.js';
import { useApi } from '../../useApi.js';
import { useStates } from './common.js';
import { ReportTable } from './ReportTable.js';
import { REPORT_STATUSES, reportingUrl, type ListFilter, type ReportList } from './types.js';

/** The filters of the address, keeping only values the API takes (a pasted link cannot cause a 400). */
function filterOf(params: URLSearchParams): ListFilter {
  const status = params.get('status') ?? '';
  const state = (params.get('state') ?? '').toUpperCase();
  return {
    status: (REPORT_STATUSES as readonly string[]).includes(status) ? status : undefined,
    state: /^[A-Z]{3}$/.test(state) ? state : undefined,
  };
}

function Filters({ filter, onApply }: { filter: ListFilter; onApply: (f: ListFilter) => void }) {
  const intl = useIntl();
  const states = useStates();
  const [status, setStatus] = useState(filter.status ?? '');
  const [state, setState] = useState(filter.state ?? '');
  const all = intl.formatMessage({ id: 'reporting.filter.all' });
  return (
    <form
      className="report-filters"
      aria-labelledby="report-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ status: status || undefined, state: state || undefined });
      }}
    >
      <h2 id="report-filters" className="visually-hidden">
        <FormattedMessage id="reporting.filter.title" />
      </h2>
      <SelectField
        id="report-filter-status"
        label={intl.formatMessage({ id: 'reporting.list.status' })}
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: all },
          ...REPORT_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: `reporting.status.${s}` }) })),
        ]}
      />
      <SelectField
        id="report-filter-state"
        label={intl.formatMessage({ id: 'reporting.filter.state' })}
        value={state}
        onChange={setState}
        options={[{ value: '', label: all }, ...states.list.map((s) => ({ value: s.iso3, label: s.name }))]}
      />
      <p className="actions">
        <button type="submit">
          <FormattedMessage id="reporting.filter.apply" />
        </button>
      </p>
    </form>
  );
}

/** The secretariat's list: reports waiting for review first, then the others, filtered by status and state. */
export function ReviewQueue({ title }: { title: string }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const list = useApi<ReportList>(reportingUrl.list(filter));
  const names = useStates();
  const items = list.status === 'ok' ? list.data.items : [];
  const waiting = items.filter((r) => r.status === 'submitted');
  const others = items.filter((r) => r.status !== 'submitted');
  const apply = (f: ListFilter) => {
    const next = new URLSearchParams();
    if (f.status) next.set('status', f.status);
    if (f.state) next.set('state', f.state);
    setParams(next);
  };
  return (
    <>
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="reporting.intro.secretariat" />
      </p>
      {/* A new form when the address changes (back, a shared link): its fields show what applies. */}
      <Filters key={params.toString()} filter={filter} onApply={apply} />
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' && (
        <>
          <p role="status" className="results-count">
            <FormattedMessage id="reporting.list.count" values={{ total: list.data.total }} />
            {items.length < list.data.total && (
              <>
                {' '}
                <FormattedMessage id="reporting.list.more" values={{ shown: items.length }} />
              </>
            )}
          </p>
          <section aria-labelledby="reports-waiting">
            <h2 id="reports-waiting">
              <FormattedMessage id="reporting.list.waiting" values={{ count: waiting.length }} />
            </h2>
            {waiting.length > 0 ? (
              <ReportTable
                items={waiting}
                showState
                stateName={names.name}
                caption={intl.formatMessage({ id: 'reporting.list.waitingCaption' })}
              />
            ) : (
              <p>
                <FormattedMessage id="reporting.list.noneWaiting" />
              </p>
            )}
          </section>
          <section aria-labelledby="reports-others">
            <h2 id="reports-others">
              <FormattedMessage id="reporting.list.others" />
            </h2>
            {others.length > 0 ? (
              <ReportTable
                items={others}
                showState
                stateName={names.name}
                caption={intl.formatMessage({ id: 'reporting.list.othersCaption' })}
              />
            ) : (
              <p>
                <FormattedMessage id="reporting.list.none" />
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
