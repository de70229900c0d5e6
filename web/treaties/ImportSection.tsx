import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { ImportResult } from '../../shared/schemas/treaties.js';
import { send } from '../api.js';
import { asApiError, problemMessage } from '../forms/problem.js';

/** The reasons the import reports (server/modules/treaties/import-actions.ts and validate.ts). */
const ISSUES = new Set([
  'unknown_instrument',
  'unknown_state',
  'unknown_action',
  'bad_date',
  'future_date',
  'before_adoption',
  'source_required',
  'too_long',
  'duplicate',
  'field_count',
  'missing_columns',
  'unknown_columns',
  'repeated_columns',
  'empty',
  'no_rows',
  'too_many_rows',
  'unclosed_quote',
]);

interface LineProblem {
  path: string;
  line?: number;
  reason?: string;
  message?: string;
  [param: string]: unknown;
}

function lineProblems(extensions: Record<string, unknown>): LineProblem[] {
  const errors = extensions.errors;
  return Array.isArray(errors) ? (errors.filter((e) => typeof e === 'object' && e !== null) as LineProblem[]) : [];
}

function describe(intl: IntlShape, p: LineProblem): string {
  const params = Object.fromEntries(
    Object.entries(p).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  ) as Record<string, string | number>;
  const problem =
    p.reason && ISSUES.has(p.reason)
      ? intl.formatMessage({ id: `treaties.import.issue.${p.reason}` }, params)
      : String(p.message ?? '');
  const column = p.path.split('/')[2] ?? 'none';
  return intl.formatMessage({ id: 'treaties.import.at' }, { line: p.line ?? 0, column, problem });
}

/** The secretariat's CSV upload: checked whole on the server, imported all or nothing. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const intl = useIntl();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ summary: string; lines: string[] } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!file) {
      setFailure({ summary: intl.formatMessage({ id: 'treaties.import.chooseFile' }), lines: [] });
      return;
    }
    setBusy(true);
    try {
      const body = new Blob([await file.text()], { type: 'text/csv' });
      const result = await send<ImportResult>('POST', '/api/treaty-actions/import', body);
      setFailure(null);
      setDone(result);
      setFile(null);
      setInputKey((k) => k + 1);
      onImported();
    } catch (err) {
      const e = asApiError(err);
      const lines = lineProblems(e.extensions).map((p) => describe(intl, p));
      setFailure({
        summary: lines.length ? intl.formatMessage({ id: 'treaties.import.failed' }) : problemMessage(intl, e),
        lines,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="treaty-import">
      <h2 id="treaty-import">
        <FormattedMessage id="treaties.import.title" />
      </h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="treaty-import">
        <div className="field">
          <label htmlFor="treaty-import-file">
            <FormattedMessage id="treaties.import.file" />
          </label>
          <p className="hint" id="treaty-import-hint">
            <FormattedMessage id="treaties.import.hint" />
          </p>
          <input
            key={inputKey}
            id="treaty-import-file"
            type="file"
            accept="text/csv,.csv"
            aria-describedby="treaty-import-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <p>
          <button type="submit" disabled={busy}>
            <FormattedMessage id="treaties.import.submit" />
          </button>
        </p>
      </form>
      <div role="status">
        {done && (
          <p>
            <FormattedMessage id="treaties.import.done" values={{ ...done }} />
          </p>
        )}
      </div>
      {failure && (
        <div className="notice" role="alert">
          <p>{failure.summary}</p>
          {failure.lines.length > 0 && (
            <ul>
              {failure.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
