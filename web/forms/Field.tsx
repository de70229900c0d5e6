import type { ChangeEvent, InputHTMLAttributes, ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Only marks the label; checks are ours (forms are noValidate). */
  required?: boolean;
  className?: string;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required && (
        <span className="required">
          {' '}
          <FormattedMessage id="form.required" />
        </span>
      )}
    </label>
  );
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">
            <FormattedMessage id="form.errorPrefix" />{' '}
          </span>
          {error}
        </p>
      )}
    </>
  );
}

type InputProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value' | 'className' | 'required'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({ id, label, hint, error, required, className, value, onChange, ...rest }: InputProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        {...rest}
      />
    </div>
  );
}

interface TextAreaProps extends Common {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  lang?: string;
}

export function TextArea({
  id,
  label,
  hint,
  error,
  required,
  className,
  value,
  onChange,
  rows = 4,
  lang,
}: TextAreaProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        value={value}
        rows={rows}
        lang={lang}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  lang?: string;
}

interface SelectProps extends Common {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  disabled?: boolean;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  className,
  value,
  onChange,
  options,
  disabled,
}: SelectProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string;
}

export function Checkbox({ id, label, checked, onChange, hint, error }: CheckboxProps) {
  return (
    <div className={`field checkbox${error ? ' has-error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

type FileFieldProps = Common & {
  accept: string;
  onChange: (file: File | null) => void;
};

/**
 * A file input with its label, hint and error. A file input cannot be emptied from script in
 * every browser: give it a new `key` to start it over after an upload.
 */
export function FileField({ id, label, hint, error, required, className, accept, onChange }: FileFieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
