import { Checkbox } from '../../forms/Field.js';

/**
 * A group of checkboxes under a legend (states, regions): every one reachable with Tab and
 * toggled with Space, as a native control.
 */
export function ChoiceList({
  id,
  legend,
  hint,
  options,
  chosen,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset className="stats-choices" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <div className="stats-choice-grid">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${id}-${o.value}`}
            label={o.label}
            checked={chosen.includes(o.value)}
            onChange={(on) => onChange(on ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
          />
        ))}
      </div>
    </fieldset>
  );
}
