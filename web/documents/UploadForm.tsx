import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, type Lang } from '../../shared/lang.js';
import { DOCUMENT_MAX_BYTES } from '../../shared/schemas/documents.js';
import { send } from '../api.js';
import { Checkbox, SelectField, FileField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { RevisionName } from './DocumentFiles.js';
import { documentErrors } from './problems.js';
import { documentUrl, type DocumentView } from './types.js';

const FILE_ID = 'upload-file';
const LANG_ID = 'upload-lang';
const OFFICIAL_ID = 'upload-official';

// The types the server parses as a file body. Anything else the browser names (or nothing) goes
// as application/octet-stream, so the server checks the bytes and says what is wrong with them.
const SENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
];
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,' + SENT_TYPES.join(',');

/** Upload a language version to the latest revision; only the secretariat marks a translation official. */
export function UploadForm({
  doc,
  secretariat,
  onChanged,
}: {
  doc: DocumentView;
  secretariat: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const latest = doc.revisions.at(-1);
  const have = new Set(latest?.files.map((f) => f.lang) ?? []);
  // A draft's files may be replaced; once issued, a file stays as distributed (the server refuses
  // a second one): only the languages still missing are offered.
  const choices = doc.status === 'draft' ? LANGS : LANGS.filter((l) => !have.has(l));
  // The original first when it is missing (issuing needs it), else the first language still missing.
  const suggested: Lang = !have.has(doc.originalLang)
    ? doc.originalLang
    : (choices.find((l) => !have.has(l)) ?? choices[0] ?? lang);
  const [fileLang, setFileLang] = useState<Lang>(suggested);
  const [official, setOfficial] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  // A new input after each upload: a file input cannot be emptied from script in every browser.
  const [inputKey, setInputKey] = useState(0);
  const error = form.errorFor(FILE_ID);
  const label = intl.formatMessage({ id: 'documents.upload.file' });
  const name = (l: Lang) => intl.formatMessage({ id: `lang.name.${l}` });

  const onSubmit = () =>
    form.submit(
      () => {
        if (!file)
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'form.error.required' }, { field: label }) }];
        if (file.size > DOCUMENT_MAX_BYTES) {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'documents.error.file.tooLarge' }) }];
        }
        return [];
      },
      async () => {
        if (!file) return;
        const type = SENT_TYPES.includes(file.type) ? file.type : 'application/octet-stream';
        const body = new Blob([await file.arrayBuffer()], { type });
        const translation = fileLang !== doc.originalLang;
        const url = documentUrl.upload(doc.id, fileLang, {
          fileName: file.name,
          official: secretariat && translation ? official : undefined,
          lang,
        });
        await send('PUT', url, body);
        setFile(null);
        setInputKey((k) => k + 1);
        form.setDone(
          intl.formatMessage({ id: 'documents.upload.done' }, { file: file.name, language: name(fileLang) }),
        );
        onChanged();
      },
      (err) => documentErrors(intl, err, {}, { file: FILE_ID, reasonField: { file_issued: LANG_ID } }),
    );

  if (choices.length === 0) {
    return (
      <section aria-labelledby="document-upload">
        <h3 id="document-upload">
          <FormattedMessage id="documents.upload.title" />
        </h3>
        <p>
          <FormattedMessage id="documents.upload.complete" />
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="document-upload">
      <h3 id="document-upload">
        <FormattedMessage id="documents.upload.title" />
      </h3>
      {latest && (
        <p>
          <FormattedMessage id="documents.upload.intro" values={{ revision: <RevisionName revision={latest} /> }} />
        </p>
      )}
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-upload">
        <SelectField
          id={LANG_ID}
          label={intl.formatMessage({ id: 'documents.upload.language' })}
          value={fileLang}
          onChange={(v) => setFileLang(v as Lang)}
          error={form.errorFor(LANG_ID)}
          options={choices.map((l) => ({
            value: l,
            label: intl.formatMessage(
              { id: have.has(l) ? 'documents.upload.languageHas' : 'documents.upload.languageName' },
              { language: name(l), original: String(l === doc.originalLang) },
            ),
          }))}
        />
        <FileField
          key={inputKey}
          id={FILE_ID}
          label={label}
          hint={<FormattedMessage id="documents.upload.fileHint" values={{ max: DOCUMENT_MAX_BYTES / 1024 / 1024 }} />}
          error={error}
          accept={ACCEPT}
          onChange={setFile}
        />
        {secretariat && fileLang !== doc.originalLang && (
          <Checkbox
            id={OFFICIAL_ID}
            label={intl.formatMessage({ id: 'documents.upload.official' })}
            checked={official}
            onChange={setOfficial}
          />
        )}
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="documents.upload.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
