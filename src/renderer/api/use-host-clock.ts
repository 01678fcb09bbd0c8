/**
 * Time on the host's clock, as this screen sees it. Deadlines come from the host, so a countdown
 * reads the host's time (this machine's time plus the measured offset) and ends when the host's
 * deadline does, whatever this machine's clock says. While the host is unreachable the game is
 * paused: countdowns stand still at the moment it was lost (ClientView.pausedAt).
 */
import { useEffect, useState } from 'react';
import { useAppState } from './api-context';

export function hostNow(clockOffset: number): number {
  return Date.now() + clockOffset;
}

/** The host-clock time at which the host became unreachable, or null while it is reachable. */
function usePausedAt(): number | null {
  const game = useAppState().game;
  return game?.connection === 'reconnecting' ? game.pausedAt : null;
}

/** Milliseconds left until `deadline` (host clock), refreshed every `everyMs`; 0 once passed. */
export function useRemainingMs(deadline: number | null, clockOffset: number, everyMs = 200): number {
  const pausedAt = usePausedAt();
  const at = () => pausedAt ?? hostNow(clockOffset);
  const left = () => (deadline === null ? 0 : Math.max(0, deadline - at()));
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    if (deadline === null) return;
    const tick = () => setRemaining(Math.max(0, deadline - (pausedAt ?? hostNow(clockOffset))));
    tick();
    if (pausedAt !== null) return;
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [deadline, clockOffset, everyMs, pausedAt]);
  return deadline === null ? 0 : remaining;
}
