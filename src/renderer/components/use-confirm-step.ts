/**
 * A button whose action cannot be undone asks first: the first press arms it, a second press
 * within a few seconds does it, and the question goes away by itself otherwise.
 */
import { useCallback, useEffect, useState } from 'react';

const CONFIRM_MS = 4000;

export function useConfirmStep(action: () => void): { asking: boolean; press(): void } {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const timer = setTimeout(() => setAsking(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [asking]);
  const press = useCallback(() => {
    if (!asking) return setAsking(true);
    setAsking(false);
    action();
  }, [asking, action]);
  return { asking, press };
}
