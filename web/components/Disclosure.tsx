import { useId, useState, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  children: ReactNode;
  /** Controlled use (an editor that must open a panel to show an error in it). */
  open?: boolean;
  onToggle?: (open: boolean) => void;
  className?: string;
}

/** A button that shows and hides what follows it (aria-expanded), for secondary forms. */
export function Disclosure({ label, children, open, onToggle, className }: Props) {
  const [own, setOwn] = useState(false);
  const id = useId();
  const isOpen = open ?? own;
  const toggle = () => {
    if (onToggle) onToggle(!isOpen);
    if (open === undefined) setOwn(!isOpen);
  };
  return (
    <div className={className ? `disclosure ${className}` : 'disclosure'}>
      <button
        type="button"
        className="secondary disclosure-button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={toggle}
      >
        {label}
      </button>
      <div id={id} hidden={!isOpen}>
        {isOpen && children}
      </div>
    </div>
  );
}
