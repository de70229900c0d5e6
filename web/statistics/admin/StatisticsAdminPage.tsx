import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { RequireUser } from '../../account/guards.js';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { usePageLang } from '../../i18n/hooks.js';
import { GlotipUpload } from './GlotipUpload.js';
import { IndicatorForm } from './IndicatorForm.js';
import { IndicatorTable } from './IndicatorTable.js';
import { useIndicators } from './useIndicators.js';
import './admin.css';

/** Which form is open: none, a new indicator, or the indicator of that code. */
type Editing = null | { code: string | null };

function Indicators() {
  const intl = useIntl();
  const lang = usePageLang();
  const state = useIndicators();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  // The opened form's heading takes the focus, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (editing) document.getElementById('indicator-form-title')?.focus();
  }, [editing]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  const current = editing?.code ? state.items.find((i) => i.code === editing.code) : undefined;
  const open = (code: string | null) => {
    setSaved(null);
    setEditing({ code });
  };

  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">
        <FormattedMessage id="statsAdmin.indicators.title" />
      </h2>
      <p role="status" className={saved ? 'form-done' : 'form-done empty'}>
        {saved && intl.formatMessage({ id: 'statsAdmin.saved' }, { code: saved })}
      </p>
      <p>
        <button type="button" ref={newButton} onClick={() => open(null)}>
          <FormattedMessage id="statsAdmin.indicators.new" />
        </button>
      </p>
      {editing && (editing.code === null || current) && (
        <IndicatorForm
          key={editing.code ?? 'new'}
          indicator={current}
          onSaved={(code) => {
            setEditing(null);
            setSaved(code);
            state.reload();
          }}
          onCancel={() => {
            setEditing(null);
            newButton.current?.focus();
          }}
        />
      )}
      <IndicatorTable items={state.items} lang={lang} onEdit={(code) => open(code)} />
    </section>
  );
}

/** /:lang/statistics/admin — the secretariat edits the indicator framework and loads GLOTIP files. */
export function StatisticsAdminPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'statsAdmin.title' });
  return (
    <RequireUser role="secretariat" title={title}>
      {() => (
        <div className="stats-admin">
          <h1>{title}</h1>
          <p>
            <FormattedMessage id="statsAdmin.intro" />
          </p>
          <Indicators />
          <GlotipUpload />
        </div>
      )}
    </RequireUser>
  );
}
