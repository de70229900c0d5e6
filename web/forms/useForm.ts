import { useCallback, useMemo, useState } from 'react';
import type { FormError } from './problem.js';

export interface FormState {
  errors: FormError[];
  busy: boolean;
  /** A success sentence for the form's live region (null: none). */
  done: string | null;
  errorFor: (fieldId: string) => string | undefined;
  /** Shows `errors` in the summary and moves focus to it. */
  fail: (errors: FormError[]) => void;
  setDone: (message: string | null) => void;
  /**
   * Runs a submission: client checks first (`validate` returns errors), then `action`; an error
   * `action` throws is turned into summary entries by `onError`.
   */
  submit: (
    validate: () => FormError[],
    action: () => Promise<void>,
    onError: (err: unknown) => FormError[],
  ) => Promise<void>;
  /** Grows on every failure: the error summary takes focus each time it changes. */
  focusTick: number;
}

export function useForm(): FormState {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const fail = useCallback((list: FormError[]) => {
    setErrors(list);
    setDone(null);
    setFocusTick((n) => n + 1);
  }, []);

  const submit = useCallback<FormState['submit']>(
    async (validate, action, onError) => {
      const local = validate();
      if (local.length > 0) {
        fail(local);
        return;
      }
      setErrors([]);
      setDone(null);
      setBusy(true);
      try {
        await action();
      } catch (err) {
        fail(onError(err));
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  return useMemo<FormState>(
    () => ({
      errors,
      busy,
      done,
      errorFor: (id) => errors.find((e) => e.field === id)?.message,
      fail,
      setDone,
      submit,
      focusTick,
    }),
    [errors, busy, done, fail, submit, focusTick],
  );
}
