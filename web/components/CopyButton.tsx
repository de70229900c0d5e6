import { useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/** Copies `text` to the clipboard and says so in a polite live region. */
export function CopyButton({ text, label }: { text: string; label: ReactNode }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  };
  return (
    <>
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>{' '}
      <span role="status" className="copy-status">
        {result && <FormattedMessage id={result === 'copied' ? 'copy.done' : 'copy.failed'} />}
      </span>
    </>
  );
}
