/**
 * The countdown bar of a question (and of the pauses between questions). It ends when the host's
 * deadline ends, measured on the host's clock. The bar itself is decoration; the seconds are text,
 * and the last seconds are announced politely to screen readers, once each.
 */
import { useRemainingMs } from '../api/use-host-clock';
import { useIntl } from 'react-intl';
import { useT } from '../i18n';
import './time-bar.css';

interface TimeBarProps {
  deadline: number;
  totalMs: number;
  clockOffset: number;
  /** Announce "N seconds left" and "Time is up" to screen readers. */
  announce?: boolean;
  /** What comes when the time is up, e.g. "Next question": shown as "Next question in 5 s". */
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
  const t = useT();
  const intl = useIntl();
  const running = useRemainingMs(frozenMs === null ? deadline : null, clockOffset);
  const remaining = frozenMs ?? running;
  const seconds = Math.ceil(remaining / 1000);
  const fraction = totalMs > 0 ? Math.min(1, remaining / totalMs) : 0;
  const urgent = seconds <= 3;
  // The live region's text changes only at these marks, so each is announced once.
  const mark = ANNOUNCE_AT.find((s) => seconds <= s && s * 1000 < totalMs);
  const message =
    remaining === 0
      ? t('play.timeUpAnnounce')
      : mark !== undefined
        ? t('play.secondsLeft', { count: mark })
        : '';

  return (
    <div className={`time-bar time-bar--${size}${urgent ? ' is-urgent' : ''}`}>
      <div className="time-bar__track" aria-hidden="true">
        <div className="time-bar__fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <div className="time-bar__seconds">
        {label ? <span className="time-bar__label">{t('play.nextIn', { next: label })} </span> : null}
        <span className="time-bar__number">{intl.formatNumber(seconds)}</span>
        <span className="time-bar__unit"> {t('play.secondsUnit')}</span>
      </div>
      {announce ? (
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {message}
        </div>
      ) : null}
    </div>
  );
}
