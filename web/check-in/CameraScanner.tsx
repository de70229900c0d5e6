import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/** The same badge held in front of the camera is read many times a second: one check-in per pass. */
const REPEAT_MS = 4_000;

function cameraError(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'checkin.camera.denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'checkin.camera.none';
  if (name === 'NotReadableError') return 'checkin.camera.busy';
  return 'checkin.camera.failed';
}

/**
 * "Scan with camera": reads badge QR codes with the device's camera (@zxing/browser, loaded only
 * when asked for) and hands each code over once; the stream stops with the button or on leaving.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const intl = useIntl();
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const deliver = useEffectEvent((code: string) => onCode(code));
  const available = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    let last = { code: '', at: 0 };
    const start = async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const video = videoRef.current;
        if (cancelled || !video) return;
        const reader = new BrowserQRCodeReader();
        const controls = await reader.decodeFromVideoDevice(undefined, video, (result) => {
          if (!result) return;
          const code = result.getText().trim();
          const now = Date.now();
          if (code === last.code && now - last.at < REPEAT_MS) return;
          last = { code, at: now };
          deliver(code);
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
        setStarting(false);
      } catch (err) {
        if (cancelled) return;
        setError(cameraError(err));
        setStarting(false);
        setActive(false);
      }
    };
    void start();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [active]);

  if (!available) {
    return (
      <p className="note">
        <FormattedMessage id="checkin.camera.unavailable" />
      </p>
    );
  }
  return (
    <div className="camera">
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setError(null);
            setStarting(!active);
            setActive(!active);
          }}
        >
          <FormattedMessage id={active ? 'checkin.camera.stop' : 'checkin.camera.start'} />
        </button>
      </p>
      {error && (
        <p className="field-error" role="alert">
          <FormattedMessage id={error} />
        </p>
      )}
      {active && (
        <>
          {starting && (
            <p className="status" role="status">
              <FormattedMessage id="checkin.camera.starting" />
            </p>
          )}
          <video
            ref={videoRef}
            className="camera-preview"
            muted
            playsInline
            aria-label={intl.formatMessage({ id: 'checkin.camera.preview' })}
          />
        </>
      )}
    </div>
  );
}
