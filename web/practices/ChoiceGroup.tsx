import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

export interface Choice {
  value: string;
  label: string;
}

/**
 * Several values picked with checkboxes inside a fieldset whose legend names the group; long
 * lists scroll within a box (the checkboxes keep it reachable by keyboard). The error sits
 * with the first checkbox, where the error summary's link lands.
 */
export function ChoiceGroup({
  id,
  legend,
  choices,
  value,
  onChange,
  error,
  required,
  long = false,
  hint,
}: {
  id: string;
  legend: string;
  choices: Choice[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  required?: boolean;
  long?: boolean;
  hint?: ReactNode;
}) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={`field choice-group${error ? ' has-error' : ''}`} aria-describedby={described || undefined}>
      <legend>
        {legend}
        {required && (
          <span className="required">
            {' '}
            <FormattedMessage id="form.required" />
          </span>
        )}
      </legend>
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
      <ul className={long ? 'choices choices-long' : 'choices'}>
        {choices.map((c, i) => (
          <li key={c.value}>
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${c.value}`}
              checked={value.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${c.value}`}>{c.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
