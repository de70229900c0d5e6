import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

interface Props {
  /** The first button's text. */
  label: ReactNode;
  /** The question asked before acting. */
  question: ReactNode;
  /** The confirming button's text. */
  confirm: ReactNode;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  danger?: boolean;
}

/**
 * A destructive action asked twice, in the page (no browser dialog): the question appears in
 * place and takes focus; Cancel returns focus to the first button.
 */
export function ConfirmButton({ label, question, confirm, onConfirm, busy = false, danger = true }: Props) {
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus) buttonRef.current?.focus();
  }, [asking, returnFocus]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={buttonRef}
        className={danger ? 'danger' : undefined}
        onClick={() => {
          setReturnFocus(false);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <button type="button" className={danger ? 'danger' : undefined} disabled={busy} onClick={() => void onConfirm()}>
        {confirm}
      </button>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setAsking(false);
          setReturnFocus(true);
        }}
      >
        <FormattedMessage id="form.cancel" />
      </button>
    </div>
  );
}
