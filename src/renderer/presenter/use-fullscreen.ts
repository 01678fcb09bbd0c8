/**
 * Full screen for the projector (the Fullscreen API on the whole page): whether it is on, and a
 * toggle for the button and the F key. Esc leaves full screen too (the browser's own way out).
 */
import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isOn = () => document.fullscreenElement !== null;

export function useFullscreen(): { supported: boolean; active: boolean; toggle(): void } {
  const active = useSyncExternalStore(subscribe, isOn, () => false);
  const toggle = useCallback(() => {
    // Refused (no user gesture, a frame without permission): the button stays as it was.
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    else document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { supported: document.fullscreenEnabled === true, active, toggle };
}
