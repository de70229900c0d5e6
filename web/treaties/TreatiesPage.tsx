import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../account/sessionContext.js';
import { hasRole } from '../account/types.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { SelectField } from '../forms/Field.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { AmericasMap } from './AmericasMap.js';
import { ImportSection } from './ImportSection.js';
import { InstrumentForm } from './InstrumentForm.js';
import { describeStatus, longDateText } from './format.js';
import { StatusTable } from './StatusTable.js';
import { TimelineChart } from './TimelineChart.js';
import {
  DEFAULT_INSTRUMENT,
  SLIDER_START,
  STATUS_ORDER,
  dayFromNumber,
  dayNumber,
  isDay,
  todayUtc,
  treatyUrl,
  type Instrument,
  type TreatyStatusReport,
  type TreatyTimeline,
} from './types.js';
import './treaties.css';

/** /:lang/treaties — where the member states stood on an instrument on any day: map, time line, table. */
export function TreatiesPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const [params, setParams] = useSearchParams();
  const today = todayUtc();
  const instruments = useApi<{ items: Instrument[] }>(treatyUrl.instruments(lang));
  const list = instruments.status === 'ok' ? instruments.data.items : [];
  const code = params.get('instrument') ?? DEFAULT_INSTRUMENT;
  const instrument = list.find((i) => i.code === code);
  const adopted = instrument?.adoptedOn ?? null;
  const earliest = adopted ?? '1900-01-01';
  const sliderFrom = adopted && adopted > SLIDER_START ? adopted : SLIDER_START;
  const wanted = params.get('asOf');
  const asOf = wanted && isDay(wanted) && wanted <= today && wanted >= earliest ? wanted : today;
  const status = useApi<TreatyStatusReport>(instrument ? treatyUrl.status(code, asOf, lang) : null);
  const timeline = useApi<TreatyTimeline>(instrument ? treatyUrl.timeline(code) : null);
  const title = intl.formatMessage({ id: 'treaties.title' });
  useDocumentTitle(title);
  const { user } = useSession();

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const setDay = (day: string) => {
    if (isDay(day) && day >= earliest && day <= today) update({ asOf: day });
  };
  const dateText = longDateText(intl, asOf);
  const report = status.status === 'ok' ? status.data : null;

  return (
    <>
      <Breadcrumbs trail={[{ to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) }]} current={title} />
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="treaties.intro" />
      </p>
      <p>
        <Link to={`/${lang}/countries`}>
          <FormattedMessage id="treaties.countriesLink" />
        </Link>
      </p>
      {instruments.status === 'loading' && <Loading />}
      {instruments.status === 'error' && <InlineError error={instruments.error} retry={instruments.retry} />}
      {instruments.status === 'ok' && !instrument && (
        <p className="notice" role="alert">
          <FormattedMessage id="treaties.unknownInstrument" values={{ code }} />
        </p>
      )}
      {instrument && (
        <>
          <form className="treaty-controls" onSubmit={(e) => e.preventDefault()} aria-labelledby="treaty-controls">
            <h2 id="treaty-controls" className="visually-hidden">
              <FormattedMessage id="treaties.controls" />
            </h2>
            <SelectField
              id="treaty-instrument"
              label={intl.formatMessage({ id: 'treaties.instrument' })}
              value={code}
              onChange={(value) => update({ instrument: value })}
              options={list.map((i) => ({ value: i.code, label: i.shortName }))}
            />
            <div className="field">
              <label htmlFor="treaty-date">
                <FormattedMessage id="treaties.date" />
              </label>
              <input
                id="treaty-date"
                type="date"
                min={earliest}
                max={today}
                value={asOf}
                onChange={(e) => setDay(e.target.value)}
              />
            </div>
            <div className="field slider">
              <label htmlFor="treaty-slider">
                <FormattedMessage id="treaties.slider" values={{ from: sliderFrom.slice(0, 4) }} />
              </label>
              <input
                id="treaty-slider"
                type="range"
                min={dayNumber(sliderFrom)}
                max={dayNumber(today)}
                step={1}
                value={Math.max(dayNumber(asOf), dayNumber(sliderFrom))}
                aria-valuetext={dateText}
                onChange={(e) => setDay(dayFromNumber(Number(e.target.value)))}
              />
            </div>
          </form>
          <p className="instrument-facts">
            <strong>{instrument.name}</strong>
            {instrument.adoptedOn && (
              <>
                {' '}
                <FormattedMessage id="treaties.adopted" values={{ date: longDateText(intl, instrument.adoptedOn) }} />
              </>
            )}
            {instrument.inForceOn && (
              <>
                {' '}
                <FormattedMessage id="treaties.inForce" values={{ date: longDateText(intl, instrument.inForceOn) }} />
              </>
            )}
          </p>
          {status.status === 'loading' && !report && <Loading />}
          {status.status === 'error' && <InlineError error={status.error} retry={status.retry} />}
          {report && (
            <>
              <h2 id="treaty-status-heading">
                <FormattedMessage id="treaties.statusOn" values={{ date: dateText }} />
              </h2>
              <p role="status" className="treaty-summary">
                <FormattedMessage
                  id="treaties.summary"
                  values={{
                    parties: report.totals.party,
                    uncertain: report.totals.uncertain,
                    total: report.totals.total,
                    date: dateText,
                  }}
                />
              </p>
              <div className="treaty-overview">
                <div className="map-panel">
                  <AmericasMap
                    items={report.items}
                    describe={(row) => describeStatus(intl, row)}
                    titleId="treaty-map-title"
                    title={intl.formatMessage({ id: 'treaties.map.title' }, { date: dateText })}
                  />
                  <ul className="legend" aria-label={intl.formatMessage({ id: 'treaties.legend' })}>
                    {STATUS_ORDER.map((s) => (
                      <li key={s} data-status={s}>
                        <span className={`swatch status-${s}`} aria-hidden="true" />
                        <span className="legend-label">
                          <FormattedMessage id={`treaties.status.${s}`} />
                        </span>{' '}
                        <span className="legend-count">{intl.formatNumber(report.totals[s])}</span>
                      </li>
                    ))}
                  </ul>
                  <p className="note">
                    <FormattedMessage id="treaties.uncertainNote" />
                  </p>
                </div>
                <div className="timeline-panel">
                  <h3 id="treaty-timeline-heading">
                    <FormattedMessage id="treaties.timeline" />
                  </h3>
                  {timeline.status === 'ok' && (
                    <TimelineChart
                      timeline={timeline.data}
                      from={sliderFrom}
                      asOf={asOf}
                      total={report.totals.total}
                      titleId="treaty-timeline-title"
                      title={intl.formatMessage({ id: 'treaties.timeline' })}
                      summary={intl.formatMessage(
                        { id: 'treaties.timelineSummary' },
                        {
                          from: longDateText(intl, sliderFrom),
                          to: longDateText(intl, today),
                          parties: timeline.data.points.at(-1)?.party ?? 0,
                        },
                      )}
                    />
                  )}
                  {timeline.status === 'error' && <InlineError error={timeline.error} retry={timeline.retry} />}
                </div>
              </div>
              <StatusTable
                items={report.items}
                caption={intl.formatMessage({ id: 'treaties.table.caption' }, { date: dateText })}
              />
              <p>
                <a href={`/api/treaty-actions.csv?instrument=${encodeURIComponent(code)}`} download>
                  <FormattedMessage id="treaties.download" />
                </a>
              </p>
            </>
          )}
        </>
      )}
      {hasRole(user, 'secretariat') && (
        <>
          <ImportSection
            onImported={() => {
              if (instruments.status === 'ok') instruments.reload();
              if (status.status === 'ok') status.reload();
              if (timeline.status === 'ok') timeline.reload();
            }}
          />
          <InstrumentForm
            onAdded={() => {
              if (instruments.status === 'ok') instruments.reload();
            }}
          />
        </>
      )}
    </>
  );
}
