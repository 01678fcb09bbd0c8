/**
 * Text that shrinks to fit its box: the stylesheet gives the size the text should have and the
 * box's size (from the layout, never from the text); when the text does not fit at that size, the
 * font size is lowered until it does, down to a floor. Refitted when the text or the box changes
 * (window resized, phone turned), so a 500-character prompt never pushes the answers off a
 * projector and never scrolls.
 */
import { useLayoutEffect, useRef, type ElementType, type ReactNode, type RefObject } from 'react';
import './fit-text.css';

/** The smallest size text is shrunk to, in px: below it, it is no longer worth showing. */
const FLOOR_PX = 9;

function fits(el: HTMLElement): boolean {
  return el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
}

/** Sets `el`'s font size to the largest that fits, at most the stylesheet's; returns it. */
export function fitFontSize(el: HTMLElement, floorPx = FLOOR_PX): number {
  el.style.fontSize = '';
  const max = parseFloat(getComputedStyle(el).fontSize);
  if (!(max > floorPx) || fits(el)) return max;
  let lo = floorPx;
  let hi = max;
  // Bisection to half a pixel: about seven layouts.
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    el.style.fontSize = `${mid}px`;
    if (fits(el)) lo = mid;
    else hi = mid;
  }
  el.style.fontSize = `${lo}px`;
  return lo;
}

/** A ref for the box to fit; `enabled` false leaves the box alone (same hooks either way). */
export function useFitText<T extends HTMLElement>(text: unknown, enabled = true): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    fitFontSize(el);
    if (typeof ResizeObserver !== 'function') return;
    let last = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size === last) return;
      last = size;
      fitFontSize(el);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, enabled]);
  return ref;
}

interface FitTextProps {
  as?: ElementType;
  className?: string;
  children: ReactNode;
  /** What the text is, for refitting when it changes (defaults to the children when a string). */
  text?: string;
  id?: string;
}

/** A box whose text is shrunk to fit (see the module comment). */
export function FitText({ as: Tag = 'div', className, children, text, id }: FitTextProps) {
  const ref = useFitText<HTMLElement>(text ?? (typeof children === 'string' ? children : null));
  return (
    <Tag ref={ref} id={id} className={`fit ${className ?? ''}`}>
      <span className="fit__text">{children}</span>
    </Tag>
  );
}
