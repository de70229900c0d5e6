import { useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { send } from '../api.js';
import { SelectField, FileField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { CREDENTIALS_MAX_BYTES, CREDENTIALS_STATUSES, participationUrl, type Delegation } from './types.js';

const FILE_ID = 'credentials-file';
const STATUS_ID = 'credentials-status';

function Upload({ slug, delegation, onChanged }: { slug: string; delegation: Delegation; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  // A new input after each upload: a file input cannot be emptied from script in every browser.
  const [inputKey, setInputKey] = useState(0);
  const error = form.errorFor(FILE_ID);
  const label = intl.formatMessage({ id: 'participation.credentials.file' });
  const onSubmit = () =>
    form.submit(
      () => {
        if (!file)
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'form.error.required' }, { field: label }) }];
        const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
        if (!pdf) return [{ field: FILE_ID, message: intl.formatMessage({ id: 'participation.error.notPdf' }) }];
        if (file.size > CREDENTIALS_MAX_BYTES) {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'participation.error.fileTooLarge' }) }];
        }
        return [];
      },
      async () => {
        if (!file) return;
        const body = new Blob([await file.arrayBuffer()], { type: 'application/pdf' });
        await send('PUT', participationUrl.credentialsUpload(slug, delegation.code, file.name, lang), body);
        setFile(null);
        setInputKey((k) => k + 1);
        form.setDone(intl.formatMessage({ id: 'participation.credentials.uploaded' }, { file: file.name }));
        onChanged();
      },
      (err): FormError[] => {
        const e = asApiError(err);
        if (e.code === 'unsupported_media_type') {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'participation.error.notPdf' }) }];
        }
        if (e.code === 'payload_too_large') {
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'participation.error.fileTooLarge' }) }];
        }
        return problemErrors(intl, e);
      },
    );
  return (
    <>
      <h3 id="credentials-upload">
        <FormattedMessage id="participation.credentials.upload" />
      </h3>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="credentials-upload">
        <FileField
          key={inputKey}
          id={FILE_ID}
          label={label}
          hint={<FormattedMessage id="participation.credentials.fileHint" />}
          error={error}
          accept="application/pdf,.pdf"
          onChange={setFile}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="participation.credentials.submit" />
          </button>
        </p>
      </Form>
    </>
  );
}

/** The secretariat marks the letter received or verified. */
function Verify({ slug, delegation, onChanged }: { slug: string; delegation: Delegation; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [status, setStatus] = useState<string>(delegation.credentials.status);
  const onSubmit = () =>
    form.submit(
      () => [],
      async () => {
        await send('PATCH', participationUrl.delegation(slug, delegation.code, lang), { credentialsStatus: status });
        form.setDone(intl.formatMessage({ id: 'participation.credentials.statusSaved' }));
        onChanged();
      },
      (err): FormError[] => {
        const e = asApiError(err);
        if (e.code === 'conflict') {
          return [{ field: STATUS_ID, message: intl.formatMessage({ id: 'participation.error.noLetter' }) }];
        }
        return problemErrors(intl, e, { '/credentialsStatus': STATUS_ID });
      },
    );
  return (
    <>
      <h3 id="credentials-verify">
        <FormattedMessage id="participation.credentials.verify" />
      </h3>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="credentials-verify">
        <SelectField
          id={STATUS_ID}
          label={intl.formatMessage({ id: 'participation.credentials.status' })}
          value={status}
          onChange={setStatus}
          error={form.errorFor(STATUS_ID)}
          options={CREDENTIALS_STATUSES.map((s) => ({
            value: s,
            label: intl.formatMessage({ id: `participation.credentials.status.${s}` }),
          }))}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="form.save" />
          </button>
        </p>
      </Form>
    </>
  );
}

/** The delegation's letter of credentials: its status, the file, upload and verification. */
export function CredentialsSection({
  slug,
  delegation,
  secretariat,
  onChanged,
}: {
  slug: string;
  delegation: Delegation;
  secretariat: boolean;
  onChanged: () => void;
}) {
  const { credentials } = delegation;
  return (
    <section aria-labelledby="credentials">
      <h2 id="credentials">
        <FormattedMessage id="participation.credentials.title" />
      </h2>
      <p>
        <FormattedMessage id="participation.credentials.intro" />
      </p>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="participation.credentials.status" />
          </dt>
          <dd>
            <span className={`badge credentials-${credentials.status}`}>
              <FormattedMessage id={`participation.credentials.status.${credentials.status}`} />
            </span>
          </dd>
        </div>
        {credentials.fileName && (
          <div>
            <dt>
              <FormattedMessage id="participation.credentials.file" />
            </dt>
            <dd>
              <a href={participationUrl.credentials(slug, delegation.code)} download={credentials.fileName}>
                {credentials.fileName}
              </a>
              {credentials.size !== null && (
                <>
                  {' '}
                  (
                  <FormattedNumber
                    value={Math.max(1, Math.round(credentials.size / 1024))}
                    style="unit"
                    unit="kilobyte"
                    unitDisplay="short"
                  />
                  )
                </>
              )}
            </dd>
          </div>
        )}
        {credentials.receivedAt && (
          <div>
            <dt>
              <FormattedMessage id="participation.credentials.receivedAt" />
            </dt>
            <dd>
              <time dateTime={credentials.receivedAt}>
                <FormattedDate value={credentials.receivedAt} dateStyle="medium" timeStyle="short" />
              </time>
            </dd>
          </div>
        )}
      </dl>
      <Upload slug={slug} delegation={delegation} onChanged={onChanged} />
      {secretariat && (
        <Verify key={credentials.receivedAt ?? ''} slug={slug} delegation={delegation} onChanged={onChanged} />
      )}
    </section>
  );
}
