import { FormattedMessage, useIntl } from 'react-intl';

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
