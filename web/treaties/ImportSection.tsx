import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { ImportResult } from '../../shared/schemas/treaties.js';
import { send } from '../api.js';
import { asApiError, problemMessage } from '../forms/problem.js';
import { issueProblems, issueText, type IssueProblem } from './problems.js';

function describe(intl: IntlShape, p: IssueProblem): string {
  const column = p.path.split('/')[2] ?? 'none';
  return intl.formatMessage({ id: 'treaties.import.at' }, { line: p.line ?? 0, column, problem: issueText(intl, p) });
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
      const lines = issueProblems(e.extensions).map((p) => describe(intl, p));
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
