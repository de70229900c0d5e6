import { useCallback, useEffect, useMemo, useRef, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { FormRegistryContext, type FormRegistry } from './formContext.js';
import type { FormState } from './useForm.js';

/** Focus a control, first showing it if it sits in a closed tab or panel. */
function focusField(registry: FormRegistry, id: string): void {
  registry.reveal(id);
  // Opening a panel mounts what it holds (a tab list that must switch language in turn): reveal
  // again once that rendered, then focus once the control is visible.
  requestAnimationFrame(() => {
    registry.reveal(id);
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    });
  });
}

function ErrorSummary({ form, registry }: { form: FormState; registry: FormRegistry }) {
  const ref = useRef<HTMLDivElement>(null);
  // After the summary has rendered with the new errors, so screen readers read it at once.
  useEffect(() => {
    if (form.focusTick > 0) ref.current?.focus();
  }, [form.focusTick]);
  if (form.errors.length === 0) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    focusField(registry, id);
  };
  return (
    // Focused when shown (useForm), so it is read at once; no live role to avoid reading it twice.
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <h2>
        <FormattedMessage id="form.errorSummary" />
      </h2>
      <ul>
        {form.errors.map((error, i) => (
          <li key={i}>
            {error.field ? (
              <a href={`#${error.field}`} onClick={(event) => follow(event, error.field ?? '')}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FormProps {
  form: FormState;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  /** Names the form for assistive technology when a page has several. */
  labelledBy?: string;
}

/**
 * A form validated by us (noValidate), with its error summary first and a live region for the
 * success message after.
 */
export function Form({ form, onSubmit, children, className, labelledBy }: FormProps) {
  const reveals = useRef(new Map<string, Set<() => void>>());
  const register = useCallback((id: string, reveal: () => void) => {
    const set = reveals.current.get(id) ?? new Set();
    set.add(reveal);
    reveals.current.set(id, set);
    return () => {
      set.delete(reveal);
    };
  }, []);
  const reveal = useCallback((id: string) => reveals.current.get(id)?.forEach((r) => r()), []);
  const registry = useMemo<FormRegistry>(() => ({ register, reveal }), [register, reveal]);

  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.busy) onSubmit();
  };
  return (
    <FormRegistryContext.Provider value={registry}>
      <form noValidate onSubmit={handle} className={className} aria-labelledby={labelledBy}>
        <ErrorSummary form={form} registry={registry} />
        {children}
        <p role="status" className={form.done ? 'form-done' : 'form-done empty'}>
          {form.done}
        </p>
      </form>
    </FormRegistryContext.Provider>
  );
}
