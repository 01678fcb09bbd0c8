/**
 * Time on the host's clock, as this screen sees it. Deadlines come from the host, so a countdown
 * reads the host's time (this machine's time plus the measured offset) and ends when the host's
 * deadline does, whatever this machine's clock says.
 */
import { useEffect, useState } from 'react';

export function hostNow(clockOffset: number): number {
  return Date.now() + clockOffset;
}

/** Milliseconds left until `deadline` (host clock), refreshed every `everyMs`; 0 once passed. */
export function useRemainingMs(deadline: number | null, clockOffset: number, everyMs = 200): number {
  const left = () => (deadline === null ? 0 : Math.max(0, deadline - hostNow(clockOffset)));
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    if (deadline === null) return;
    const tick = () => setRemaining(Math.max(0, deadline - hostNow(clockOffset)));
    tick();
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [deadline, clockOffset, everyMs]);
  return deadline === null ? 0 : remaining;
}
