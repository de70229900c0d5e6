import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, FormattedNumber, FormattedTime, useIntl, type IntlShape } from 'react-intl';
import { useParams } from 'react-router';
import type { ApiError } from '../api.js';
import { RequireUser } from '../account/guards.js';
import { problemMessage } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import { MeetingCrumbs, useMeeting } from '../participation/MeetingCrumbs.js';
import { StatisticsTables } from '../participation/StatisticsTables.js';
import { personName, type RosterEntry } from '../participation/types.js';
import { CameraScanner } from './CameraScanner.js';
import { fold } from './storage.js';
import { REFRESH_MS, useDesk, type Outcome, type SyncProblem, type Who } from './useDesk.js';

const CODE = /^[A-Za-z0-9_-]{8,64}$/;
const SHOWN = 20;

interface Said {
  n: number;
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

/** "09:12", or "7 Apr 2005, 09:12" when it was not today, in the meeting's time zone. */
function when(intl: IntlShape, at: string, timeZone: string | undefined): string {
  const day = (d: Date) => intl.formatDate(d, { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const date = new Date(at);
  return day(date) === day(new Date())
    ? intl.formatTime(date, { timeZone, hour: '2-digit', minute: '2-digit' })
    : intl.formatDate(date, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

function whoText(intl: IntlShape, who: Who): string {
  const name = personName(who, intl.locale);
  return who.delegationName ? `${name}, ${who.delegationName}` : name;
}

function outcomeText(intl: IntlShape, outcome: Outcome, timeZone: string | undefined): Said {
  switch (outcome.kind) {
    case 'ok':
      return {
        n: 0,
        tone: 'ok',
        text: intl.formatMessage(
          { id: outcome.offline ? 'checkin.result.offline' : 'checkin.result.ok' },
          { who: whoText(intl, outcome.entry) },
        ),
      };
    case 'already':
      return {
        n: 0,
        tone: 'warn',
        text: intl.formatMessage(
          { id: 'checkin.result.already' },
          { who: whoText(intl, outcome.entry), time: when(intl, outcome.at, timeZone) },
        ),
      };
    case 'queuedUnknown':
      return { n: 0, tone: 'warn', text: intl.formatMessage({ id: 'checkin.result.offlineUnknown' }) };
    case 'error':
      return { n: 0, tone: 'error', text: errorText(intl, outcome.error) };
  }
}

function errorText(intl: IntlShape, error: ApiError): string {
  if (error.code === 'not_found') return intl.formatMessage({ id: 'checkin.error.unknownCode' });
  if (error.code === 'validation_failed') return intl.formatMessage({ id: 'checkin.error.badCode' });
  if (error.code === 'conflict') {
    const status = error.extensions.status;
    const known = ['nominated', 'applied', 'rejected', 'withdrawn', 'substituted'];
    return typeof status === 'string' && known.includes(status)
      ? intl.formatMessage(
          { id: 'checkin.error.notAccreditedStatus' },
          { status: intl.formatMessage({ id: `participation.status.${status}` }) },
        )
      : intl.formatMessage({ id: 'checkin.error.notAccredited' });
  }
  return problemMessage(intl, error);
}

/** The result of the last scan, in a live region: read out while the focus stays in the code field. */
function Result({ said, focusTick }: { said: Said | null; focusTick: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTick > 0) ref.current?.focus();
  }, [focusTick]);
  return (
    <div className="checkin-result-region" role="status" aria-live="polite" ref={ref} tabIndex={-1}>
      {said && (
        <p key={said.n} className={`checkin-result ${said.tone}`}>
          {said.text}
        </p>
      )}
    </div>
  );
}

function Connection({
  online,
  waiting,
  syncing,
  onSync,
}: {
  online: boolean;
  waiting: number;
  syncing: boolean;
  onSync: () => void;
}) {
  return (
    <div className={`connection ${online ? 'online' : 'offline'}`}>
      <p role="status">
        {online ? (
          waiting > 0 ? (
            <FormattedMessage id="checkin.online.waiting" values={{ count: waiting }} />
          ) : (
            <FormattedMessage id="checkin.online" />
          )
        ) : (
          <FormattedMessage id="checkin.offline" values={{ count: waiting }} />
        )}
      </p>
      {waiting > 0 && (
        <p>
          <button type="button" className="secondary" disabled={syncing} onClick={onSync}>
            <FormattedMessage id={syncing ? 'checkin.syncing' : 'checkin.sync'} />
          </button>
        </p>
      )}
    </div>
  );
}

function SyncProblems({ problems, onClear }: { problems: SyncProblem[]; onClear: () => void }) {
  const intl = useIntl();
  if (problems.length === 0) return null;
  return (
    <div className="notice" role="alert">
      <p>
        <FormattedMessage id="checkin.syncProblems" values={{ count: problems.length }} />
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.scan.code}-${i}`}>
            {p.entry ? personName(p.entry, intl.locale) : <code>{p.scan.code}</code>}: {errorText(intl, p.error)}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="secondary" onClick={onClear}>
          <FormattedMessage id="checkin.syncProblemsClear" />
        </button>
      </p>
    </div>
  );
}

function Search({
  roster,
  onCheckIn,
  busy,
  timeZone,
}: {
  roster: RosterEntry[];
  onCheckIn: (entry: RosterEntry) => void;
  busy: boolean;
  timeZone: string | undefined;
}) {
  const intl = useIntl();
  const [q, setQ] = useState('');
  const words = fold(q).split(/\s+/).filter(Boolean);
  const matches =
    words.length === 0
      ? []
      : roster.filter((e) => {
          const text = fold(`${e.givenName} ${e.familyName} ${e.delegationName ?? ''}`);
          return words.every((w) => text.includes(w));
        });
  return (
    <section aria-labelledby="checkin-search">
      <h2 id="checkin-search">
        <FormattedMessage id="checkin.search.title" />
      </h2>
      <div className="field">
        <label htmlFor="checkin-q">
          <FormattedMessage id="checkin.search.label" />
        </label>
        <p className="hint" id="checkin-q-hint">
          <FormattedMessage id="checkin.search.hint" />
        </p>
        <input
          id="checkin-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby="checkin-q-hint"
          autoComplete="off"
        />
      </div>
      <p role="status" className="note">
        {words.length > 0 && <FormattedMessage id="checkin.search.count" values={{ count: matches.length }} />}
      </p>
      {matches.length > 0 && (
        <ul className="roster">
          {matches.slice(0, SHOWN).map((e) => {
            const name = personName(e, intl.locale);
            return (
              <li key={e.registrationId}>
                <span className="person-name">{name}</span>
                <span className="note">
                  {' '}
                  {e.delegationName ? `${e.delegationName} · ` : ''}
                  <FormattedMessage id={`participation.category.${e.category}`} />
                </span>{' '}
                {e.checkedInAt ? (
                  <span className="badge">
                    <FormattedMessage
                      id="checkin.search.present"
                      values={{ time: when(intl, e.checkedInAt, timeZone) }}
                    />
                  </span>
                ) : (
                  <button type="button" disabled={busy} onClick={() => onCheckIn(e)}>
                    <FormattedMessage id="checkin.search.checkIn" values={{ name }} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {matches.length > SHOWN && (
        <p className="note">
          <FormattedMessage id="checkin.search.more" values={{ count: matches.length - SHOWN }} />
        </p>
      )}
    </section>
  );
}

function Desk({ slug }: { slug: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const meeting = useMeeting(slug);
  const timeZone = meeting.status === 'ok' ? meeting.data.timeZone : undefined;
  const desk = useDesk(slug, lang);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  // A desk's one job: the field a badge scanner types into has the focus when the page opens (after
  // the shell has put it on <main>, hence the frame's wait).
  useEffect(() => {
    const frame = requestAnimationFrame(() => codeRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const show = (outcome: Outcome, moveFocus: boolean) => {
    const text = outcomeText(intl, outcome, timeZone);
    setSaid((s) => ({ ...text, n: (s?.n ?? 0) + 1 }));
    if (moveFocus) setFocusTick((n) => n + 1);
  };
  const run = async (input: { code: string } | { registrationId: string }, moveFocus: boolean) => {
    setBusy(true);
    try {
      show(await desk.checkIn(input), moveFocus);
    } finally {
      setBusy(false);
    }
  };
  const submitCode = (event?: FormEvent) => {
    event?.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (value === '') {
      setCodeError(intl.formatMessage({ id: 'checkin.error.noCode' }));
      codeRef.current?.focus();
      return;
    }
    if (!CODE.test(value)) {
      setCodeError(intl.formatMessage({ id: 'checkin.error.badCode' }));
      codeRef.current?.focus();
      return;
    }
    setCodeError(null);
    setCode('');
    // The focus stays in the field: a scanner types the next badge at once; the result is read out.
    void run({ code: value }, false);
  };
  const scanned = (value: string) => {
    if (!CODE.test(value)) {
      setSaid((s) => ({
        n: (s?.n ?? 0) + 1,
        tone: 'error',
        text: intl.formatMessage({ id: 'checkin.error.badCode' }),
      }));
      return;
    }
    void run({ code: value }, false);
  };

  const stats = desk.stats?.data;
  const roster = desk.roster?.items ?? [];
  return (
    <>
      <MeetingCrumbs slug={slug} meeting={meeting} current={intl.formatMessage({ id: 'checkin.title' })} />
      <h1>
        <FormattedMessage id="checkin.title" />
      </h1>
      <Connection
        online={desk.online}
        waiting={desk.queue.length}
        syncing={desk.syncing}
        onSync={() => void desk.sync()}
      />
      <SyncProblems problems={desk.syncProblems} onClear={desk.clearSyncProblems} />
      <section aria-labelledby="checkin-scan">
        <h2 id="checkin-scan">
          <FormattedMessage id="checkin.scan.title" />
        </h2>
        <form noValidate onSubmit={submitCode} className="checkin-form" aria-labelledby="checkin-scan">
          <div className={`field${codeError ? ' has-error' : ''}`}>
            <label htmlFor="checkin-code">
              <FormattedMessage id="checkin.code.label" />
            </label>
            <p className="hint" id="checkin-code-hint">
              <FormattedMessage id="checkin.code.hint" />
            </p>
            {codeError && (
              <p className="field-error" id="checkin-code-error">
                <span className="visually-hidden">
                  <FormattedMessage id="form.errorPrefix" />{' '}
                </span>
                {codeError}
              </p>
            )}
            <div className="code-row">
              <input
                id="checkin-code"
                ref={codeRef}
                className="code-input"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-describedby={codeError ? 'checkin-code-hint checkin-code-error' : 'checkin-code-hint'}
                aria-invalid={codeError ? true : undefined}
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                enterKeyHint="go"
              />
              <button type="submit" disabled={busy}>
                <FormattedMessage id="checkin.code.submit" />
              </button>
            </div>
          </div>
        </form>
        <CameraScanner onCode={scanned} />
        <Result said={said} focusTick={focusTick} />
      </section>
      <Search
        roster={roster}
        busy={busy}
        timeZone={timeZone}
        onCheckIn={(entry) => void run({ registrationId: entry.registrationId }, true)}
      />
      <section aria-labelledby="checkin-counts">
        <h2 id="checkin-counts">
          <FormattedMessage id="checkin.counts.title" />
        </h2>
        {stats ? (
          <>
            <p className="present-count">
              <FormattedMessage
                id="checkin.counts.present"
                values={{
                  present: <FormattedNumber value={stats.total.present} />,
                  accredited: <FormattedNumber value={stats.total.accredited} />,
                }}
              />
            </p>
            <p className="note">
              <FormattedMessage
                id="checkin.counts.updated"
                values={{
                  time: desk.stats ? (
                    <FormattedTime value={desk.stats.at} hour="2-digit" minute="2-digit" second="2-digit" />
                  ) : (
                    ''
                  ),
                  seconds: REFRESH_MS / 1000,
                }}
              />
            </p>
            <StatisticsTables
              stats={stats}
              columns={['accredited', 'present']}
              idPrefix="checkin-stats"
              headingLevel={3}
              gender={false}
            />
          </>
        ) : (
          <p className="status">
            <FormattedMessage id="status.loading" />
          </p>
        )}
      </section>
      <p className="note">
        {desk.roster ? (
          <FormattedMessage
            id="checkin.roster.saved"
            values={{
              count: roster.length,
              time: <FormattedTime value={desk.roster.generatedAt} hour="2-digit" minute="2-digit" />,
            }}
          />
        ) : (
          <FormattedMessage id="checkin.roster.none" />
        )}{' '}
        {desk.rosterError && desk.rosterError.code !== 'network' && problemMessage(intl, desk.rosterError)}
      </p>
    </>
  );
}

/** /:lang/meetings/:slug/check-in — the registration desk (secretariat). */
export function CheckInPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'checkin.title' })}>
      {() => <Desk key={slug} slug={slug} />}
    </RequireUser>
  );
}
