/**
 * A screen's main heading. It takes focus when the screen appears, so that a screen reader reads
 * the new screen and a keyboard user's next Tab starts at its top. With `fit`, its text shrinks to
 * fit the box the layout gives it (see fit-text.tsx).
 */
import { useEffect, type ReactNode } from 'react';
import { useFitText } from './fit-text';

interface ScreenHeadingProps {
  children: ReactNode;
  className?: string;
  /** Shrink the text to fit; `fit` is what the text is (refitted when it changes). */
  fit?: string;
}

export function ScreenHeading({ children, className, fit }: ScreenHeadingProps) {
  const ref = useFitText<HTMLHeadingElement>(fit ?? null, fit !== undefined);
  useEffect(() => {
    // Leave focus where it is if the person is already typing in a field of the new screen.
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('input, select, textarea')) return;
    ref.current?.focus({ preventScroll: true });
  }, [ref]);
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={`screen-heading${fit !== undefined ? ' fit' : ''} ${className ?? ''}`}
    >
      {fit !== undefined ? <span className="fit__text">{children}</span> : children}
    </h1>
  );
}
