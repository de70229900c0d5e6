import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { asApiError } from '../forms/problem.js';
import { FileSize } from '../documents/DocumentBits.js';
import { practiceErrors } from './problems.js';
import { practiceUrl, type PracticeView } from './types.js';

/**
 * The attachments of a practice being edited, each with a button to remove it. After a removal
 * the list's heading takes focus: the button pressed is gone with its row.
 */
export function EditableAttachments({ practice, onChanged }: { practice: PracticeView; onChanged: () => void }) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const remove = async (id: string, name: string) => {
    setBusy(true);
    try {
      await send('DELETE', practiceUrl.attachment(practice.id, id));
      setMessage({ text: intl.formatMessage({ id: 'practices.attachments.removed' }, { file: name }), alert: false });
      onChanged();
      document.getElementById('practice-attachments')?.focus();
    } catch (err) {
      const text = practiceErrors(intl, asApiError(err))
        .map((e) => e.message)
        .join(' ');
      setMessage({ text, alert: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {practice.attachments.length === 0 ? (
        <p>
          <FormattedMessage id="practices.attachments.none" />
        </p>
      ) : (
        <ul className="file-list">
          {practice.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url} type={a.contentType} download>
                <FormattedMessage
                  id="practices.attachments.link"
                  values={{ name: a.fileName, format: a.format.toUpperCase(), size: <FileSize bytes={a.size} /> }}
                />
              </a>{' '}
              <button type="button" className="secondary" disabled={busy} onClick={() => void remove(a.id, a.fileName)}>
                <FormattedMessage id="practices.attachments.remove" values={{ file: a.fileName }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role={message?.alert ? 'alert' : 'status'} className={message?.alert ? 'notice' : undefined}>
        {message?.text}
      </p>
    </>
  );
}
