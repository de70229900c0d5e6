import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { TextArea } from '../forms/Field.js';

interface Props {
  /** The first button's text. */
  label: ReactNode;
  /** The question asked before acting. */
  question: ReactNode;
  /** The confirming button's text. */
  confirm: ReactNode;
  /** The reason field's label. */
  reasonLabel: string;
  reasonHint?: ReactNode;
  /** A reject needs a reason; a withdrawal may give one. */
  reasonRequired: boolean;
  /** Resolves to an error sentence to show, or null once done (the caller then re-renders). */
  onConfirm: (reason: string) => Promise<string | null>;
  danger?: boolean;
  /** Unique among the page's actions: names the reason field. */
  idPrefix: string;
}

const REASON_MAX = 1000;

/**
 * An action asked twice, in the page, with a reason: the question takes focus when it appears;
 * Cancel gives focus back to the first button; an error is said in place and focused.
 */
export function ReasonAction({
  label,
  question,
  confirm,
  reasonLabel,
  reasonHint,
  reasonRequired,
  onConfirm,
  danger = true,
  idPrefix,
}: Props) {
  const intl = useIntl();
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const reasonId = `${idPrefix}-reason`;

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus) buttonRef.current?.focus();
  }, [asking, returnFocus]);
  // After a failure: to the reason when it is the problem, else to the sentence saying what went wrong.
  useEffect(() => {
    if (tick === 0) return;
    if (errorRef.current) errorRef.current.focus();
    else document.getElementById(reasonId)?.focus();
  }, [tick, reasonId]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={buttonRef}
        className={danger ? 'danger' : 'secondary'}
        onClick={() => {
          setReturnFocus(false);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  const fail = (message: string | null, aboutReason: string | null) => {
    setError(message);
    setReasonError(aboutReason);
    setTick((n) => n + 1);
  };
  const go = async () => {
    const text = reason.trim();
    if (reasonRequired && text === '') {
      return fail(null, intl.formatMessage({ id: 'participation.error.reasonRequired' }));
    }
    if ([...text].length > REASON_MAX) {
      return fail(null, intl.formatMessage({ id: 'form.error.maxLength' }, { field: reasonLabel, max: REASON_MAX }));
    }
    setBusy(true);
    const problem = await onConfirm(text);
    setBusy(false);
    if (problem) fail(problem, null);
  };
  return (
    <div className="confirm reason-action" role="group" aria-labelledby={id}>
      <p id={id} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      {error && (
        <p className="field-error" role="alert" ref={errorRef} tabIndex={-1}>
          {error}
        </p>
      )}
      <TextArea
        id={reasonId}
        label={reasonLabel}
        hint={reasonHint}
        value={reason}
        onChange={setReason}
        error={reasonError ?? undefined}
        required={reasonRequired}
        rows={2}
      />
      <p className="actions">
        <button type="button" className={danger ? 'danger' : undefined} disabled={busy} onClick={() => void go()}>
          {confirm}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setAsking(false);
            setReturnFocus(true);
            setError(null);
            setReasonError(null);
          }}
        >
          <FormattedMessage id="form.cancel" />
        </button>
      </p>
    </div>
  );
}
