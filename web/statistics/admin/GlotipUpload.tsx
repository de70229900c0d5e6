import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportResult } from '../../../shared/schemas/statistics.js';
import { FileField } from '../../forms/Field.js';
import { Form } from '../../forms/Form.js';
import { asApiError, problemMessage, type FormError } from '../../forms/problem.js';
import { UploadProgress, useUpload } from '../../forms/UploadProgress.js';
import { useForm } from '../../forms/useForm.js';
import { lineProblemText } from '../reporting/labels.js';
import { GLOTIP_URL } from './model.js';

const FILE_ID = 'glotip-file';
// The server's limit (STATS_IMPORT_MAX_BYTES); checked here too so a huge file is not sent for nothing.
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Loads a UNODC GLOTIP long-format CSV. The server takes it whole or not at all, so a refusal lists
 * the wrong lines and says nothing changed; a success says what the file added or changed.
 */
export function GlotipUpload() {
  const intl = useIntl();
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  // A new input after each upload: a file input cannot be emptied from script in every browser.
  const [inputKey, setInputKey] = useState(0);
  const { progress, upload } = useUpload();
  const [result, setResult] = useState<{ file: string; counts: ImportResult } | null>(null);
  const error = form.errorFor(FILE_ID);
  const label = intl.formatMessage({ id: 'statsAdmin.glotip.file' });

  const refused = (err: unknown): FormError[] => {
    const e = asApiError(err);
    if (e.code === 'validation_failed' && e.errors.length > 0) {
      return [
        { field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.refused' }, { count: e.errors.length }) },
        ...e.errors.map((p) => ({ field: null, message: lineProblemText(intl, p) })),
      ];
    }
    if (e.code === 'unsupported_media_type') {
      return [{ field: FILE_ID, message: intl.formatMessage({ id: 'statsAdmin.glotip.type' }) }];
    }
    if (e.code === 'payload_too_large') {
      return [{ field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.tooLarge' }) }];
    }
    return [{ field: null, message: problemMessage(intl, e) }];
  };

  const onSubmit = () =>
    form.submit(
      () => {
        if (!file) {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'form.error.required' }, { field: label }) }];
        }
        if (file.size > MAX_BYTES) {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.tooLarge' }) }];
        }
        return [];
      },
      async () => {
        if (!file) return;
        setResult(null);
        const counts = await upload<ImportResult>(GLOTIP_URL, new Blob([file], { type: 'text/csv' }));
        setFile(null);
        setInputKey((k) => k + 1);
        setResult({ file: file.name, counts });
        form.setDone(intl.formatMessage({ id: 'statsAdmin.glotip.done' }, { file: file.name, rows: counts.rows }));
      },
      refused,
    );

  return (
    <section aria-labelledby="glotip-title">
      <h2 id="glotip-title">
        <FormattedMessage id="statsAdmin.glotip.title" />
      </h2>
      <p>
        <FormattedMessage id="statsAdmin.glotip.intro" />
      </p>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="glotip-title">
        <FileField
          key={inputKey}
          id={FILE_ID}
          label={label}
          hint={<FormattedMessage id="statsAdmin.glotip.hint" />}
          error={error}
          accept=".csv,text/csv"
          onChange={setFile}
        />
        <UploadProgress id="glotip-upload-progress" progress={progress} />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="statsAdmin.glotip.submit" />
          </button>
        </p>
      </Form>
      {result && (
        <section aria-labelledby="glotip-summary" className="glotip-summary">
          <h3 id="glotip-summary">
            <FormattedMessage id="statsAdmin.glotip.summary" values={{ file: result.file }} />
          </h3>
          <dl>
            {(['rows', 'created', 'updated', 'unchanged'] as const).map((k) => (
              <div key={k}>
                <dt>
                  <FormattedMessage id={`statsAdmin.glotip.${k}`} />
                </dt>
                <dd>{intl.formatNumber(result.counts[k])}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </section>
  );
}
