import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';

export interface Progress {
  sent: number;
  total: number;
}

/**
 * How far an upload has gone. The bar is for the eye; the text beside it is what a screen reader
 * hears, and it is announced only at whole tens of percent so it does not chatter.
 */
export function UploadProgress({ progress, id }: { progress: Progress | null; id: string }) {
  const intl = useIntl();
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.sent / progress.total) * 100)) : 0;
  const announced = Math.floor(percent / 10) * 10;
  return (
    <div className="upload-progress">
      <progress id={id} max={100} value={percent} aria-label={intl.formatMessage({ id: 'upload.progress.label' })} />
      <span role="status">
        <FormattedMessage id="upload.progress.value" values={{ percent: announced / 100 }} />
      </span>
    </div>
  );
}

/**
 * Posts a file body while keeping `progress` for <UploadProgress>: set from the first byte,
 * cleared when the answer (or the error) comes.
 */
export function useUpload() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const upload = useCallback(async <T,>(url: string, body: Blob): Promise<T> => {
    setProgress({ sent: 0, total: body.size });
    try {
      return await send<T>('POST', url, body, { onProgress: (sent, total) => setProgress({ sent, total }) });
    } finally {
      setProgress(null);
    }
  }, []);
  return { progress, upload };
}
