import { useEffect, useRef } from 'react';

/**
 * Focus a control once the next render has put it on the page: a row just added, or the add
 * button after its row was removed (the control that had focus is gone).
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id: string) => {
    pending.current = id;
  };
}
