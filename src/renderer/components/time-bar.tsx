/**
 * The countdown bar of a question (and of the pauses between questions). It ends when the host's
 * deadline ends, measured on the host's clock. The bar itself is decoration; the seconds are text,
 * and the last seconds are announced politely to screen readers, once each.
 */
import { useRemainingMs } from '../api/use-host-clock';
import './time-bar.css';

interface TimeBarProps {
  deadline: number;
  totalMs: number;
  clockOffset: number;
  /** Announce "N seconds left" and "Time is up" to screen readers. */
  announce?: boolean;
  /** Shown before the seconds, e.g. "Next question in". */
  label?: string;
  size?: 'large' | 'small';
  /** The host paused the timer with this much left: the bar stands still there. */
  frozenMs?: number | null;
}

/** Marks, smallest first, at which the time left is announced. */
const ANNOUNCE_AT = [5, 10];

export function TimeBar({
  deadline,
  totalMs,
  clockOffset,
  announce = false,
  label,
  size = 'large',
  frozenMs = null,
}: TimeBarProps) {
  const running = useRemainingMs(frozenMs === null ? deadline : null, clockOffset);
  const remaining = frozenMs ?? running;
  const seconds = Math.ceil(remaining / 1000);
  const fraction = totalMs > 0 ? Math.min(1, remaining / totalMs) : 0;
  const urgent = seconds <= 3;
  // The live region's text changes only at these marks, so each is announced once.
  const mark = ANNOUNCE_AT.find((s) => seconds <= s && s * 1000 < totalMs);
  const message = remaining === 0 ? 'Time is up.' : mark !== undefined ? `${mark} seconds left.` : '';

  return (
    <div className={`time-bar time-bar--${size}${urgent ? ' is-urgent' : ''}`}>
      <div className="time-bar__track" aria-hidden="true">
        <div className="time-bar__fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <div className="time-bar__seconds">
        {label ? <span className="time-bar__label">{label} </span> : null}
        <span className="time-bar__number">{seconds}</span>
        <span className="time-bar__unit"> s</span>
      </div>
      {announce ? (
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {message}
        </div>
      ) : null}
    </div>
  );
}
