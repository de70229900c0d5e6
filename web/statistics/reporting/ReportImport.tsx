import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportResult } from '../../../shared/schemas/statistics.js';
import { FileField } from '../../forms/Field.js';
import { Form } from '../../forms/Form.js';
import { asApiError, problemMessage, type FormError } from '../../forms/problem.js';
import { UploadProgress, useUpload } from '../../forms/UploadProgress.js';
import { useForm } from '../../forms/useForm.js';
import { usePageLang } from '../../i18n/hooks.js';
import { lineProblemText } from './labels.js';
import { reportingUrl } from './types.js';

const FILE_ID = 'report-file';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The server's limit (STATS_IMPORT_MAX_BYTES); checked here too so a huge file is not sent for nothing.
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The template to fill in and the upload that replaces the draft with a file's figures. The
 * server takes a file whole or not at all: a refusal lists every wrong line, and nothing changed.
 */
export function ReportImport({ iso3, year, onChanged }: { iso3: string; year: number; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  // A new input after each upload: a file input cannot be emptied from script in every browser.
  const [inputKey, setInputKey] = useState(0);
  const { progress, upload } = useUpload();
  const error = form.errorFor(FILE_ID);
  const label = intl.formatMessage({ id: 'reporting.import.file' });

  const refused = (err: unknown): FormError[] => {
    const e = asApiError(err);
    if (e.code === 'validation_failed' && e.errors.length > 0) {
      return [
        { field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.refused' }, { count: e.errors.length }) },
        ...e.errors.map((p) => ({ field: null, message: lineProblemText(intl, p) })),
      ];
    }
    if (e.code === 'unsupported_media_type') {
      return [{ field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.type' }) }];
    }
    if (e.code === 'payload_too_large') {
      return [{ field: FILE_ID, message: intl.formatMessage({ id: 'reporting.import.tooLarge' }) }];
    }
    if (e.code === 'conflict')
      return [{ field: null, message: intl.formatMessage({ id: 'reporting.error.conflict' }) }];
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
        const type = /\.xlsx$/i.test(file.name) || file.type === XLSX ? XLSX : 'text/csv';
        const result = await upload<ImportResult>(reportingUrl.import(iso3, year), new Blob([file], { type }));
        setFile(null);
        setInputKey((k) => k + 1);
        form.setDone(intl.formatMessage({ id: 'reporting.import.done' }, { rows: result.rows, file: file.name }));
        onChanged();
      },
      refused,
    );

  return (
    <section aria-labelledby="report-import">
      <h2 id="report-import">
        <FormattedMessage id="reporting.import.title" />
      </h2>
      <p>
        <FormattedMessage id="reporting.import.intro" />
      </p>
      <ul className="report-templates">
        <li>
          <a href={reportingUrl.template('csv', lang)} download>
            <FormattedMessage id="reporting.import.templateCsv" />
          </a>
        </li>
        <li>
          <a href={reportingUrl.template('xlsx', lang)} download>
            <FormattedMessage id="reporting.import.templateXlsx" />
          </a>
        </li>
      </ul>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="report-import">
        <FileField
          key={inputKey}
          id={FILE_ID}
          label={label}
          hint={<FormattedMessage id="reporting.import.hint" />}
          error={error}
          accept={`.csv,.xlsx,text/csv,${XLSX}`}
          onChange={setFile}
        />
        <UploadProgress id="report-upload-progress" progress={progress} />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="reporting.import.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
