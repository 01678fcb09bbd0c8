/**
 * A screen's main heading. It takes focus when the screen appears, so that a screen reader reads
 * the new screen and a keyboard user's next Tab starts at its top.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Leave focus where it is if the person is already typing in a field of the new screen.
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('input, select, textarea')) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={`screen-heading ${className ?? ''}`}>
      {children}
    </h1>
  );
}
