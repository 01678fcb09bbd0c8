/**
 * Rows that slide to their new places (the FLIP technique: remember where each row was, let the
 * layout change, then animate each row from its old place to its new one). Children to move carry
 * `data-flip-id`; `order` is whatever changes when they are reordered.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { prefersReducedMotion } from './use-reduced-motion';

export function useFlip<T extends HTMLElement>(order: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const last = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const items = [...container.querySelectorAll<HTMLElement>('[data-flip-id]')];
    const now = new Map(items.map((el) => [el.dataset.flipId ?? '', el.getBoundingClientRect().top]));
    if (!prefersReducedMotion()) {
      for (const el of items) {
        const before = last.current.get(el.dataset.flipId ?? '');
        const after = now.get(el.dataset.flipId ?? '');
        if (before === undefined || after === undefined || before === after) continue;
        el.animate([{ transform: `translateY(${before - after}px)` }, { transform: 'none' }], {
          duration: 700,
          easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)',
        });
      }
    }
    last.current = now;
  }, [order]);
  return ref;
}
