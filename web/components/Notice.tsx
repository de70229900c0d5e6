import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A message that replaces what the reader was using (a form that is gone once sent): it takes
 * focus when it appears, so keyboard and screen-reader users are not left on a removed button.
 */
export function Notice({ children, alert = false }: { children: ReactNode; alert?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="notice" role={alert ? 'alert' : 'status'} tabIndex={-1}>
      {children}
    </div>
  );
}
