import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/practices.js';
import { FileField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { UploadProgress, useUpload } from '../forms/UploadProgress.js';
import { useForm } from '../forms/useForm.js';
import { practiceErrors } from './problems.js';
import { practiceUrl } from './types.js';

const FILE_ID = 'attachment-file';
// The types the server parses as a file body; anything else goes as application/octet-stream,
// so the server checks the bytes and says what is wrong with them.
const SENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'image/webp',
];
const ACCEPT = '.pdf,.docx,.odt,.png,.jpg,.jpeg,.webp,' + SENT_TYPES.join(',');

/** Attach a file to a practice; the server's refusal is said next to the file field. */
export function AttachmentUpload({ practiceId, onChanged }: { practiceId: string; onChanged: () => void }) {
  const intl = useIntl();
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  // A new input after each upload: a file input cannot be emptied from script in every browser.
  const [inputKey, setInputKey] = useState(0);
  const { progress, upload } = useUpload();
  const error = form.errorFor(FILE_ID);
  const label = intl.formatMessage({ id: 'practices.attachments.file' });

  const onSubmit = () =>
    form.submit(
      () => {
        if (!file)
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'form.error.required' }, { field: label }) }];
        if (file.size > ATTACHMENT_MAX_BYTES)
          return [{ field: FILE_ID, message: intl.formatMessage({ id: 'practices.error.fileTooLarge' }) }];
        return [];
      },
      async () => {
        if (!file) return;
        const type = SENT_TYPES.includes(file.type) ? file.type : 'application/octet-stream';
        await upload(practiceUrl.upload(practiceId, file.name), new Blob([file], { type }));
        setFile(null);
        setInputKey((k) => k + 1);
        form.setDone(intl.formatMessage({ id: 'practices.attachments.done' }, { file: file.name }));
        onChanged();
      },
      (err) => practiceErrors(intl, err, {}, FILE_ID),
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="practice-upload">
      <h3 id="practice-upload">
        <FormattedMessage id="practices.attachments.add" />
      </h3>
      <FileField
        key={inputKey}
        id={FILE_ID}
        label={label}
        hint={<FormattedMessage id="practices.attachments.hint" values={{ max: ATTACHMENT_MAX_BYTES / 1024 / 1024 }} />}
        error={error}
        accept={ACCEPT}
        onChange={setFile}
      />
      <UploadProgress id="attachment-progress" progress={progress} />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="practices.attachments.submit" />
        </button>
      </p>
    </Form>
  );
}
