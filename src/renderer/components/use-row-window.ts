/**
 * Which rows of a long table to render: only those in view in its scrolling box, and a few on
 * either side, with the space of the others kept by two spacer rows. Rows must be of one height
 * (the windowed table's CSS keeps each to one line); that height is measured from a rendered row.
 * With 5,000 players the host's full standings stay a few dozen rows in the DOM.
 */
import { useEffect, useState, type RefObject } from 'react';

/** A first guess of the distance from one row to the next, until one is measured. */
const GUESS_PX = 56;
const OVERSCAN = 8;

export interface RowWindow {
  start: number;
  end: number;
  /** Space to keep above and below the rendered rows, in px. */
  before: number;
  after: number;
}

export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  table: RefObject<HTMLTableElement | null>,
  count: number,
  enabled: boolean,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: 1200, pitch: GUESS_PX });
  useEffect(() => {
    const box = scroller.current;
    if (!enabled || !box) return;
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const row = table.current?.querySelector<HTMLElement>('tbody tr[data-row]');
        const spacing = table.current
          ? parseFloat(getComputedStyle(table.current).borderSpacing.split(' ')[1] ?? '0') || 0
          : 0;
        const measured = row ? row.getBoundingClientRect().height + spacing : 0;
        setView((v) => {
          const next = {
            top: box.scrollTop,
            height: box.clientHeight,
            pitch: measured > 0 ? measured : v.pitch,
          };
          return next.top === v.top && next.height === v.height && next.pitch === v.pitch ? v : next;
        });
      });
    };
    read();
    box.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, [scroller, table, enabled]);

  if (!enabled) return { start: 0, end: count, before: 0, after: 0 };
  const start = Math.min(count, Math.max(0, Math.floor(view.top / view.pitch) - OVERSCAN));
  const end = Math.min(count, Math.ceil((view.top + view.height) / view.pitch) + OVERSCAN);
  return { start, end, before: start * view.pitch, after: (count - end) * view.pitch };
}
