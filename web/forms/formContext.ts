import { createContext, useContext, useEffect } from 'react';

export interface FormRegistry {
  /** Lets a control hidden in a closed tab or panel be shown before the summary focuses it. */
  register: (fieldId: string, reveal: () => void) => () => void;
  /** Calls every reveal registered for the field (an item panel, then a language tab in it). */
  reveal: (fieldId: string) => void;
}

export const FormRegistryContext = createContext<FormRegistry | null>(null);

/** Registers how to show `fieldIds` (open a tab, expand an item) while the caller is mounted. */
export function useReveal(fieldIds: readonly string[], reveal: (fieldId: string) => void): void {
  const registry = useContext(FormRegistryContext);
  const key = fieldIds.join('\n');
  useEffect(() => {
    if (!registry) return;
    const undo = key.split('\n').map((id) => registry.register(id, () => reveal(id)));
    return () => undo.forEach((u) => u());
  }, [registry, key, reveal]);
}

export function useFormRegistry(): FormRegistry | null {
  return useContext(FormRegistryContext);
}
