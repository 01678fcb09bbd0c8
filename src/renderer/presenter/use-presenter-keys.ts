/** Listens for the presenter keys (presenter-keys.ts) on the host's screen and runs their actions. */
import { useEffect, useRef } from 'react';
import { presenterAction, type PresenterAction } from './presenter-keys';

export type PresenterHandlers = Partial<Record<PresenterAction, (() => void) | null>>;

export function usePresenterKeys(handlers: PresenterHandlers): void {
  // The latest handlers, without re-adding the listener on every render.
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = presenterAction({
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        target,
      });
      const run = action ? current.current[action] : null;
      if (!run) return;
      // Space would otherwise scroll, and PageDown page down.
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
